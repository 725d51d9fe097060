/**
 * Inputs that used to crash (exit 1) or be misread: deep nesting, `__proto__` keys, lone-CR line
 * ends. Each is an input error (exit 2) at its line, or read as meant.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];
const POST = "  - id: a\n    channel: x\n    at: 2026-07-20T10:00\n    text: hi\n";

describe("bad input is exit 2 at its line, never a crash", () => {
  it("refuses nesting deeper than the limit before it overflows the parser, naming the line", async () => {
    const dir = tempProject({
      "deep.yaml": `version: 1\nposts:\n  - ${"- ".repeat(5000)}x\n`,
      "shallow.yaml": `version: 1\nposts:\n  - ${"- ".repeat(200)}x\n`,
      "flow.yaml": `version: 1\nposts: ${"[".repeat(20000)}\n`,
      "config.yaml": `version: 1\nchannels:\n  x: { platform: x, health: ${"[".repeat(3000)} }\n`,
    });
    for (const [file, line] of [["deep.yaml", 3], ["shallow.yaml", 3], ["flow.yaml", 2]] as const) {
      const r = await runCli(["validate", "-c", file, ...NOW], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${file}:${line}:\\d+ error: nested more than 64 levels deep`));
      expect(r.stderr).not.toMatch(/call stack/);
    }
    const c = await runCli(["status", "--config", "config.yaml", ...NOW], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/config\.yaml:3:\d+ error: nested more than 64 levels deep/);
  });

  it("refuses a __proto__ key in a calendar or a config, naming it", async () => {
    const dir = tempProject({
      "calendar.yaml": `version: 1\nposts:\n${POST}    __proto__: { polluted: true }\n`,
      "config.yaml": "version: 1\nchannels:\n  x: { platform: x, __proto__: { a: 1 } }\n",
    });
    const r = await runCli(["validate", ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calendar\.yaml:7:5 error: __proto__: this key is not allowed/);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    const c = await runCli(["validate", "--config", "config.yaml", ...NOW], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/config\.yaml:3:21 error: __proto__: this key is not allowed/);
  });

  it("reads a calendar with lone CRs as line ends, and writes CRs back when applying", async () => {
    const dir = mkdtempSync(join(tmpdir(), "failover-cr-"));
    cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
    const file = join(dir, "calendar.yaml");
    const cr = readFileSync(file, "utf8").replace(/\n/g, "\r");
    writeFileSync(file, cr);
    const v = await runCli(["validate", ...NOW], { cwd: dir });
    expect(v.stderr).not.toMatch(/empty|Nested mappings/);
    expect(v.code).toBe(0);
    const r = await runCli(["reroute", "--yes", "-q", ...NOW], { cwd: dir });
    expect(r.code).toBe(4);
    const after = readFileSync(file, "utf8");
    expect(after).not.toContain("\n");
    expect(after).toContain("\r    reroutedTo: launch-reel--x\r");
    expect(readFileSync(`${file}.bak`, "utf8")).toBe(cr);
    expect((await runCli(["validate", ...NOW], { cwd: dir })).code).toBe(0);
  });
});
