import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyToData, editCalendarText, renderScalar, type CalendarOp } from "../../src/writer/calendar-edit.js";
import { parseYaml, releaseDocument } from "../../src/yaml/source.js";

const edit = (text: string, ops: CalendarOp[]) => editCalendarText(parseYaml("calendar.yaml", text).source, ops);

/** The lines that differ, as `-old` / `+new`: a golden diff that ignores unchanged lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // find the next line of `a` again in `b` (inserted lines) or skip a removed one
    const k = b.indexOf(a[i]!, j);
    if (i < a.length && k !== -1 && !b.slice(j, k).includes(a[i]!)) {
      for (; j < k; j++) out.push(`+${b[j]}`);
    } else if (i < a.length) {
      out.push(`-${a[i++]}`);
    } else {
      out.push(`+${b[j++]}`);
    }
  }
  return out;
}

const CALENDAR = `# Launch week: comments everywhere must survive.
version: 1
timezone: America/New_York   # New York time

posts:
  # the first post
  - id: one
    channel: instagram
    at: "2026-07-14T10:00"    # quoted on purpose
    text: |
      Hello
      world

    media: [{ path: a.jpg, kind: image }]
  # between the posts
  - { id: two, channel: x, at: 2026-07-14T11:00, text: 'short' }
  -   id: three
      channel: x
      at: 2026-07-14T12:00
      text: last   # end
`;

describe("editing the calendar text", () => {
  it("adds keys after a post's last line and a post right after it, touching nothing else", () => {
    const after = edit(CALENDAR, [
      { op: "set", postIndex: 0, key: "status", value: "rerouted" },
      { op: "set", postIndex: 0, key: "reason", value: "instagram is major outage; rerouted to x" },
      { op: "insertAfter", postIndex: 0, post: { id: "one--x", channel: "x", at: "2026-07-14T10:00:00-04:00", text: "Hello\nworld", reroutedFrom: "one" } },
    ]);
    expect(changedLines(CALENDAR, after)).toEqual([
      "+    status: rerouted",
      "+    reason: instagram is major outage; rerouted to x",
      "+  - id: one--x",
      "+    channel: x",
      "+    at: 2026-07-14T10:00:00-04:00",
      "+    text: |-",
      "+      Hello",
      "+      world",
      "+    reroutedFrom: one",
    ]);
    // Inserted after the media line, before the comment that introduces the next post.
    expect(after).toContain("    media: [{ path: a.jpg, kind: image }]\n    status: rerouted\n");
    expect(after).toContain("reroutedFrom: one\n  # between the posts\n");
  });

  it("replaces a value in place, in its own quoting style, keeping its comment", () => {
    const after = edit(CALENDAR, [{ op: "set", postIndex: 0, key: "at", value: "2026-07-14T13:00:00-04:00" }]);
    expect(changedLines(CALENDAR, after)).toEqual(['-    at: "2026-07-14T10:00"    # quoted on purpose', '+    at: "2026-07-14T13:00:00-04:00"    # quoted on purpose']);
  });

  it("edits a flow-mapping post inside its braces", () => {
    const after = edit(CALENDAR, [
      { op: "set", postIndex: 1, key: "status", value: "skipped" },
      { op: "set", postIndex: 1, key: "reason", value: "x is down, {really}" },
    ]);
    expect(changedLines(CALENDAR, after)).toEqual([
      "-  - { id: two, channel: x, at: 2026-07-14T11:00, text: 'short' }",
      `+  - { id: two, channel: x, at: 2026-07-14T11:00, text: 'short', status: skipped, reason: "x is down, {really}" }`,
    ]);
    const back = edit(after, [
      { op: "delete", postIndex: 1, key: "status" },
      { op: "delete", postIndex: 1, key: "reason" },
    ]);
    expect(back).toBe(CALENDAR);
  });

  it("follows an unusual indentation and removes a post with all its lines", () => {
    const added = edit(CALENDAR, [{ op: "insertAfter", postIndex: 2, post: { id: "four", channel: "x", at: "2026-07-15T09:00", text: "more" } }]);
    expect(added.endsWith("      text: last   # end\n  -   id: four\n      channel: x\n      at: 2026-07-15T09:00\n      text: more\n")).toBe(true);
    expect(edit(added, [{ op: "remove", postIndex: 3 }])).toBe(CALENDAR);
    const removed = edit(CALENDAR, [{ op: "remove", postIndex: 0 }]);
    const firstPost = CALENDAR.slice(CALENDAR.indexOf("  - id: one"), CALENDAR.indexOf("  # between"));
    expect(removed).toBe(CALENDAR.replace(firstPost, ""));
  });

  it("a key added then deleted gives back the same bytes, CRLF line ends included", () => {
    const crlf = CALENDAR.replace(/\n/g, "\r\n");
    const after = edit(crlf, [
      { op: "set", postIndex: 2, key: "status", value: "rerouted" },
      { op: "insertAfter", postIndex: 2, post: { id: "three--b", channel: "bluesky", at: "2026-07-14T12:00", text: "a\nb" } },
    ]);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(parse(after).posts[3]).toEqual({ id: "three--b", channel: "bluesky", at: "2026-07-14T12:00", text: "a\nb" });
    expect(edit(after, [{ op: "delete", postIndex: 2, key: "status" }, { op: "remove", postIndex: 3 }])).toBe(crlf);
  });

  it("removing a post's first key pulls the next key up onto the dash line", () => {
    const text = "version: 1\nposts:\n  - status: rerouted\n    id: a\n    channel: x\n    at: 2026-07-14T10:00\n    text: t\n";
    expect(edit(text, [{ op: "delete", postIndex: 0, key: "status" }])).toBe("version: 1\nposts:\n  - id: a\n    channel: x\n    at: 2026-07-14T10:00\n    text: t\n");
  });

  it("appends after the last post even without a final newline", () => {
    const text = "version: 1\nposts:\n  - id: a\n    channel: x\n    at: 2026-07-14T10:00\n    text: t";
    const after = edit(text, [{ op: "append", post: { id: "n", channel: "x", at: "2026-07-14T11:00", text: "notice: yes" } }]);
    expect(parse(after).posts.map((p: { id: string }) => p.id)).toEqual(["a", "n"]);
    expect(after.startsWith(text + "\n")).toBe(true);
  });

  it("refuses a flow-style posts list rather than reformatting the file", () => {
    const text = "version: 1\nposts: [{ id: a, channel: x, at: 2026-07-14T10:00, text: t }]\n";
    expect(() => edit(text, [{ op: "set", postIndex: 0, key: "status", value: "skipped" }])).toThrow(/calendar\.yaml:2:8.*flow list/);
  });

  it("checks the edited posts on their own, and the whole file when a post leans on the rest", () => {
    const check = { wholeFile: true };
    editCalendarText(parseYaml("calendar.yaml", CALENDAR).source, [{ op: "set", postIndex: 2, key: "status", value: "rerouted" }, { op: "remove", postIndex: 1 }], check);
    expect(check.wholeFile).toBe(false);
    const aliased = "version: 1\nshared: &s Hello\nposts:\n  - id: a\n    channel: x\n    at: 2026-07-14T10:00\n    text: *s\n";
    const after = editCalendarText(parseYaml("calendar.yaml", aliased).source, [{ op: "set", postIndex: 0, key: "status", value: "skipped" }], check);
    expect(check.wholeFile).toBe(true);
    expect(parse(after).posts[0]).toEqual({ id: "a", channel: "x", at: "2026-07-14T10:00", text: "Hello", status: "skipped" });
  });

  it("reads back the edited posts of a released calendar a few at a time, many posts and groups over", () => {
    const posts = Array.from({ length: 60 }, (_, i) => `  - id: p${i}\n    channel: x\n    at: 2026-07-14T10:${String(i).padStart(2, "0")}\n    text: "post ${i} ✨"\n`);
    const text = `version: 1\nposts:\n${posts.join("")}`;
    const ops: CalendarOp[] = [];
    for (let i = 0; i < 60; i += 2) ops.push({ op: "set", postIndex: i, key: "status", value: "rerouted" }, { op: "insertAfter", postIndex: i, post: { id: `p${i}-b`, channel: "bluesky", at: "2026-07-14T11:00", text: `stand-in: ${i}` } });
    ops.push({ op: "remove", postIndex: 7 }, { op: "delete", postIndex: 41, key: "text" });
    const source = parseYaml("calendar.yaml", text).source;
    expect(releaseDocument(source)).toBe(true);
    const check = { wholeFile: true };
    const after = editCalendarText(source, ops, check);
    expect(check.wholeFile).toBe(false);
    const expected = parse(text) as { posts: Array<Record<string, unknown>> };
    applyToData(expected, ops);
    expect(parse(after)).toEqual(expected);
    expect(after).toBe(editCalendarText(parseYaml("calendar.yaml", text).source, ops));
  });

  it("will not change a value other posts repeat through an anchor", () => {
    const text = "version: 1\nposts:\n  - id: ig\n    channel: instagram\n    at: &launch 2026-11-26T12:00\n    text: a\n  - id: li\n    channel: linkedin\n    at: *launch\n    text: b\n";
    expect(() => edit(text, [{ op: "set", postIndex: 0, key: "at", value: "2026-11-26T15:00:00Z" }])).toThrow(/calendar\.yaml:5:17.*anchor &launch/);
    expect(() => edit(text, [{ op: "remove", postIndex: 0 }])).toThrow(/removing post 1 would take away the anchor &launch/);
    // The post that repeats the value gets its own; the anchor's owner keeps it.
    const own = edit(text, [{ op: "set", postIndex: 1, key: "at", value: "2026-11-26T15:00:00Z" }]);
    expect(own).toBe(text.replace("at: *launch", "at: 2026-11-26T15:00:00Z"));
    const check = { wholeFile: false };
    editCalendarText(parseYaml("calendar.yaml", text).source, [{ op: "set", postIndex: 1, key: "status", value: "skipped" }], check);
    expect(check.wholeFile).toBe(true);
  });

  it("writes strings that read back as themselves", () => {
    for (const s of ["true", "null", "1.5", "0x1F", "- dash", "a: b", "x #y", "#tag", "it's", 'say "hi"', " padded ", "", "é 🎉", "@acme", "2026-07-14T10:00:00-04:00", "~", "a,b"]) {
      expect(parse(`k: ${renderScalar(s, false)}`).k).toBe(s);
      expect(parse(`k: { v: ${renderScalar(s, true)} }`).k.v).toBe(s);
    }
  });
});
