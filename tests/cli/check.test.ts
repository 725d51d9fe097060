/** `failover check` and `failover reroute --dry-run` on the demo, through the real bin. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");
// --no-state: the demo folder is in the repository; these runs must leave nothing in it.
const NOW = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"];
const calendarLines = readFileSync(join(DEMO, "calendar.yaml"), "utf8").split("\n");
const lineOf = (id: string) => calendarLines.findIndex((l) => l.trim() === `- id: ${id}`) + 1;

describe("failover check on the demo (Instagram down)", () => {
  it("says which posts are covered and which are blocked, and why, with exit 4", async () => {
    const r = await runCli(["check", ...NOW], { cwd: DEMO });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/instagram\s+instagram\s+major outage/);
    expect(r.stdout).toMatch(/^risk {7}post {15}channel {4}at {16}plan$/m);
    expect(r.stdout).toMatch(/↪ covered {2}launch-reel {8}instagram {2}Tue 14 Jul 09:00 {2}reroute to x\n/);
    expect(r.stdout).toMatch(/↪ covered {2}colours-reel {7}instagram {2}Wed 15 Jul 11:00 {2}delay to Thu 16 Jul 11:00\n/);
    expect(r.stdout).toMatch(/✖ blocked {2}giveaway-reminder {2}instagram {2}Tue 14 Jul 20:30 {2}no backup in time\n\s+instagram is down \(major outage\)\n\s+linkedin: no posting window is open before its max delay runs out\n\s+fix: bluesky and x are healthy and free at Tue 14 Jul 20:30: add them to backups\n\s+fix: raise maxDelay to 11h30m: linkedin is free at Wed 15 Jul 08:00/);
    expect(r.stdout).toMatch(/BLOCKED: some posts at risk have no viable backup/);
  });

  it("gives the contract's JSON", async () => {
    const r = await runCli(["check", "--json", ...NOW], { cwd: DEMO });
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, now: "2026-07-14T08:30:00-04:00", window: { from: "2026-07-14T08:30:00-04:00", to: "2026-07-16T08:30:00-04:00" }, verdict: "blocked" });
    expect(doc.channels.map((c: { name: string; status: string }) => `${c.name}=${c.status}`)).toEqual(["bluesky=operational", "instagram=major_outage", "linkedin=operational", "x=operational"]);
    const post = (id: string) => doc.posts.find((p: { id: string }) => p.id === id);
    expect(post("launch-reel")).toMatchObject({ channel: "instagram", at: "2026-07-14T09:00:00-04:00", risk: "covered", reroute: { channel: "x", at: "2026-07-14T09:00:00-04:00" } });
    expect(post("launch-linkedin")).toMatchObject({ risk: "none" });
    expect(post("giveaway-reminder")).toMatchObject({ risk: "blocked" });
  });

  it("exits 3 when every post at risk is covered, and 0 when nothing is at risk", async () => {
    const covered = await runCli(["check", ...NOW, "--window", "10h"], { cwd: DEMO });
    expect(covered.code).toBe(3);
    const go = await runCli(["check", ...NOW, "--assume", "instagram=operational"], { cwd: DEMO });
    expect(go.code).toBe(0);
    expect(go.stdout).toMatch(/GO: nothing at risk/);
    expect(go.stdout).toMatch(/are on healthy channels/);
    // Unknown health is not "healthy": the table says so (and --strict would count it as down).
    const unknown = await runCli(["check", ...NOW, "--assume", "instagram=unknown"], { cwd: DEMO });
    expect(unknown.stdout).toMatch(/are on channels not known to be down; the health of instagram is unknown/);
  });

  it("annotates the at-risk posts' calendar lines for GitHub, blocked first", async () => {
    const r = await runCli(["check", "--format", "github", ...NOW], { cwd: DEMO });
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^::error file=calendar.yaml,line=${lineOf("giveaway-reminder")},title=giveaway-reminder%3A blocked::giveaway-reminder \\(instagram, 2026-07-14T20%3A30`.replace(/%3A/g, ":").replace("title=giveaway-reminder:", "title=giveaway-reminder%3A")));
    expect(lines[1]).toMatch(new RegExp(`^::warning file=calendar.yaml,line=${lineOf("launch-reel")},title=launch-reel%3A reroute::`));
    expect(lineOf("launch-reel")).toBeGreaterThan(0);
  });

  it("writes JUnit that parses as XML, one case per post in the window, a failure for each at risk", async () => {
    const r = await runCli(["check", "--format", "junit", ...NOW], { cwd: DEMO });
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    const suite = xml.testsuites.testsuite;
    const cases = [suite.testcase].flat();
    expect(Number(suite["@_tests"])).toBe(cases.length);
    expect(cases.length).toBe(7);
    expect(cases.filter((c: { failure?: unknown }) => c.failure).length).toBe(5);
    expect(Number(suite["@_failures"])).toBe(5);
  });
});

describe("failover reroute --dry-run", () => {
  it("shows each rewritten post on its backup and writes only the plan file", async () => {
    const dir = tempProject();
    const planFile = join(dir, "plan.json");
    const before = readFileSync(join(DEMO, "calendar.yaml"));
    const r = await runCli(["reroute", "--dry-run", "--plan-out", planFile, ...NOW], { cwd: DEMO });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/REROUTE launch-reel {2}instagram Tue 14 Jul 09:00 {2}→ {2}x Tue 14 Jul 09:00 {2}\(as launch-reel--x\)/);
    expect(r.stdout).toMatch(/text \(\d+\/280 weighted\):/);
    expect(r.stdout).toMatch(/NOTICE notice-instagram-x-20260714/);
    expect(readFileSync(join(DEMO, "calendar.yaml")).equals(before)).toBe(true);
    expect(existsSync(planFile)).toBe(true);
    const plan = JSON.parse(readFileSync(planFile, "utf8"));
    expect(plan).toMatchObject({ schemaVersion: 1, calendar: "calendar.yaml", now: "2026-07-14T08:30:00-04:00" });
    expect(plan.calendarSha256).toMatch(/^[0-9a-f]{64}$/);
    const reel = plan.actions.find((a: { postId: string }) => a.postId === "launch-reel");
    expect(reel).toMatchObject({ action: "reroute", from: { channel: "instagram", at: "2026-07-14T09:00:00-04:00" }, to: { channel: "x", at: "2026-07-14T09:00:00-04:00", length: { limit: 280, unit: "weighted" } } });
    expect(reel.to.length.used).toBeLessThanOrEqual(280);
    expect(plan.unroutable.map((u: { postId: string }) => u.postId)).toEqual(["giveaway-reminder"]);
  });

  it("gives the same plan every time (deterministic)", async () => {
    const a = await runCli(["reroute", "--dry-run", "--json", ...NOW], { cwd: DEMO });
    const b = await runCli(["reroute", "--dry-run", "--json", ...NOW], { cwd: DEMO });
    expect(a.stdout).toBe(b.stdout);
  });

  it("refuses a bad --window, exit 2", async () => {
    const r = await runCli(["check", "--window", "-2h", ...NOW], { cwd: DEMO });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--window: a negative duration/);
  });
});

describe("one exit rule for reroute: what remains at risk after the plan (issue 15 item 9)", () => {
  it("covered: check says 3; reroute --dry-run and --yes say 0, the same; blocked stays 4 for all three", async () => {
    const calendar = "version: 1\ntimezone: UTC\nposts:\n  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: hi, backups: [x] }\n";
    const config = "version: 1\nchannels:\n  instagram: { platform: instagram }\n  x: { platform: x }\n";
    const dir = tempProject({ "calendar.yaml": calendar, "config/failover.yaml": config });
    const drill = ["--now", "2026-07-14T08:00:00Z", "--no-state", "--assume", "instagram=down", "--assume", "x=up"];
    const code = async (args: string[], cwd: string) => (await runCli([...args, ...drill], { cwd })).code;
    expect(await code(["check"], dir)).toBe(3);
    expect(await code(["reroute", "--dry-run"], dir)).toBe(0);
    expect(await code(["reroute", "--yes"], dir)).toBe(0);
    // x down too: no backup for a, before or after the plan.
    const blocked = tempProject({ "calendar.yaml": calendar, "config/failover.yaml": config });
    const down = async (args: string[]) => (await runCli([...args, ...drill, "--assume", "x=down"], { cwd: blocked })).code;
    expect([await down(["check"]), await down(["reroute", "--dry-run"]), await down(["reroute", "--yes"])]).toEqual([4, 4, 4]);
  });
});

