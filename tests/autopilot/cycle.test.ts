/**
 * One autopilot cycle as the library runs it (src/autopilot/cycle.ts), on real files in a temp
 * folder with the real planner and writer; only health (and publishing) are handed in. Each call
 * reads its state from `.failover/` as a `failover run --once` in CI every 5 minutes would.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCycle, type ApplyMode, type CycleDeps } from "../../src/autopilot/cycle.js";
import { autopilotSettings } from "../../src/autopilot/guard.js";
import { appendHistory, historyEntries, readHistory } from "../../src/autopilot/history.js";
import { pause } from "../../src/autopilot/pause.js";
import type { ChannelHealth } from "../../src/health/types.js";
import type { HealthStatus } from "../../src/health/status.js";
import { loadProject } from "../../src/project.js";
import type { PublishReport } from "../../src/publish/publish.js";
import { applyPlan } from "../../src/writer/apply.js";
import { tempProject } from "../helpers/cli.js";

const T0 = Date.parse("2026-07-14T08:00:00Z");
const MIN = 60_000;

const posts = (n: number) =>
  Array.from({ length: n }, (_, i) => `  - id: reel-${i + 1}\n    channel: instagram\n    at: 2026-07-14T1${i}:00\n    text: "Launch day ${i + 1} #AcmeBottle"\n    backups: [bluesky]\n`).join("");

function project(autopilot: string, n = 3): string {
  return tempProject({
    "calendar.yaml": `version: 1\ntimezone: UTC\nposts:\n${posts(n)}`,
    "config/failover.yaml": `version: 1\nchannels:\n  instagram: { health: [{ kind: manual, status: operational }] }\n  bluesky: { health: [{ kind: manual, status: operational }] }\nautopilot: ${autopilot}\n`,
  });
}

const health = (down: boolean) => (_config: unknown, names: readonly string[]): Promise<ChannelHealth[]> =>
  Promise.resolve(names.map((name) => {
    const status: HealthStatus = down && name === "instagram" ? "major_outage" : "operational";
    return { name, platform: name, status, sources: [{ kind: "manual", name: "manual", status }] } as ChannelHealth;
  }));

function deps(dir: string, down: boolean, publish?: CycleDeps["publish"]): CycleDeps {
  return { loadProject: () => loadProject({ calendar: join(dir, "calendar.yaml"), config: join(dir, "config/failover.yaml") }), checkHealth: health(down), apply: applyPlan, ...(publish ? { publish } : {}) };
}

const cycle = (dir: string, at: number, mode: ApplyMode, down = true, publish?: CycleDeps["publish"]) =>
  runCycle(deps(dir, down, publish), { now: at, mode, windowMs: 48 * 60 * MIN, settings: autopilotSettings });

const kinds = (r: { alerts: Array<{ kind: string }> }) => r.alerts.map((a) => a.kind);

describe("one autopilot cycle", () => {
  it("--apply ask changes nothing, asks once with the plan, and a later --once run does not ask again", async () => {
    const dir = project("{ confirmFor: 1m }");
    const before = readFileSync(join(dir, "calendar.yaml"), "utf8");
    const first = await cycle(dir, T0, "ask");
    expect(first.moved).toEqual([]);
    expect(first.held.map((h) => h.reason)).toEqual(["--apply ask", "--apply ask", "--apply ask"]);
    expect(kinds(first)).toEqual(["verdict", "approval"]);
    expect(first.alerts[1]!.plan?.actions.map((a) => a.postId)).toEqual(["reel-1", "reel-2", "reel-3"]);
    expect(first.alerts[1]!.text).toContain("• reel-1: --apply ask");
    const again = await cycle(dir, T0 + 5 * MIN, "ask");
    expect(again.held).toHaveLength(3);
    expect(again.alerts).toEqual([]);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
  });

  it("--apply never changes nothing and only reports: the verdict alert, no request for approval", async () => {
    const dir = project("{ confirmFor: 1m }");
    const before = readFileSync(join(dir, "calendar.yaml"), "utf8");
    const r = await cycle(dir, T0, "never");
    expect([r.moved, r.failedBack]).toEqual([[], []]);
    expect(r.held.map((h) => h.reason)).toEqual(["--apply never", "--apply never", "--apply never"]);
    expect(kinds(r)).toEqual(["verdict"]);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
  });

  it("stops at maxAutoMoves per outage and asks a person for the rest, once", async () => {
    const dir = project("{ confirmFor: 1m, maxAutoMoves: 2 }");
    expect(kinds(await cycle(dir, T0, "auto"))).toEqual(["verdict"]);
    const first = await cycle(dir, T0 + MIN, "auto");
    expect(first.moved.map((m) => m.postId)).toEqual(["reel-1", "reel-2"]);
    expect(first.held).toEqual([{ postId: "reel-3", reason: "2 posts already moved in this instagram outage (autopilot.maxAutoMoves)" }]);
    expect(kinds(first)).toEqual(["applied", "approval"]);
    const next = await cycle(dir, T0 + 5 * MIN, "auto");
    expect(next.moved).toEqual([]);
    expect(next.held.map((h) => h.postId)).toEqual(["reel-3"]);
    expect(next.alerts).toEqual([]);
    // A new outage starts its own count: the channel recovers (failback), then goes down again.
    const up = await cycle(dir, T0 + 10 * MIN, "auto", false);
    expect(up.failedBack.sort()).toEqual(["reel-1", "reel-2"]);
    expect(kinds(up)).toEqual(["recovered", "failback"]);
    expect(kinds(await cycle(dir, T0 + 15 * MIN, "auto"))).toEqual(["verdict"]);
    const down = await cycle(dir, T0 + 16 * MIN, "auto");
    expect(down.moved.map((m) => m.postId)).toEqual(["reel-1", "reel-2"]);
    expect(kinds(down)).toEqual(["applied", "approval"]);
  });

  it("waits out confirmFor before moving anything, without asking anyone meanwhile", async () => {
    const dir = project("{ confirmFor: 10m }", 1);
    const seen = await cycle(dir, T0, "auto");
    expect([seen.moved, seen.held.map((h) => h.reason)]).toEqual([[], ["instagram has not been down for autopilot.confirmFor yet"]]);
    expect(kinds(seen)).toEqual(["verdict"]);
    const still = await cycle(dir, T0 + 9 * MIN, "auto");
    expect([still.moved, still.alerts]).toEqual([[], []]);
    const acted = await cycle(dir, T0 + 10 * MIN, "auto");
    expect(acted.moved.map((m) => m.postId)).toEqual(["reel-1"]);
    expect(kinds(acted)).toEqual(["applied"]);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toContain("reel-1--bluesky");
  });

  it("while paused reads and records health but moves, fails back and publishes nothing", async () => {
    const dir = project("{ confirmFor: 1m }");
    await pause(join(dir, ".failover", "pause"), "launch under manual control", "2026-07-14T07:00:00Z");
    const before = readFileSync(join(dir, "calendar.yaml"), "utf8");
    let published = 0;
    const r = await cycle(dir, T0, "auto", true, async () => (published++, emptyPublish()));
    expect(r.paused).toBe("launch under manual control (since 2026-07-14T07:00:00Z)");
    expect([r.moved, published, kinds(r)]).toEqual([[], 0, ["verdict"]]);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
    expect(readFileSync(join(dir, ".failover", "history.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("alerts a failed or uncertain post once, across cycles and a verdict change", async () => {
    const dir = project("{ confirmFor: 1m }", 1);
    const report = (): PublishReport => ({
      ...emptyPublish(),
      failed: [{ postId: "news", channel: "bluesky", error: "AuthFactorTokenRequired", retryable: false }],
      uncertain: [{ postId: "digest", channel: "team", reason: "no answer: it may have arrived; not resent" }],
    });
    const first = await cycle(dir, T0, "never", false, async () => report());
    expect(first.publish).toMatchObject({ failed: [{ postId: "news" }], uncertain: [{ postId: "digest" }], held: 0 });
    expect(kinds(first)).toEqual(["failed", "uncertain"]);
    expect(first.alerts[0]!.text).toContain("• news on bluesky: AuthFactorTokenRequired");
    const down = await cycle(dir, T0 + 5 * MIN, "never", true, async () => report());
    expect(kinds(down)).toEqual(["verdict"]);
  });
});

function emptyPublish(): PublishReport {
  return { schemaVersion: 1, now: "", dryRun: false, due: [], published: [], failed: [], held: [], uncertain: [], missed: [], recovered: [], calendar: {} };
}

describe("the health history", () => {
  it("rotates at its size bound, keeps one generation, and reads across both", async () => {
    const dir = tempProject({});
    const file = join(dir, ".failover", "history.jsonl");
    const check = (minute: number) => historyEntries([{ name: "instagram", platform: "instagram", status: minute % 2 ? "major_outage" : "operational", sources: [] }], new Date(T0 + minute * MIN).toISOString());
    const line = JSON.stringify(check(0)[0]).length + 1;
    // Room for three lines: the fourth append finds the file full and rotates it first.
    for (let m = 0; m < 4; m++) await appendHistory(file, check(m), 3 * line);
    expect(readFileSync(`${file}.1`, "utf8").trim().split("\n")).toHaveLength(3);
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(1);
    expect((await readHistory(file, T0)).map((e) => e.at)).toEqual([0, 1, 2, 3].map((m) => new Date(T0 + m * MIN).toISOString()));
    for (let m = 4; m < 7; m++) await appendHistory(file, check(m), 3 * line);
    // The oldest generation is gone: the disk holds at most two files of the bound.
    expect((await readHistory(file, T0)).map((e) => e.at)).toEqual([3, 4, 5, 6].map((m) => new Date(T0 + m * MIN).toISOString()));
    writeFileSync(file, readFileSync(file, "utf8") + '{"at": "cut short');
    expect(await readHistory(file, T0)).toHaveLength(4);
    expect(existsSync(join(dir, ".failover", "history.jsonl.2"))).toBe(false);
  });
});
