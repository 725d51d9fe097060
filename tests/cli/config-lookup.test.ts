/**
 * The right config, always: found beside the calendar, then in the folders above it up to the
 * repository root; named with -v and in JSON; a loud warning when there is none; and the
 * thresholds' state in one place, next to the config, whichever command and folder it runs from.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];
const CONFIG = "version: 1\nchannels:\n  newsletter: { platform: email }\n  ig: { platform: instagram }\n";
const CALENDAR = "version: 1\ntimezone: America/New_York\nposts:\n  - { id: a, channel: newsletter, at: 2026-07-14T10:00, text: hello }\n  - { id: b, channel: ig, at: 2026-07-14T11:00, text: hi }\n";

/** Every `.failover` folder under dir (there must be one at most). */
function stateFolders(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === ".failover") found.push(path);
    else stateFolders(path, found);
  }
  return found;
}

describe("finding the config", () => {
  it("beside the calendar, from another folder: -v names it, JSON says which and how", async () => {
    const dir = tempProject({ "uxp/calendar.yaml": CALENDAR, "uxp/config/failover.yaml": CONFIG });
    const r = await runCli(["validate", "-c", "uxp/calendar.yaml", "-v"], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, expect.stringContaining("config: uxp/config/failover.yaml (beside the calendar)")]);
    expect(r.stdout).toMatch(/uxp\/config\/failover\.yaml: 2 channels declared/);
    const json = JSON.parse((await runCli(["check", "-c", "uxp/calendar.yaml", "--json", "--no-state", "--assume", "ig=operational", "--assume", "newsletter=operational", ...NOW], { cwd: dir })).stdout);
    expect(json.config).toEqual({ file: "uxp/config/failover.yaml", found: "beside-calendar" });
  });

  it("in a folder above the calendar, up to the repository root", async () => {
    const dir = tempProject({ "proj/.git/HEAD": "ref: refs/heads/main\n", "proj/config/failover.yaml": CONFIG, "proj/calendars/launch/calendar.yaml": CALENDAR });
    const r = await runCli(["validate", "-c", "calendars/launch/calendar.yaml", "--json"], { cwd: join(dir, "proj") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).config).toEqual({ file: "config/failover.yaml", found: "parent-folder" });
  });

  it("never above the repository root; none found is a loud warning, and JSON says so", async () => {
    const dir = tempProject({ "config/failover.yaml": CONFIG, "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/calendar.yaml": CALENDAR.replace(/newsletter|ig/g, "x") });
    const r = await runCli(["validate", "--json"], { cwd: join(dir, "repo") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).config).toEqual({ file: null, found: "none" });
    expect(r.stderr).toMatch(/^warning: no config found \(no config\/failover\.yaml beside calendar\.yaml or in a folder above it\): using built-in defaults/);
    expect(r.stderr).toMatch(/Pass --config <file>, or run `failover init`/);
  });

  it("--config wins, and a named file that is missing is an error (exit 2)", async () => {
    const dir = tempProject({ "calendar.yaml": CALENDAR, "config/failover.yaml": CONFIG, "other.yaml": CONFIG });
    const r = await runCli(["validate", "--config", "other.yaml", "--json"], { cwd: dir });
    expect(JSON.parse(r.stdout).config).toEqual({ file: "other.yaml", found: "flag" });
    const missing = await runCli(["validate", "--config", "nope.yaml"], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("nope.yaml")]);
  });
});

describe("run from a subfolder", () => {
  it("names the project's calendar above and the -c that reads it; reroute without a terminal is refused before any health is read", async () => {
    const dir = tempProject({ ".git/HEAD": "ref: refs/heads/main\n", "config/failover.yaml": CONFIG, "calendar.yaml": CALENDAR, "assets/x/.keep": "" });
    const r = await runCli(["check", ...NOW, "--no-state"], { cwd: join(dir, "assets", "x") });
    expect([r.code, r.stderr.trim()]).toEqual([2, "error: calendar.yaml: not found in this folder; the project's is ../../calendar.yaml: run failover there, or pass -c ../../calendar.yaml"]);
    expect((await runCli(["validate", "-c", "../../calendar.yaml"], { cwd: join(dir, "assets", "x") })).code).toBe(0);
    // No calendar above (a folder outside any project): only "not found".
    expect((await runCli(["check", ...NOW], { cwd: tempProject() })).stderr.trim()).toBe("error: calendar.yaml: not found");
    // --assume would answer at once; a source that hangs would not: the refusal comes first, either way.
    const refused = await runCli(["reroute", ...NOW, "--no-state", "--assume", "ig=down"], { cwd: dir });
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr).toMatch(/^error: --yes: applying changes calendar\.yaml: pass --yes/);
    expect(refused.stderr).not.toMatch(/health/);
  });
});

describe("the thresholds' state", () => {
  it("lives in one place, .failover/state.json in the config's project folder, for check, status and failback from any folder", async () => {
    const dir = tempProject({ "proj/.git/HEAD": "x\n", "proj/config/failover.yaml": CONFIG, "proj/calendars/calendar.yaml": CALENDAR });
    const proj = join(dir, "proj");
    const state = join(proj, ".failover", "state.json");
    const assume = ["--assume", "ig=major_outage", "--assume", "newsletter=operational"];
    expect((await runCli(["check", "-c", "calendars/calendar.yaml", ...assume, ...NOW], { cwd: proj })).code).toBe(4);
    expect(existsSync(state)).toBe(true);
    mkdirSync(join(dir, "elsewhere"));
    await runCli(["status", "--config", "../proj/config/failover.yaml", ...assume, ...NOW], { cwd: join(dir, "elsewhere") });
    await runCli(["status", ...assume, ...NOW], { cwd: join(proj, "calendars") });
    await runCli(["failback", "--dry-run", "-c", "proj/calendars/calendar.yaml", ...assume, ...NOW], { cwd: dir });
    expect(stateFolders(dir)).toEqual([join(proj, ".failover")]);
  });
});
