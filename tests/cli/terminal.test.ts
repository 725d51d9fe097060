/**
 * Terminal manners, through the real bin: colour only where wanted, spinners only on an
 * interactive stderr, -q, did-you-mean for typos, Ctrl-C. Real terminals come from `script`
 * (util-linux), which runs the CLI on a pseudo-terminal; those checks are skipped without it.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wantsColor } from "../../src/cli/output.js";
import { BIN, ROOT, runCli, tempProject } from "../helpers/cli.js";
import { startStatusServer, type StatusServer } from "../helpers/status-server.js";

const DEMO = join(ROOT, "fixtures", "demo");
const NOW = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"]; // never a state file in fixtures/demo
const ANSI = /\x1b\[/;
const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;

let server: StatusServer;
beforeAll(async () => {
  server = await startStatusServer();
});
afterAll(() => server.close());

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a pseudo-terminal (stdout and stderr both the terminal, merged). The terminal
 * is given a size first: one nobody sized reports 0 columns, which the CLI treats as no room for
 * a spinner.
 */
async function onTerminal(args: string[], env: Record<string, string | undefined>, cwd: string, sized = true): Promise<{ code: number | null; screen: string }> {
  const command = `${sized ? "stty cols 100 rows 30; " : ""}exec ${[process.execPath, BIN, ...args].map(sq).join(" ")}`;
  const full: Record<string, string | undefined> = { ...process.env, TERM: "xterm-256color", ...env };
  for (const k of ["CI", "NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY"]) if (!(k in env)) delete full[k];
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  // Asynchronous: the loopback server answering the CLI lives in this same process.
  const child = spawn("script", ["-qec", command, "/dev/null"], { cwd, env: full as NodeJS.ProcessEnv });
  let screen = "";
  child.stdout.on("data", (d: Buffer) => (screen += d.toString("utf8")));
  child.stdin.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, screen };
}

/**
 * The same on the CLI host's pretend terminal (stdout and stderr a TTY 100 columns wide; stdin
 * none), merged as on a screen: for the variants of what a real terminal (above) shows once.
 */
async function onPretendTerminal(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ code: number | null; screen: string }> {
  const r = await runCli(args, { cwd, columns: 100, env: { TERM: "xterm-256color", CI: undefined, NO_COLOR: undefined, ...env } });
  return { code: r.code, screen: r.stdout + r.stderr };
}

describe("colours", () => {
  it("are decided by --no-color, NO_COLOR, FORCE_COLOR, TERM=dumb and the TTY, in that order", () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(wantsColor(true, tty, {})).toBe(true);
    expect(wantsColor(true, pipe, {})).toBe(false);
    expect(wantsColor(false, tty, { FORCE_COLOR: "1" })).toBe(false);
    expect(wantsColor(true, tty, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColor(true, pipe, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
    expect(wantsColor(true, tty, { NO_COLOR: "" })).toBe(true); // empty means unset (no-color.org)
    expect(wantsColor(true, pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(wantsColor(true, pipe, { FORCE_COLOR: "3", TERM: "dumb" })).toBe(true);
    expect(wantsColor(true, tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(wantsColor(true, tty, { FORCE_COLOR: "false" })).toBe(false);
    expect(wantsColor(true, pipe, { FORCE_COLOR: "" })).toBe(false); // empty FORCE_COLOR forces nothing
    expect(wantsColor(true, tty, { TERM: "dumb" })).toBe(false);
  });

  it("through the bin: off in a pipe, forced by FORCE_COLOR, and off again with NO_COLOR or --no-color", async () => {
    const plain = await runCli(["platforms"], { env: { NO_COLOR: undefined } });
    expect(plain.stdout).not.toMatch(ANSI);
    const forced = await runCli(["platforms"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(ANSI);
    expect((await runCli(["platforms"], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await runCli(["platforms", "--no-color"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    // Errors on stderr follow the same rules.
    const error = await runCli(["validate", "-c", "nope.yaml"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(error.stderr).toMatch(ANSI);
  });

  it.skipIf(!hasScript)("on a terminal: on by default, off with TERM=dumb or NO_COLOR", async () => {
    expect((await onTerminal(["platforms"], {}, ROOT)).screen).toMatch(ANSI);
    expect((await onPretendTerminal(["platforms"], {}, ROOT)).screen).toMatch(ANSI);
    expect((await onPretendTerminal(["platforms"], { TERM: "dumb" }, ROOT)).screen).not.toMatch(ANSI);
    expect((await onPretendTerminal(["platforms"], { NO_COLOR: "1" }, ROOT)).screen).not.toMatch(ANSI);
  });
});

describe("spinners", () => {
  const slowConfig = () => tempProject({ "config/failover.yaml": `version: 1\nchannels:\n  x: { platform: x, health: [{ kind: http, url: "${server.url}/slow" }] }\n` });

  it.skipIf(!hasScript)("spin on an interactive stderr for tables, and never with --json, --format json, -q, CI or TERM=dumb", async () => {
    const dir = slowConfig();
    const spinning = await onTerminal(["status"], {}, dir);
    expect(spinning.code).toBe(0);
    expect(spinning.screen).toMatch(/checking 1 channel…/);
    const quiet = [
      [["status", "--json"], {}],
      [["status", "--format", "json"], {}],
      [["status", "-q"], {}],
      [["status"], { CI: "true" }],
      [["status"], { TERM: "dumb" }],
    ] as const;
    // The pretend terminal spins as the real one does (so it can show when one must not).
    expect((await onPretendTerminal(["status"], {}, dir)).screen).toMatch(/checking 1 channel…/);
    for (const [args, env] of quiet) {
      const r = await onPretendTerminal([...args], env, dir);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.screen, `${args.join(" ")} ${JSON.stringify(env)}`).not.toMatch(/checking/);
    }
  });

  it.skipIf(!hasScript)("not on a terminal that reports no width (ora would clear lines forever), and the run ends", async () => {
    const r = await onTerminal(["status"], {}, slowConfig(), false);
    expect(r.code).toBe(0);
    expect(r.screen).not.toMatch(/checking/);
    expect(r.screen.replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/x\s+x\s+operational/);
  });

  it("never spin in a pipe", async () => {
    const r = await runCli(["status"], { cwd: slowConfig(), env: { CI: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("-q", () => {
  it("leaves only the data: stdout unchanged, no warnings or progress on stderr", async () => {
    const args = ["check", ...NOW, "--window", "3h", "--assume", "x=unknown"];
    const loud = await runCli(args, { cwd: DEMO });
    expect(loud.stderr).toMatch(/warning: x: health unknown/);
    const quiet = await runCli([...args, "-q"], { cwd: DEMO });
    expect(quiet.code).toBe(loud.code);
    expect(quiet.stderr).toBe("");
    // The same data (latencies vary from run to run).
    const data = (text: string) => text.replace(/\d+ ms +/g, "N ms ");
    expect(data(quiet.stdout)).toBe(data(loud.stdout));
    // Errors still say what went wrong.
    const error = await runCli(["check", "-q", "-c", "nope.yaml"], { cwd: DEMO });
    expect(error.code).toBe(2);
    expect(error.stderr).toContain("nope.yaml: not found");
  });
});

describe("did you mean", () => {
  it("for unknown commands and options, the command's own and the global ones", async () => {
    for (const [args, hint] of [
      [["chekc"], "(Did you mean check?)"],
      [["check", "--windw", "4h"], "(Did you mean --window?)"],
      [["status", "--stirct"], "(Did you mean --strict?)"],
      [["check", "--formt", "json"], "(Did you mean --format?)"],
    ] as const) {
      const r = await runCli([...args], { cwd: DEMO });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(hint);
      expect(r.stdout).toBe("");
    }
  });

  it("for unknown channels in status, --assume and preview --to", async () => {
    for (const [args, flag] of [
      [["status", "newsleter"], "status <channel>"],
      [["check", ...NOW, "--assume", "newsleter=major_outage"], "--assume"],
      [["preview", "launch-reel", "--to", "newsleter"], "--to"],
    ] as const) {
      const r = await runCli([...args], { cwd: DEMO });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(`${flag}: no channel "newsleter" in the config, and it is not a platform (did you mean "newsletter"?)`);
    }
  });
});

describe("Ctrl-C", () => {
  it("ends a run waiting on a hanging server with exit 130 and one line", async () => {
    const dir = tempProject({
      "config/failover.yaml": `version: 1\nhealth: { timeout: 20s, deadline: 25s, retries: 0 }\nchannels:\n  x: { platform: x, health: [{ kind: http, url: "${server.url}/hang" }] }\n`,
    });
    const before = await server.hits("/hang");
    const child = spawn(process.execPath, [BIN, "status"], { cwd: dir, env: { ...process.env, NO_COLOR: "1", CI: "true" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    // Interrupt only once the request is in flight: the run is then really waiting on the server.
    const deadline = Date.now() + 10_000;
    while ((await server.hits("/hang")) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await server.hits("/hang")).toBeGreaterThan(before);
    const sent = performance.now();
    child.kill("SIGINT");
    const code = await closed;
    expect(code).toBe(130);
    expect(performance.now() - sent).toBeLessThan(3_000);
    expect(stderr).toBe("failover: interrupted (Ctrl-C); no file was left half-written\n");
    expect(stdout).toBe("");
  });
});

describe("guidance on a terminal", () => {
  it("a blocked post's fixes, and a YAML mistake shown once with its caret", async () => {
    const check = await onPretendTerminal(["check", ...NOW, "--no-state", "--no-color"], {}, DEMO);
    expect(check.code).toBe(4);
    const screen = check.screen.replace(/\r\n/g, "\n");
    expect(screen).toMatch(/✖ blocked {2}giveaway-reminder {2}instagram {2}Tue 14 Jul 20:30 {2}no backup in time\n\s+instagram is down \(major outage\)\n[^\n]*\n\s+fix: bluesky and x are healthy and free at Tue 14 Jul 20:30: add them to backups\n\s+fix: raise maxDelay to 11h30m/);
    const dir = tempProject({ "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - id: a\n    channel: x\n   at: 2026-07-14T10:00\n    text: hi\n" });
    const bad = await onPretendTerminal(["validate", "--no-color"], {}, dir);
    expect(bad.code).toBe(2);
    // The folder has no config on purpose; its warning is tested in config-lookup.test.ts.
    const lines = bad.screen.replace(/\r\n/g, "\n").trimEnd().split("\n").filter((l) => !l.startsWith("warning: no config found"));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^error: calendar\.yaml:6:1 error: YAML syntax: |^calendar\.yaml:6:1 error: YAML syntax: /);
    expect(lines.slice(1)).toEqual(["  6 |    at: 2026-07-14T10:00", "    | ^"]);
  });
});
