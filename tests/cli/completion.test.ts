/** `failover completion`: each shell's script parses, lists every command and its options, and completes. */
import { spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { valueMeta } from "../../src/cli/option-meta.js";
import { buildProgram } from "../../src/cli/program.js";
import { BIN, ROOT, runCli, tempProject } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures/demo");
const program = buildProgram();
const commands = program.commands.map((c) => c.name()).filter((n) => !n.startsWith("__"));
/** Every name a command answers to: the names, then each one's aliases (`list` is also `agenda`). */
const names = program.commands.filter((c) => !c.name().startsWith("__")).flatMap((c) => [c.name(), ...c.aliases()]);
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;

/** `failover` on PATH, as a user has it: the scripts call `failover __complete channels`. */
const shimDir = tempProject({ failover: `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` });
chmodSync(join(shimDir, "failover"), 0o755);
const shellEnv = { ...process.env, PATH: `${shimDir}:${process.env.PATH ?? ""}`, NO_COLOR: "1" };

async function script(shell: string, cwd = DEMO): Promise<{ path: string; text: string }> {
  const r = await runCli(["completion", shell], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const path = join(tempProject(), `failover.${shell}`);
  writeFileSync(path, r.stdout);
  return { path, text: r.stdout };
}

/** What bash offers for a command line whose last word is being completed ("" = a new word). */
function bashComplete(path: string, words: string[], cwd = DEMO): string[] {
  const harness = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _failover; printf "%s\\n" "${COMPREPLY[@]}"';
  const r = spawnSync("bash", ["-c", harness, "bash", path, "failover", ...words], { encoding: "utf8", cwd, env: shellEnv });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split("\n").filter(Boolean);
}

describe("failover completion", () => {
  it("registers itself in the command table with examples", async () => {
    expect(commands).toContain("completion");
    const help = await runCli(["completion", "--help"]);
    expect(help.stdout).toMatch(/Examples:\n.*failover completion bash/);
  });

  it("bash: parses with bash -n and completes commands, every command's options, formats and the config's channels", async () => {
    const { path } = await script("bash");
    expect(spawnSync("bash", ["-n", path]).status).toBe(0);
    expect(names).toContain("agenda");
    expect(bashComplete(path, [""])).toEqual(names);
    expect(bashComplete(path, ["agen"])).toEqual(["agenda"]);
    // An alias completes its command's options, and the statuses people type (`down`, `up`) are offered.
    expect(bashComplete(path, ["agenda", "--win"])).toEqual(["--window"]);
    expect(bashComplete(path, ["agenda", "--channel", "news"])).toEqual(["newsletter"]);
    expect(bashComplete(path, ["check", "--assume", "instagram", "=", "do"])).toEqual(["down"]);
    expect(bashComplete(path, ["st"])).toEqual(["status"]);
    for (const command of program.commands.filter((c) => !c.name().startsWith("__"))) {
      const offered = bashComplete(path, [command.name(), "--"]);
      for (const o of [...command.options, ...program.options.filter((g) => g.long !== "--version")]) expect(offered, command.name()).toContain(o.long);
    }
    expect(bashComplete(path, ["check", "--format", ""])).toEqual(["table", "json", "github", "junit", "markdown"]);
    // "newsletter" is declared in the demo's config, not a platform: read at completion time.
    expect(bashComplete(path, ["status", ""])).toContain("newsletter");
    expect(bashComplete(path, ["status", ""], ROOT)).not.toContain("newsletter");
    expect(bashComplete(path, ["--config", "fixtures/demo/config/failover.yaml", "status", "news"], ROOT)).toEqual(["newsletter"]);
    expect(bashComplete(path, ["preview", "launch-teaser", "--to", "news"])).toEqual(["newsletter"]);
    expect(bashComplete(path, ["check", "--assume", "insta"])).toEqual(["instagram="]);
    // bash splits "instagram=maj" at "=": the status is completed as a word of its own.
    expect(bashComplete(path, ["check", "--assume", "instagram", "=", "maj"])).toEqual(["major_outage"]);
    // A global --assume before the command: the split '=' and the status are not the command.
    expect(bashComplete(path, ["--assume", "instagram", "=", "major_outage", "reroute", "--ye"])).toEqual(["--yes"]);
    expect(bashComplete(path, ["schema", ""])).toEqual(["calendar", "config"]);
    expect(bashComplete(path, ["completion", ""])).toEqual(["bash", "zsh", "fish"]);
    // An option's value is not mistaken for the command.
    expect(bashComplete(path, ["--format", "json", "check", "--str"])).toEqual(["--strict"]);
  }, 90_000); // each channel lookup starts the CLI: slow on a busy machine

  it("zsh: a #compdef script that lists every command and option", async () => {
    const { text } = await script("zsh");
    expect(text.split("\n")[0]).toBe("#compdef failover");
    for (const name of names) expect(text).toMatch(new RegExp(`^ {12}'${name}:`, "m"));
    expect(text).toMatch(/^ {8}list\|agenda\)$/m);
    for (const c of program.commands.filter((c) => !c.name().startsWith("__"))) for (const o of c.options) expect(text).toContain(o.long);
    expect(text).toContain("(table json github junit markdown)");
    expect(text).toContain("failover __complete channels");
  });

  it.skipIf(!has("zsh"))("zsh: the script parses, registers itself with compinit and reads the config's channels", async () => {
    const { path } = await script("zsh");
    expect(spawnSync("zsh", ["-n", path]).status).toBe(0);
    const zsh = (code: string, setup: string) => spawnSync("zsh", ["-f", "-c", `${setup}; source ${path}; ${code}`], { encoding: "utf8", cwd: DEMO, env: { ...shellEnv, HOME: tempProject() } });
    expect(zsh("print -r -- $_comps[failover]", "autoload -Uz compinit; compinit -u -D").stdout.trim()).toBe("_failover");
    // The channel lookup needs no completion system: a stub compdef is enough to source the script.
    const stub = "compdef() { :; }";
    expect(zsh("BUFFER='failover status '; _failover_channel_names", stub).stdout.split("\n")).toContain("newsletter");
    const other = tempProject({ "other.yaml": "version: 1\nchannels:\n  press-list:\n    platform: email\n" });
    expect(zsh(`BUFFER='failover --config ${join(other, "other.yaml")} status '; _failover_channel_names`, stub).stdout.split("\n")).toContain("press-list");
  }, 90_000);

  it("fish: one complete line per command and options per command", async () => {
    const { text } = await script("fish");
    for (const name of names) expect(text).toMatch(new RegExp(`^complete -c failover -n __fish_use_subcommand -a ${name} -d `, "m"));
    expect(text).toMatch(/-n '__fish_seen_subcommand_from list agenda' -l window -x/);
    expect(text).toMatch(/-n '__fish_seen_subcommand_from check' -l window -x/);
    expect(text).toMatch(/-l format -x -a 'table json github junit markdown'/);
  });

  it.skipIf(!has("fish"))("fish: the script parses and completes commands, channels from the config and statuses", async () => {
    const { path } = await script("fish");
    expect(spawnSync("fish", ["--no-execute", path]).status).toBe(0);
    const complete = (line: string) =>
      spawnSync("fish", ["--no-config", "-c", `source ${path}; complete -C ${JSON.stringify(line)}`], { encoding: "utf8", cwd: DEMO, env: shellEnv }).stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);
    expect(complete("failover sta")).toEqual(["status"]);
    expect(complete("failover agenda --chan")).toEqual(["--channel"]);
    expect(complete("failover status news")).toEqual(["newsletter"]);
    expect(complete("failover check --assume instagram=maj")).toEqual(["instagram=major_outage"]);
  }, 90_000); // each channel lookup starts the CLI: slow on a busy machine

  it("__complete channels: the config's channels now; platform names, silently, when the config does not load", async () => {
    const ok = await runCli(["__complete", "channels"], { cwd: DEMO });
    expect(ok.code).toBe(0);
    expect(ok.stdout.split("\n")).toContain("newsletter");
    const dir = tempProject({ "config/failover.yaml": "version: 1\nchannels: [oops\n" });
    const broken = await runCli(["__complete", "channels"], { cwd: dir });
    expect(broken.code).toBe(0);
    expect(broken.stderr).toBe("");
    expect(broken.stdout.split("\n").slice(0, 4)).toEqual(["bluesky", "email", "facebook", "instagram"]);
    expect((await runCli(["__complete", "chanels"])).stderr).toMatch(/did you mean "channels"/);
    expect((await runCli(["--help"])).stdout).not.toContain("__complete");
  });

  it("every option and argument that takes a value declares what it is (file, channel, choice...), none guessed from wording", () => {
    const undeclared: string[] = [];
    for (const c of [program, ...program.commands]) {
      for (const o of c.options) if ((o.required || o.optional) && !valueMeta(o)) undeclared.push(`${c.name()} ${o.flags}`);
      for (const a of c.registeredArguments) if (!valueMeta(a)) undeclared.push(`${c.name()} <${a.name()}>`);
    }
    expect(undeclared).toEqual([]);
    const assume = program.options.find((o) => o.long === "--assume")!;
    expect(valueMeta(assume)).toEqual({ value: "channel=status", repeatable: true });
  });

  it("refuses an unknown shell with exit 2 and a did-you-mean", async () => {
    const r = await runCli(["completion", "bahs"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/completion <shell>: "bahs" is not a shell failover completes; use bash, zsh, fish \(did you mean "bash"\?\)/);
    expect((await runCli(["completion", "powershell"])).stderr).not.toMatch(/did you mean/);
  });
});
