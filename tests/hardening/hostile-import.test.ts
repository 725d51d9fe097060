/**
 * `failover import` of files nobody should import: too big, binary, a workbook, UTF-16, deeply
 * nested JSON in a cell, `__proto__`, a BOM and nothing else, CR-only line ends, a quote never
 * closed, a named pipe, a device. Through the built CLI: exit 2 with a message naming the file
 * (or the calendar it would write), never exit 1 or a stack trace, nothing written; what can be
 * read (CR-only, a 2 MB cell) is imported into a calendar that validates.
 */
import { execFileSync } from "node:child_process";
import { existsSync, openSync, closeSync, ftruncateSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject, type CliResult } from "../helpers/cli.js";
import { expectHonestExit } from "../helpers/plan-fuzz.js";

const HEADER = "id,channel,date,time,text,thread,variants\n";
const row = (thread = "", variants = "") => `a,x,2026-07-14,10:00,hello,"${thread}","${variants}"\n`;

/** name -> [contents, the message exit 2 must carry]; a function writes the file itself. */
const REFUSED: Record<string, [string | Buffer | ((path: string) => void), RegExp]> = {
  // Sparse: the size is seen and refused before a byte is read.
  "huge.csv": [(path) => { const fd = openSync(path, "w"); ftruncateSync(fd, 65 * 1024 * 1024); closeSync(fd); }, /limit is 64 MiB/],
  "binary.csv": [Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /is binary \(it has NUL bytes\), not CSV/],
  "workbook.csv": [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9d])]), /is a ZIP file/],
  "unicode-text.csv": [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER + row(), "utf16le")]), /is UTF-16 text/],
  "deep-thread.csv": [HEADER + row("[".repeat(20_000) + "]".repeat(20_000)), /deep-thread\.csv:2:\d+ error: thread/],
  "deep-variants.csv": [HEADER + row("", '{""x"":'.repeat(5_000) + "1" + "}".repeat(5_000)), /deep-variants\.csv:2:\d+ error: variants/],
  "proto.csv": [HEADER + row("", '{""__proto__"": {""polluted"": ""yes""}}'), /__proto__: this key is not allowed/],
  "bom-only.csv": ["\uFEFF", /bom-only\.csv:1:1 error: no rows to import/],
  "unclosed.csv": [HEADER + 'a,x,2026-07-14,10:00,"' + "x\n".repeat(100_000), /unclosed\.csv:2:\d+ error: a quoted field is never closed/],
  "fifo.csv": [(path) => execFileSync("mkfifo", [path]), /fifo\.csv.*not a regular file/],
};

describe("import of hostile files", () => {
  it("refuses each with exit 2 and a message, writes nothing, and never crashes", async () => {
    const dir = tempProject({ "config/failover.yaml": "version: 1\n" });
    for (const [name, [contents]] of Object.entries(REFUSED)) {
      const path = join(dir, name);
      if (typeof contents === "function") contents(path);
      else writeFileSync(path, contents);
    }
    // One after another: each run is CPU work, not waiting, so running them at once gains nothing on two cores.
    const runs: CliResult[] = [];
    for (const name of Object.keys(REFUSED)) runs.push(await runCli(["import", name, "--timezone", "UTC", "-o", `out-${name}.yaml`], { cwd: dir, timeoutMs: 120_000 }));
    Object.keys(REFUSED).forEach((name, i) => {
      const r = runs[i]!;
      const where = `${name}: exit ${r.code}\n${r.stderr.slice(0, 2000)}`;
      expectHonestExit(r, [2]);
      expect(r.stderr, where).toMatch(REFUSED[name]![1]);
      expect(r.stderr.length, `${name}: the message floods the terminal`).toBeLessThan(4000);
      expect(existsSync(join(dir, `out-${name}.yaml`)), where).toBe(false);
    });
    expect(readdirSync(dir).filter((f) => /\.tmp$|\.lock$/.test(f))).toEqual([]);
    // A device: refused at once, never read for ever.
    const zero = await runCli(["import", "/dev/zero", "-o", "zero.yaml"], { cwd: dir, timeoutMs: 120_000 });
    expectHonestExit(zero, [2]);
    expect(zero.stderr).toMatch(/\/dev\/zero.*not a regular file/);
  }, 240_000);

  it("reads what can be read: CR-only line ends, a 2 MB cell; the calendar validates", async () => {
    const dir = tempProject({
      "config/failover.yaml": "version: 1\n",
      "cr-only.csv": "id,channel,date,time,text\ra,x,2026-07-14,10:00,hello\rb,x,2026-07-14,11:00,bye\r",
      "big-cell.csv": `id,channel,date,time,text\nbig,email,2026-07-14,10:00,"${"word ".repeat(400_000)}"\n`,
    });
    for (const name of ["cr-only.csv", "big-cell.csv"]) {
      const r = await runCli(["import", name, "--timezone", "UTC", "-o", `${name}.yaml`], { cwd: dir, timeoutMs: 120_000 });
      expectHonestExit(r, [0]);
      const v = await runCli(["validate", "-c", `${name}.yaml`, "--no-state"], { cwd: dir, timeoutMs: 120_000 });
      expect(v.code, v.stderr).toBe(0);
    }
  }, 240_000);
});
