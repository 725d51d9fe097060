import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/interop/csv-read.js";

describe("readCsv", () => {
  it("reads what Excel writes: BOM, `;`, CRLF, quoted line breaks, doubled quotes, each cell at its line and column", () => {
    const text = '\uFEFFdate;text;link\r\n14.07.2026 10:00;"Big news\r\nline two ""quoted""";https://a.example\r\n15.07.2026 09:00;plain;\r\n';
    const t = readCsv(text);
    expect(t.delimiter).toBe(";");
    expect(t.problems).toEqual([]);
    expect(t.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ["date", "text", "link"],
      ["14.07.2026 10:00", 'Big news\r\nline two "quoted"', "https://a.example"],
      ["15.07.2026 09:00", "plain", ""],
    ]);
    // The row after a two-line cell starts on line 4, not 3: positions count the real lines.
    expect(t.rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(t.rows[1]!.cells.map((c) => [c.line, c.col])).toEqual([[2, 1], [2, 18], [3, 22]]);
    expect(t.rows[2]!.cells[1]).toMatchObject({ line: 4, col: 18 });
  });

  it("takes Excel's `sep=` hint line, tabs, and LF or CR line ends; blank lines are skipped", () => {
    expect(readCsv("sep=|\na|b\n\n1|2").rows.map((r) => [r.line, r.cells.map((c) => c.value)])).toEqual([
      [2, ["a", "b"]],
      [4, ["1", "2"]],
    ]);
    expect(readCsv("a\tb\r1\t2\r").rows.map((r) => r.cells.map((c) => c.value))).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("says where a quote is never closed, and keeps what follows a closing quote with a warning", () => {
    const t = readCsv('a,b\n1,"open\n2,3\n');
    expect(t.problems).toEqual([{ line: 2, col: 3, message: expect.stringContaining("never closed") }]);
    const u = readCsv('a,b\n"x"y,2\n');
    expect(u.rows[1]!.cells[0]!.value).toBe("xy");
    expect(u.problems[0]).toMatchObject({ line: 2, col: 1, message: expect.stringContaining("after a closing quote") });
  });

  it("keeps empty trailing fields", () => {
    expect(readCsv("a,b,\n").rows[0]!.cells.map((c) => c.value)).toEqual(["a", "b", ""]);
  });
});
