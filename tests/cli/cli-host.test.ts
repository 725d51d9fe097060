/**
 * The CLI host (tests/helpers/cli-host.mjs) that most CLI tests run in must print and exit as a
 * process of its own does (`node bin/failover.js …`), and carry nothing from one run to the next:
 * not the folder, not an environment variable, not a pretend terminal.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/text/display-width.js";
import { ROOT, runCli, runInHostOf, spawnCli, tempProject, type CliResult } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");
const NOW = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"];

/** The one thing that differs from run to run: how long a health source took. */
const steady = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/"latencyMs": \d+/g, '"latencyMs": 0').replace(/ \d+ ms +/g, " N ms ") });

describe("the CLI host", () => {
  it.each([
    ["--version"],
    ["check", "--help"],
    ["validate", "-v", ...NOW],
    ["check", "--json", ...NOW],
    ["reroute", "--dry-run", ...NOW],
    ["list", "--window", "7d", ...NOW],
    ["nosuch"],
    ["validate", "-c", "missing.yaml"],
  ])("prints and exits as its own process: %s %s %s", async (...args) => {
    const [host, own] = await Promise.all([runCli(args, { cwd: DEMO }), spawnCli(args, { cwd: DEMO })]);
    expect(steady(host)).toEqual(steady(own));
  });

  it("carries no folder, environment variable or terminal from one run to the next", async () => {
    const secretConfig = "version: 1\nchannels:\n  team: { platform: webhook, publish: { url: \"https://hooks.example.test/${HOOK_TOKEN}\" } }\n";
    const dir = tempProject({ "calendar.yaml": "version: 1\nposts: []\n", "config/failover.yaml": secretConfig });
    const withSecret = await runCli(["validate", "--json"], { cwd: dir, env: { HOOK_TOKEN: "abc" } });
    const without = await runCli(["validate", "--json"], { cwd: dir });
    expect(withSecret.stdout).not.toContain("HOOK_TOKEN is not set");
    expect(without.stdout).toContain("HOOK_TOKEN is not set");
    expect(without).toEqual(await spawnCli(["validate", "--json"], { cwd: dir }));
    // Colour forced in one run only.
    expect((await runCli(["platforms"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } })).stdout).toMatch(/\x1b\[/);
    expect((await runCli(["platforms"], { env: { NO_COLOR: undefined } })).stdout).not.toMatch(/\x1b\[/);
    expect(withSecret).toEqual(await spawnCli(["validate", "--json"], { cwd: dir, env: { HOOK_TOKEN: "abc" } }));
    // Another folder: relative paths are the new run's.
    const demo = await runCli(["validate"], { cwd: DEMO });
    expect(demo.code).toBe(0);
    expect(await runCli(["validate"], { cwd: dir })).toEqual(await spawnCli(["validate"], { cwd: dir }));
    // A pretend terminal ends with its run: the next one is piped again (whole lines).
    const narrow = await runCli(["platforms"], { cwd: DEMO, columns: 60 });
    const piped = await runCli(["platforms"], { cwd: DEMO });
    expect(Math.max(...narrow.stdout.split("\n").map(displayWidth))).toBeLessThanOrEqual(60);
    expect(piped).toEqual(await spawnCli(["platforms"], { cwd: DEMO }));
  });

  it("fails a run that leaves something keeping the process alive, and waits for what lets go in time", async () => {
    const bundle = join(ROOT, "tests", "fakes", "lingering-main.mjs");
    await expect(runInHostOf(bundle, ["timer"], ROOT)).rejects.toThrow(/failover timer: still kept alive by Timeout 2 s after it finished/);
    expect(await runInHostOf(bundle, ["brief"], ROOT)).toEqual({ code: 0, signal: null, stdout: "ran brief\n", stderr: "" });
  });
});
