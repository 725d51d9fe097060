/** `failover completion`: each shell's script parses, lists every command and its options, and completes. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures/demo");
const program = buildProgram();
const commands = program.commands.map((c) => c.name());
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;

async function script(shell: string, cwd = DEMO): Promise<{ path: string; text: string }> {
  const r = await runCli(["completion", shell], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const path = join(tempProject(), `failover.${shell}`);
  writeFileSync(path, r.stdout);
  return { path, text: r.stdout };
}

/** What bash offers for a command line whose last word is being completed ("" = a new word). */
function bashComplete(path: string, words: string[]): string[] {
  const harness = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _failover; printf "%s\\n" "${COMPREPLY[@]}"';
  const r = spawnSync("bash", ["-c", harness, "bash", path, "failover", ...words], { encoding: "utf8" });
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
    expect(bashComplete(path, [""])).toEqual(commands);
    expect(bashComplete(path, ["st"])).toEqual(["status"]);
    for (const command of program.commands) {
      const offered = bashComplete(path, [command.name(), "--"]);
      for (const o of [...command.options, ...program.options.filter((g) => g.long !== "--version")]) expect(offered, command.name()).toContain(o.long);
    }
    expect(bashComplete(path, ["check", "--format", ""])).toEqual(["table", "json", "github", "junit", "markdown"]);
    // "newsletter" is declared in the demo's config, not a platform.
    expect(bashComplete(path, ["status", ""])).toContain("newsletter");
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
  });

  it("zsh: a #compdef script that parses and lists every command and option", async () => {
    const { path, text } = await script("zsh");
    expect(text.split("\n")[0]).toBe("#compdef failover");
    for (const name of commands) expect(text).toMatch(new RegExp(`^ {12}'${name}:`, "m"));
    for (const c of program.commands) for (const o of c.options) expect(text).toContain(o.long);
    expect(text).toContain("(table json github junit markdown)");
    expect(text).toMatch(/local -a channels=\(.*\bnewsletter\b/);
    if (!has("zsh")) return; // structure only where zsh is not installed
    expect(spawnSync("zsh", ["-n", path]).status).toBe(0);
    const loaded = spawnSync("zsh", ["-f", "-c", `autoload -Uz compinit; compinit -u -D; source ${path}; print -r -- $_comps[failover]`], {
      encoding: "utf8",
      env: { ...process.env, HOME: tempProject() },
    });
    expect(loaded.stdout.trim()).toBe("_failover");
  });

  it("fish: one complete line per command, options per command, and it completes", async () => {
    const { path, text } = await script("fish");
    for (const name of commands) expect(text).toMatch(new RegExp(`^complete -c failover -n __fish_use_subcommand -a ${name} -d `, "m"));
    expect(text).toMatch(/-n '__fish_seen_subcommand_from check' -l window -x/);
    expect(text).toMatch(/-l format -x -a 'table json github junit markdown'/);
    if (!has("fish")) return; // structure only where fish is not installed
    expect(spawnSync("fish", ["--no-execute", path]).status).toBe(0);
    const complete = (line: string) =>
      spawnSync("fish", ["--no-config", "-c", `source ${path}; complete -C ${JSON.stringify(line)}`], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);
    expect(complete("failover sta")).toEqual(["status"]);
    expect(complete("failover status news")).toEqual(["newsletter"]);
    expect(complete("failover check --assume instagram=maj")).toEqual(["instagram=major_outage"]);
  });

  it("offers platform names, with a warning, when the config does not load", async () => {
    const dir = tempProject({ "config/failover.yaml": "version: 1\nchannels: [oops\n" });
    const r = await runCli(["completion", "bash"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the config could not be read/);
    expect(r.stdout).toMatch(/local channels='bluesky email facebook instagram/);
  });

  it("refuses an unknown shell with exit 2 and a did-you-mean", async () => {
    const r = await runCli(["completion", "bahs"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/completion <shell>: "bahs" is not a shell failover completes; use bash, zsh, fish \(did you mean "bash"\?\)/);
    expect((await runCli(["completion", "powershell"])).stderr).not.toMatch(/did you mean/);
  });
});
