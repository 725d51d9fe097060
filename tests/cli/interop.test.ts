/** `failover import` and `failover export` through the real bin, as a user runs them. */
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ical from "node-ical";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const CONFIG = `version: 1
channels:
  instagram: { platform: instagram, timezone: Europe/Berlin }
  x: { platform: x, timezone: Europe/Berlin }
`;

const SHEET = "\uFEFFPlatform;Date;Time;Caption;Image URL\r\nIG;28.03.2026;10:00;\"Launch ✨\r\nLink in bio\";assets/a.jpg\r\ntw;30.03.2026;10:00;Second;\r\n";

describe("failover import", () => {
  it("prints the calendar a spreadsheet makes, and writes it with -o; the result validates", async () => {
    const dir = tempProject({ "config/failover.yaml": CONFIG, "plan.csv": SHEET });
    const printed = await runCli(["import", "plan.csv", "--channel-map", "ig=instagram,tw=x"], { cwd: dir });
    expect(printed.stderr).toContain("plan.csv: 2 rows, 2 posts");
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain("timezone: Europe/Berlin\nposts:\n  - id: launch-link-in-bio-");
    const written = await runCli(["import", "plan.csv", "--channel-map", "ig=instagram", "--channel-map", "tw=x", "-o", "calendar.yaml"], { cwd: dir });
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(printed.stdout);
    expect((await runCli(["validate"], { cwd: dir })).code).toBe(0);
  });

  it("reports every bad row with file:line:col, exits 2 and writes nothing; --skip-bad imports the rest", async () => {
    const csv = "channel,date,time,text\r\nx,2026-07-14,10:00,fine\r\nx,2026-07-14,10:00,\"two\r\nlines\"\r\nfacebookk,2026-07-14,11:00,typo\r\nx,31/02/2026,09:00,bad day\r\n";
    const dir = tempProject({ "config/failover.yaml": CONFIG, "posts.csv": csv });
    const r = await runCli(["import", "posts.csv", "-o", "calendar.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('posts.csv:5:1 error: unknown channel "facebookk" (did you mean "facebook"?)');
    expect(r.stderr).toContain('posts.csv:6:3 error: "31/02/2026": 2026-02 has no day 31');
    expect(existsSync(join(dir, "calendar.yaml"))).toBe(false);
    const skipped = await runCli(["import", "posts.csv", "-o", "calendar.yaml", "--skip-bad"], { cwd: dir });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain("2 skipped (line 5, 6)");
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toContain("text: fine");
  });

  it("appends to a calendar that exists, its comments kept, and refuses rows it already has", async () => {
    const calendar = "# Our plan. Do not reorder.\nversion: 1\ntimezone: Europe/Berlin\nposts:\n  - id: first # the very first\n    channel: x\n    at: 2026-03-01T10:00\n    text: First\n";
    const dir = tempProject({ "config/failover.yaml": CONFIG, "calendar.yaml": calendar, "more.csv": "channel,date,time,text\nx,2026-03-02,10:00,Second\n" });
    const r = await runCli(["import", "more.csv", "-o", "calendar.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const after = readFileSync(join(dir, "calendar.yaml"), "utf8");
    expect(after.startsWith(calendar)).toBe(true);
    expect(after).toMatch(/ {2}- id: second-[0-9a-f]{6}\n {4}channel: x\n {4}at: 2026-03-02T10:00\n {4}text: Second\n$/);
    const again = await runCli(["import", "more.csv", "-o", "calendar.yaml"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/more\.csv:2:1 error: the calendar already has a post "second-/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(after);
  });
});

describe("failover export", () => {
  it("writes an .ics across the DST change that node-ical reads back, and CSV that imports to the same posts", async () => {
    const dir = tempProject({ "config/failover.yaml": CONFIG, "plan.csv": SHEET });
    await runCli(["import", "plan.csv", "--channel-map", "ig=instagram,tw=x", "-o", "calendar.yaml"], { cwd: dir });
    const ics = await runCli(["export", "--format", "ics", "-o", "launch.ics", "--now", "2026-03-01T00:00:00Z"], { cwd: dir });
    expect(ics.code).toBe(0);
    expect(ics.stderr).toContain("wrote launch.ics: 2 posts as ics");
    const events = Object.values(ical.sync.parseICS(readFileSync(join(dir, "launch.ics"), "utf8"))).filter((e): e is ical.VEvent => e?.type === "VEVENT");
    // Berlin changes to summer time on 29 March 2026: 10:00 is 09:00Z before, 08:00Z after.
    expect(events.map((e) => new Date(e.start).toISOString()).sort()).toEqual(["2026-03-28T09:00:00.000Z", "2026-03-30T08:00:00.000Z"]);

    const csv = await runCli(["export", "--format", "csv", "-o", "back.csv"], { cwd: dir });
    expect(csv.code).toBe(0);
    const reimported = await runCli(["import", "back.csv"], { cwd: dir });
    expect(reimported.code).toBe(0);
    const original = readFileSync(join(dir, "calendar.yaml"), "utf8");
    expect(reimported.stdout.replace(/^#.*\n/, "")).toBe(original.replace(/^#.*\n/, ""));
  });

  it("refuses an export format for other commands, naming the flag", async () => {
    const dir = tempProject({ "config/failover.yaml": CONFIG, "plan.csv": SHEET });
    const r = await runCli(["check", "--format", "ics"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format: check prints table, json, github, junit, markdown; not ics");
  });
});

describe("round trip of the demo after a reroute", () => {
  it("export --format csv, then import: the same posts, stand-ins and their bookkeeping included", async () => {
    const dir = tempProject();
    cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
    const now = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"];
    const rerouted = await runCli(["reroute", "--yes", "-q", "--assume", "instagram=major_outage", ...now], { cwd: dir });
    expect([0, 3, 4]).toContain(rerouted.code);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toContain("reroutedFrom:");
    expect((await runCli(["export", "--format", "csv", "-o", "back.csv", ...now], { cwd: dir })).code).toBe(0);
    const imported = await runCli(["import", "back.csv", "-o", "again.yaml", "--json"], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ schemaVersion: 1, written: "again.yaml", skipped: [], problems: [] });
    const asJson = async (calendar: string) => JSON.parse((await runCli(["export", "--format", "json", "-c", calendar, ...now], { cwd: dir })).stdout).posts;
    expect(await asJson("again.yaml")).toEqual(await asJson("calendar.yaml"));
  });
});
