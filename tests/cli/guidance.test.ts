/**
 * Issue 15 items 5-8 through the real bin: flags as people type them, empty and blocked checks
 * that say what to do, validate's warnings and --strict.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");

/** These folders have no config on purpose; the loud "no config found" warning is tested in config-lookup.test.ts. */
function withoutNoConfigWarning(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => !line.startsWith("warning: no config found"))
    .join("\n")
    .trim();
}

describe("flags as people type them", () => {
  it("--now's suggestion works as written; --assume down and --window 1w are taken", async () => {
    const refused = await runCli(["check", "--now", "tomorrow", "--no-state"], { cwd: DEMO });
    expect(refused.code).toBe(2);
    const suggestion = /write e\.g\. (\S+) \(read in America\/New_York, the calendar's zone\)/.exec(refused.stderr)?.[1];
    expect(suggestion).toMatch(/^\d{4}-\d{2}-\d{2}T10:00$/);
    // A local time is read in the calendar's zone: the same run as with the offset written out.
    const local = await runCli(["check", "--json", "--now", "2026-07-14T08:30", "--window", "1w", "--assume", "instagram=down", "--no-state"], { cwd: DEMO });
    expect(local.code).toBe(4);
    const doc = JSON.parse(local.stdout);
    expect(doc.now).toBe("2026-07-14T08:30:00-04:00");
    expect(doc.window.to).toBe("2026-07-21T08:30:00-04:00");
    expect(doc.channels.find((c: { name: string }) => c.name === "instagram")).toMatchObject({ status: "major_outage" });
  });

  it("a spelled-out duration in the calendar gets the short form to write", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - id: a\n    channel: x\n    at: 2026-07-14T10:00\n    text: hi\n    maxDelay: 3 hours\n" });
    const r = await runCli(["validate"], { cwd: dir });
    expect([r.code, withoutNoConfigWarning(r.stderr)]).toEqual([2, 'calendar.yaml:8:15 error: posts[0].maxDelay: "3 hours" is not a duration; did you mean "3h"?']);
  });
});

describe("check with nothing in the window", () => {
  it("says the window's bounds and when the next post is, with the --window that reaches it", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - { id: later, channel: x, at: 2026-07-20T10:00, text: hi }\n" });
    const r = await runCli(["check", "--now", "2026-07-14T08:00:00Z", "--no-state"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("No posts to go out between Tue 14 Jul 08:00 and Thu 16 Jul 08:00; the next is later on x at Mon 20 Jul 10:00 (--window 6d3h includes it).\n\nGO: nothing at risk\n");
    const json = JSON.parse((await runCli(["check", "--json", "--now", "2026-07-14T08:00:00Z", "--no-state"], { cwd: dir })).stdout);
    expect(json.nextPost).toEqual({ id: "later", channel: "x", at: "2026-07-20T10:00:00Z" });
  });

  it("reroute --dry-run says the same, and the window's bounds when every post in it is fine", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - { id: later, channel: x, at: 2026-07-20T10:00, text: hi }\n" });
    const empty = await runCli(["reroute", "--dry-run", "--now", "2026-07-14T08:00:00Z", "--no-state"], { cwd: dir });
    expect([empty.code, empty.stdout]).toEqual([0, "Nothing to reroute. No posts to go out between Tue 14 Jul 08:00 and Thu 16 Jul 08:00; the next is later on x at Mon 20 Jul 10:00 (--window 6d3h includes it).\n\nGO: nothing at risk\n"]);
    const healthy = await runCli(["reroute", "--dry-run", "--now", "2026-07-14T08:30:00-04:00", "--no-state", "--assume", "instagram=up"], { cwd: DEMO });
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toContain("\nNothing to reroute. All 7 posts in the window (Tue 14 Jul 08:30 to Thu 16 Jul 08:30) are on healthy channels.\n");
  });

  it("failback --dry-run with nothing to do says why: nothing was moved, or what the moved posts wait for; and the next post", async () => {
    const now = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"];
    const none = await runCli(["failback", "--dry-run", ...now], { cwd: DEMO });
    expect([none.code, none.stdout]).toEqual([0, "Nothing to fail back: no post in calendar.yaml was moved by failover. The next post is launch-reel on instagram at Tue 14 Jul 09:00.\n"]);
    const dir = tempProject();
    await runCli(["reroute", "--yes", "-q", ...now, "-c", join(DEMO, "calendar.yaml"), "--out", join(dir, "calendar.yaml")], { cwd: DEMO });
    const waiting = await runCli(["failback", "--dry-run", ...now, "-c", join(dir, "calendar.yaml"), "--config", join(DEMO, "config", "failover.yaml")], { cwd: dir });
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toContain(
      "Nothing to fail back yet: posts failover moved away from instagram return once their channel is healthy and their stand-in has not gone out (instagram is down (major outage)). The next post is launch-reel--x on x at Tue 14 Jul 09:00.",
    );
  });
});

describe("a blocked post says what would fix it wherever it is shown", () => {
  it("check's table and JSON, the plan, its Markdown, annotations, JUnit, and the autopilot's alert", async () => {
    const now = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"];
    const fix = "bluesky and x are healthy and free at Tue 14 Jul 20:30: add them to backups";
    const shown = async (args: string[], cwd = DEMO) => (await runCli([...args, ...now], { cwd })).stdout;
    // One after the other: side by side, a loaded machine's CLIs outlast runCli's time limit.
    const runs: Array<() => Promise<string>> = [
      () => shown(["check"]),
      () => shown(["check", "--json"]),
      () => shown(["reroute", "--dry-run"]),
      () => shown(["reroute", "--dry-run", "--json"]),
      ...["markdown", "github", "junit"].map((format) => () => shown(["check", "--format", format])),
      () => shown(["reroute", "--dry-run", "--format", "markdown"]),
    ];
    const outputs: string[] = [];
    for (const run of runs) outputs.push(await run());
    const [table, json, plan, planJson, md, github, junit, planMd] = outputs;
    expect(table).toContain(`fix: ${fix}`);
    expect(JSON.parse(json!).posts.find((p: { id: string }) => p.id === "giveaway-reminder").fixes).toContain(fix);
    expect(plan).toContain(`fix: ${fix}`);
    expect(JSON.parse(planJson!).unroutable[0].fixes).toContain(fix);
    for (const text of [md, github, junit, planMd]) expect(text).toContain(`To fix: ${fix}`);
    // The autopilot writes its files beside the calendar: a copy of the demo's.
    const dir = tempProject({ "calendar.yaml": readFileSync(join(DEMO, "calendar.yaml"), "utf8") });
    const run = JSON.parse(await shown(["run", "--once", "--apply", "never", "--json", "--config", join(DEMO, "config", "failover.yaml")], dir));
    expect(run.alerts.find((a: { kind: string }) => a.kind === "blocked").text).toContain(`To fix: ${fix}`);
  }, 180_000);
});

describe("validate's warnings", () => {
  it("names each at file:line:col, exit 0; --strict makes them errors, exit 2", async () => {
    const dir = tempProject({
      "config/failover.yaml": 'version: 1\nchannels:\n  instagram: { platform: instagram, windows: ["Mon-Fri 08:00-20:00"] }\n',
      "calendar.yaml":
        "version: 1\ntimezone: UTC\nposts:\n  - id: a\n    channel: instagram\n    at: 2026-07-14T21:00\n    text: hi\n    media: [{ path: assets/none.jpg, kind: image }]\n    backups: [instagram, x]\n",
    });
    const lenient = await runCli(["validate", "--now", "2026-07-15T09:00:00Z"], { cwd: dir });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout.split("\n").filter((l) => / warning: /.test(l)).map((l) => l.slice(0, l.indexOf(": ", l.indexOf("warning: ") + 9)))).toEqual([
      "calendar.yaml:6:9 warning: posts[0].at",
      "calendar.yaml:6:9 warning: posts[0].at",
      "calendar.yaml:8:21 warning: posts[0].media[0].path",
      "calendar.yaml:9:15 warning: posts[0].backups[0]",
    ]);
    expect(lenient.stdout).toMatch(/4 warnings \(--strict makes them errors\)/);
    const strict = await runCli(["validate", "--strict", "--now", "2026-07-15T09:00:00Z", "--json"], { cwd: dir });
    expect(strict.code).toBe(2);
    const doc = JSON.parse(strict.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.problems.map((p: { severity: string }) => p.severity)).toEqual(["error", "error", "error", "error"]);
  });
});

describe("words", () => {
  it("a --json-out that cannot be written says so once", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\ntimezone: UTC\nposts: []\n" });
    const r = await runCli(["check", "--now", "2026-07-14T08:00:00Z", "--no-state", "--json-out", "missing/check.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(withoutNoConfigWarning(r.stderr)).toBe("error: missing/check.json: cannot be written: the folder missing does not exist");
  });
});
