import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvFile } from "../../src/interop/read-file.js";

describe("readCsvFile", () => {
  it("reads UTF-8 (its BOM dropped), and Excel's plain Windows-1252 CSV with a warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "failover-csv-"));
    writeFileSync(join(dir, "utf8.csv"), Buffer.from("\uFEFFtext\nCafé ✨\n", "utf8"));
    expect(await readCsvFile(join(dir, "utf8.csv"))).toEqual({ text: "text\nCafé ✨\n" });
    writeFileSync(join(dir, "ansi.csv"), Buffer.from([0x74, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x0a])); // "t\nCafé €\n" in Windows-1252
    const ansi = await readCsvFile(join(dir, "ansi.csv"));
    expect(ansi.text).toBe("t\nCafé €\n");
    expect(ansi.warning).toMatch(/not UTF-8; read as Windows-1252/);
  });
});
