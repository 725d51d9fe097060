import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";
import { appendPosts } from "../../src/writer/append.js";
import { editCalendarText } from "../../src/writer/calendar-edit.js";
import { parseYaml } from "../../src/yaml/source.js";

const config = emptyConfig({});
const post = { id: "new-one", channel: "x", at: "2026-07-14T10:00", text: "Two\nlines" };

function calendarFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "failover-append-")), "calendar.yaml");
  writeFileSync(file, text);
  return file;
}

describe("appendPosts", () => {
  it("adds posts after the last one; every byte before stays, comments included; the old file is kept as .bak", async () => {
    const before = "# Launch week\nversion: 1\ntimezone: UTC\nposts:\n  - id: old # keep me\n    channel: x\n    at: 2026-07-13T10:00\n    text: Old\n# trailing comment\n";
    const file = calendarFile(before);
    const r = await appendPosts({ calendarFile: file, config, posts: [post] });
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(before.slice(0, before.indexOf("# trailing")))).toBe(true);
    expect(after).toContain("  - id: new-one\n    channel: x\n");
    expect(after).toContain("# trailing comment");
    expect(r.total).toBe(2);
    expect(readFileSync(`${file}.bak`, "utf8")).toBe(before);
  });

  it("refuses a post whose id the calendar has, and writes nothing", async () => {
    const before = "version: 1\ntimezone: UTC\nposts:\n  - { id: new-one, channel: x, at: 2026-07-13T10:00, text: Old }\n";
    const file = calendarFile(before);
    await expect(appendPosts({ calendarFile: file, config, posts: [post] })).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it("fills an empty list, `posts: []` or `posts:` alone, keeping the comment on that line", () => {
    const fill = (text: string) => editCalendarText(parseYaml("c.yaml", text).source, [{ op: "append", post }]);
    expect(fill("version: 1\nposts: [] # none yet\nextra: 1\n")).toBe(
      'version: 1\nposts: # none yet\n  - id: new-one\n    channel: x\n    at: 2026-07-14T10:00\n    text: |-\n      Two\n      lines\nextra: 1\n',
    );
    expect(fill("version: 1\r\nposts:")).toBe("version: 1\r\nposts:\r\n  - id: new-one\r\n    channel: x\r\n    at: 2026-07-14T10:00\r\n    text: |-\r\n      Two\r\n      lines\r\n");
  });
});
