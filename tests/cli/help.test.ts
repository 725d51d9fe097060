/** Help that teaches: each command's help shows the global options it honours (with defaults), real examples and its doc. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/command-table.js";
import { buildProgram } from "../../src/cli/program.js";
import { ROOT, runCli } from "../helpers/cli.js";

const program = buildProgram();

function helpOf(name?: string): string {
  const command = name === undefined ? program : program.commands.find((c) => c.name() === name)!;
  let text = "";
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  command.outputHelp();
  return text;
}

/** The flags an example uses, and its command (the first word after `failover` that is not a flag or a flag's value). */
function parseExample(example: string): { command: string | undefined; flags: string[] } {
  const words = example.replace(/\s[>|].*$/, "").replace(/^source <\(/, "").replace(/\)$/, "").split(/\s+/);
  expect(words[0]).toBe("failover");
  const flags = words.filter((w) => w.startsWith("-")).map((w) => w.replace(/=.*$/, ""));
  return { command: words.slice(1).find((w) => !w.startsWith("-")), flags };
}

describe("help", () => {
  it("check --help lists the global options it honours with their defaults, its examples and its doc", async () => {
    const r = await runCli(["check", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Global Options:/);
    expect(r.stdout).toMatch(/-c, --calendar <file>\s+the content calendar \(default: calendar\.yaml\)/);
    expect(r.stdout).toMatch(/--config <file>\s+the config \(default: config\/failover\.yaml\)/);
    expect(r.stdout).toMatch(/--format <format>[^]*default: "table"/);
    expect(r.stdout).toContain("--assume <channel=status>");
    expect(r.stdout).toMatch(/--now <iso>[^]*\(default: the wall clock\)/);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ failover check\n/);
    expect(r.stdout).toMatch(/Docs: \S*docs\/planning\.md/);
  });

  it.each(COMMANDS.filter((c) => !c.hidden).map((c) => [c.name, c] as const))("%s: 2-4 examples that use only its real flags, a doc that exists, only the globals it reads", (name, entry) => {
    const text = helpOf(name);
    expect(entry.examples.length).toBeGreaterThanOrEqual(2);
    expect(entry.examples.length).toBeLessThanOrEqual(4);
    const command = program.commands.find((c) => c.name() === name)!;
    const known = new Set([...command.options, ...program.options].flatMap((o) => [o.long, o.short]).filter(Boolean));
    for (const example of entry.examples) {
      expect(text).toContain(`$ ${example}`);
      const { command: used, flags } = parseExample(example);
      expect(used, example).toBe(name);
      for (const flag of flags) expect(known, `${example}: ${flag}`).toContain(flag);
    }
    expect(existsSync(join(ROOT, "docs", entry.doc)), entry.doc).toBe(true);
    // The page shipped in the package (docs/ is in package.json's files), as a path: no web address that may not exist.
    expect(text).toContain(`Docs: ${join(ROOT, "docs", entry.doc)}`);
    expect(text).not.toMatch(/https?:\/\//);
    const globalsShown = text.includes("Global Options:") ? text.slice(text.indexOf("Global Options:")) : "";
    for (const option of program.options) {
      const honoured = (entry.globals as readonly string[]).includes(option.attributeName());
      if (option.long === "--version") continue;
      expect(globalsShown.includes(`${option.long} `) || globalsShown.includes(`${option.long}\n`), `${name} ${option.long}`).toBe(honoured);
    }
  });

  it("the top-level help has examples, exit codes and the docs", () => {
    const text = helpOf();
    expect(text).toMatch(/Examples:\n {2}\$ failover init/);
    expect(text).toMatch(/Exit codes: 0 go/);
    expect(text).toContain(`Docs: ${join(ROOT, "README.md")} and the pages in ${join(ROOT, "docs")}/`);
    expect(text).not.toContain("__complete");
    // Every exit code of the README's table, in the same order.
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Exit codes"));
    const codes = [...table.slice(0, table.indexOf("\n\n", table.indexOf("| code |"))).matchAll(/^\| (\d+) \|/gm)].map((m) => m[1]);
    const said = text.slice(text.indexOf("Exit codes:"));
    expect([...said.slice(0, said.indexOf("Docs:")).matchAll(/(\d+) [a-z]/g)].map((m) => m[1])).toEqual(codes);
  });

  it("help <command> shows that command's help; an unknown topic is exit 2 with a did-you-mean", async () => {
    const ok = await runCli(["help", "status"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Usage: failover status/);
    // An alias is a topic too.
    const alias = await runCli(["help", "agenda"]);
    expect([alias.code, alias.stdout]).toEqual([0, expect.stringMatching(/^Usage: failover list\|agenda/)]);
    const typo = await runCli(["help", "chek"]);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe("");
    expect(typo.stderr).toMatch(/"chek" is not a command \(did you mean "check"\?\)/);
    const far = await runCli(["help", "nosuch"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/"nosuch" is not a command; the commands are validate, schema/);
    expect(far.stderr).not.toMatch(/did you mean/);
  });
});
