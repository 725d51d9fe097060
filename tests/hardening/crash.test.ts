/**
 * Crash safety, proven the hard way: SIGKILL the writer at many points while it applies a plan to
 * a 20k-post calendar. Whatever the moment, the calendar holds the old bytes or the whole new
 * file, never a mix; the next run recovers the lock and the temp file a killed run left.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_CONFIG, generateCalendar } from "../../bench/generate.js";
import { BIN, tempProject } from "../helpers/cli.js";
import { seededRandom } from "../helpers/random.js";

const KILLS = 20;
const ARGS = ["reroute", "--yes", "-q", "--now", "2026-07-14T08:00:00Z", "--window", "7d", "--assume", "instagram=major_outage"];
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

type Kill = { afterMs: number } | { whenWritingPlusMs: number };

/**
 * Runs the CLI on `calendar` and kills it with SIGKILL: after a delay, or a few milliseconds after
 * its temp file for the calendar appears (the moment the new bytes are being written).
 */
function runApply(dir: string, calendar: string, kill?: Kill): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...ARGS, "-c", calendar], { cwd: dir, stdio: "ignore", env: { ...process.env, NO_COLOR: "1", CI: "true" } });
    const timers: NodeJS.Timeout[] = [];
    const temp = new RegExp(`^\\.${basename(calendar).replace(".", "\\.")}\\.\\d+\\.[0-9a-f]+\\.tmp$`);
    if (kill && "afterMs" in kill) timers.push(setTimeout(() => child.kill("SIGKILL"), kill.afterMs));
    if (kill && "whenWritingPlusMs" in kill) {
      const poll = setInterval(() => {
        if (!readdirSync(dir).some((f) => temp.test(f))) return;
        clearInterval(poll);
        timers.push(setTimeout(() => child.kill("SIGKILL"), kill.whenWritingPlusMs));
      }, 2);
      timers.push(poll);
    }
    child.on("error", reject);
    child.on("close", (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, ms: performance.now() - started });
    });
  });
}

describe("crash safety", () => {
  it(`SIGKILL at ${KILLS} points while applying to a 20k-post calendar leaves the old bytes or the whole new file`, async () => {
    const dir = tempProject({ "original.yaml": generateCalendar(20_000), "config/failover.yaml": BENCH_CONFIG });
    mkdirSync(join(dir, "assets"), { recursive: true });
    const original = join(dir, "original.yaml");
    const calendar = join(dir, "calendar.yaml");

    // The whole new file, from a run nobody interrupts.
    copyFileSync(original, join(dir, "reference.yaml"));
    const reference = await runApply(dir, "reference.yaml");
    expect(reference.code).toBe(0);
    const oldSha = sha(original);
    const newSha = sha(join(dir, "reference.yaml"));
    expect(newSha).not.toBe(oldSha);

    copyFileSync(original, calendar);
    const random = seededRandom(20_000);
    const outcomes = { old: 0, new: 0 };
    let locksLeft = 0;
    let tempsLeft = 0;
    for (let i = 0; i < KILLS; i++) {
      // A quarter of the kill points anywhere in the run; the rest while the new file is written.
      const kill: Kill = i % 4 === 0 ? { afterMs: reference.ms * random() } : { whenWritingPlusMs: 60 * random() };
      const run = await runApply(dir, calendar, kill);
      const now = sha(calendar);
      expect([oldSha, newSha], `kill ${i + 1}: ${JSON.stringify(kill)}`).toContain(now);
      outcomes[now === oldSha ? "old" : "new"]++;
      if (existsSync(`${calendar}.lock`)) locksLeft++;
      tempsLeft += readdirSync(dir).filter((f) => f.endsWith(".tmp")).length;
      if (run.signal === null) expect(run.code).toBe(0);
      // Start the next kill from the old calendar again, keeping whatever the killed run left.
      copyFileSync(original, calendar);
    }

    // A run after all that recovers any lock and temp file left behind and writes the new file.
    const last = await runApply(dir, calendar);
    expect(last.code).toBe(0);
    expect(sha(calendar)).toBe(newSha);
    expect(existsSync(`${calendar}.lock`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // What the kills hit, for the record (how they fall depends on the machine's speed).
    console.info(`crash safety: ${KILLS} kills: ${outcomes.old} left the old file, ${outcomes.new} the new; ${locksLeft} left a lock, ${tempsLeft} a temp file`);
    expect(outcomes.old + outcomes.new).toBe(KILLS);
  }, 300_000);
});
