/** The one table renderer: display width (CJK and emoji are 2), fitted to the terminal, plain when piped. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderTable, truncateToWidth, wrapProse, wrapToWidth } from "../../src/cli/table.js";
import { displayWidth, stripAnsi } from "../../src/text/display-width.js";
import { BIN, ROOT, runCli } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");
const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;
const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));
const RED = (s: string) => `\x1b[31m${s}\x1b[39m`;

describe("display width", () => {
  it("counts columns as a terminal shows them", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("한국어")).toBe(6);
    expect(displayWidth("ｆｕｌｌ")).toBe(8);
    expect(displayWidth("👍")).toBe(2);
    expect(displayWidth("👨‍👩‍👧")).toBe(2);
    expect(displayWidth("🇩🇪")).toBe(2);
    expect(displayWidth("❤️")).toBe(2);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(displayWidth(RED("ok"))).toBe(2);
    expect(displayWidth("café ☕")).toBe(7);
  });
});

describe("renderTable", () => {
  const head = ["channel", "status", "answer"];
  const rows = [
    ["日本語チャンネル", "down", "サービスが停止しています。復旧作業を行っています。"],
    ["x", RED("major outage"), "All systems operational 👍 and a long explanation of what the status page says today"],
  ];

  it("piped: whole rows, columns aligned by display width, not by .length", () => {
    const lines = renderTable(head, rows).split("\n");
    expect(lines).toHaveLength(3);
    // The status column starts at the same screen column on every line, CJK or not.
    const starts = ["status", "down", "major outage"].map((cell, i) => {
      const plain = stripAnsi(lines[i]!);
      return displayWidth(plain.slice(0, plain.indexOf(cell)));
    });
    expect(starts).toEqual([18, 18, 18]);
    expect(lines[2]).toContain("what the status page says today");
  });

  it("on a 50-column terminal: no line is wider, the last column wraps, nothing is lost", () => {
    const text = renderTable(head, rows, { width: 50 });
    expect(widest(text)).toBeLessThanOrEqual(50);
    expect(stripAnsi(text).replace(/\s+/g, " ")).toContain("explanation of what the status page says today");
    expect(stripAnsi(text).replace(/\s+/g, "")).toContain("サービスが停止しています。復旧作業を行っています。");
    // A wrapped coloured cell ends each line with a reset and carries its colour on.
    const wrapped = wrapToWidth(RED("one two three four"), 8);
    expect(wrapped.map(stripAnsi)).toEqual(["one two", "three", "four"]);
    for (const line of wrapped) expect(line).toMatch(/^\x1b\[31m.*\x1b\[0m$/);
  });

  it("cuts the last column with … when asked, by display width; the other columns wrap, so no id is cut", () => {
    const text = renderTable(head, rows, { width: 40, last: "truncate" });
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(text.match(/…/g)).toHaveLength(2);
    // The first column wrapped: 日本語チャ on the row's line, ンネル on the next.
    expect(stripAnsi(text).split("\n").map((l) => l.slice(0, l.indexOf(" ") < 0 ? undefined : l.indexOf(" "))).join("")).toContain("日本語チャンネル");
    expect(truncateToWidth("日本語テキスト", 7)).toBe("日本語…");
    expect(displayWidth(truncateToWidth("👍👍👍👍", 5))).toBeLessThanOrEqual(5);
    expect(truncateToWidth("short", 10)).toBe("short");
  });

  it("prints a row's notes under it, wrapped to the width and never cut; piped, whole", () => {
    const notes = [undefined, ["fix: add bluesky and x to backups, both healthy and free at Tue 14 Jul 20:30"]];
    const fitted = renderTable(head, rows, { width: 40, last: "truncate", notes }).split("\n");
    for (const line of fitted) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    const under = fitted.findIndex((l) => l.startsWith("    fix:"));
    // Under the last row (x's), after all of its wrapped lines.
    expect(fitted.findIndex((l) => stripAnsi(l).startsWith("x "))).toBeLessThan(under);
    expect(stripAnsi(fitted.slice(0, under).at(-1)!)).toMatch(/^ +outage$/);
    expect(fitted.slice(under).join(" ").replace(/\s+/g, " ")).toContain("fix: add bluesky and x to backups, both healthy and free at Tue 14 Jul 20:30");
    expect(renderTable(head, rows, { notes }).split("\n").at(-1)).toBe("    fix: add bluesky and x to backups, both healthy and free at Tue 14 Jul 20:30");
  });

  it("wraps prose to the width with an indent, and leaves it alone when piped", () => {
    const text = "  x: twitter-text v3: NFC first; every link (bare domains too) 23; an emoji sequence 2";
    expect(wrapProse(text, undefined, "  ")).toBe(text);
    const lines = wrapProse(text, 40, "  ").split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines[1]).toMatch(/^ {4}\S/);
  });
});

describe.skipIf(!hasScript)("commands that print tables fit an 80-column terminal", () => {
  const onTerminal = (args: string[]) => {
    const command = `stty cols 80 rows 40; exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ")}`;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: DEMO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "true" } });
    // Drop the spinner's and the terminal's control sequences; what is left is what was shown.
    return r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
  };

  it.each([
    ["status", ["status", "--now", "2026-07-14T09:00:00Z", "--no-state"]],
    ["platforms", ["platforms"]],
    ["preview", ["preview", "launch-reel", "--to", "x", "--to", "bluesky", "--to", "linkedin"]],
  ])("%s: the table fits 80 columns on the terminal, whole lines when piped", async (name, args) => {
    // preview's table is its summary (from the header to the first blank line); the post's text below is shown as written.
    const table = (text: string) => (name === "preview" ? text.slice(text.indexOf("channel "), text.indexOf("\n\n", text.indexOf("channel "))) : text);
    const shown = table(onTerminal(args));
    expect(shown.split("\n").length).toBeGreaterThan(3);
    expect(widest(shown)).toBeLessThanOrEqual(80);
    const piped = await runCli(args, { cwd: DEMO });
    expect(piped.stdout).not.toMatch(/\x1b\[/);
    // status and platforms are wider than 80 in full; preview's table fits as it is, so it is shown unchanged.
    if (name === "preview") expect(table(piped.stdout)).toBe(shown);
    else expect(widest(table(piped.stdout))).toBeGreaterThan(80);
  });
});
