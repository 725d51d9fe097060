/**
 * Leftovers: temp files of runs that were killed are swept by the next run, whatever they were
 * for (the calendar, its backup, the lock, the takeover guard, a plan file), and Ctrl-C removes
 * whatever the run had created, even a temp file created a moment before the signal.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_CONFIG, generateCalendar } from "../../bench/generate.js";
import { BIN, ROOT, runCli, tempProject } from "../helpers/cli.js";
import { soakCases } from "../helpers/soak.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];

/** A pid that ran and is gone. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("leftovers", () => {
  it("every temp name of a gone process is swept; a running one's is kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "failover-leftovers-"));
    cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
    const gone = deadPid();
    const abandoned = [
      `.calendar.yaml.${gone}.a1b2c3.tmp`,
      `.calendar.yaml.bak.${gone}.a1b2c3.tmp`,
      `.calendar.yaml.lock.${gone}.a1b2c3.tmp`,
      `.calendar.yaml.lock.takeover.${gone}.a1b2c3.tmp`,
      `.plan.json.${gone}.a1b2c3.tmp`,
    ];
    const running = `.calendar.yaml.bak.${process.pid}.d4e5f6.tmp`;
    for (const name of [...abandoned, running]) writeFileSync(join(dir, name), "half");
    const r = await runCli(["reroute", "--yes", "--plan-out", "plan.json", "-q", ...NOW], { cwd: dir });
    expect(r.code).toBe(4);
    const left = readdirSync(dir).filter((f) => f.endsWith(".tmp"));
    expect(left).toEqual([running]);
  });

  it("Ctrl-C while applying leaves no temp file and no lock, whenever it comes", async () => {
    const dir = tempProject({ "calendar.yaml": generateCalendar(3_000), "config/failover.yaml": BENCH_CONFIG });
    const args = ["reroute", "--yes", "-q", "--now", "2026-07-14T08:00:00Z", "--window", "7d", "--assume", "instagram=major_outage", "--out", "out.yaml"];
    const interrupt = (whenTempAppears: boolean, afterMs: number) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: "ignore", env: { ...process.env, NO_COLOR: "1", CI: "true" } });
        const timers: NodeJS.Timeout[] = [];
        const send = () => timers.push(setTimeout(() => child.kill("SIGINT"), afterMs));
        if (whenTempAppears) {
          const poll = setInterval(() => {
            if (!readdirSync(dir).some((f) => f.endsWith(".tmp"))) return;
            clearInterval(poll);
            child.kill("SIGINT");
          }, 1);
          timers.push(poll);
          timers.push(setTimeout(() => child.kill("SIGINT"), 60_000));
        } else send();
        child.on("error", reject);
        child.on("close", (code) => {
          for (const t of timers) clearTimeout(t);
          resolve(code);
        });
      });
    // Ctrl-C the moment a temp file appears (three times: the moment varies), and at fixed times;
    // `npm test` sends one of each (tests/helpers/soak.ts).
    const KILLS = [[true, 0], [true, 0], [true, 0], [false, 300], [false, 900], [false, 1500]] as const;
    for (const [whenTempAppears, afterMs] of soakCases(KILLS, (kill) => kill === KILLS[0] || kill === KILLS[4])) {
      // 130: stopped by our handler; null: the signal came before it was set up or after the run
      // had finished (the default action); 0: the run ended first.
      const code = await interrupt(whenTempAppears, afterMs);
      expect([0, 130, null]).toContain(code);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock") || f.endsWith(".takeover"))).toEqual([]);
      if (existsSync(join(dir, "out.yaml"))) spawnSync("rm", ["-f", join(dir, "out.yaml"), join(dir, "out.yaml.bak")]);
    }
  }, 240_000);
});
