/**
 * Fuzzing the calendar writer: random calendars in every layout a person writes (block or flow
 * posts, odd indentation, comments everywhere, quoting styles, block scalars, CRLF, no final
 * newline) and random edits. Each time, the new text must read back as exactly the intended data,
 * and the lines of the posts not edited must be there byte for byte, in order. Seeded.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyToData, editCalendarText, UneditableError, type CalendarOp } from "../../src/writer/calendar-edit.js";
import { locate, parseYaml, releaseDocument } from "../../src/yaml/source.js";
import { seededRandom } from "../helpers/random.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20260714);
const RUNS = 1_500;

const STRINGS = ["hello", "true", "null", "12", "a: b", "x #y", "#tag", "it's", 'say "hi"', "é 🎉 ✨", "@acme", "- dash", "{curly}", "[sq]", "a,b", "line one\nline two", "trailing ", "", "2026-07-14T10:00:00-04:00", "~", "%", "\ttab"];

function calendar(random: () => number): { text: string; posts: number } {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const eol = random() < 0.2 ? "\r\n" : "\n";
  const seqIndent = " ".repeat(pick([0, 2, 4]));
  const dashGap = " ".repeat(pick([1, 1, 1, 3]));
  const keyIndent = seqIndent + " " + dashGap;
  const lines = [pick(["# fuzzed calendar", "", "---"]), "version: 1", "timezone: UTC  # a comment", "posts:"].filter((l, i) => l !== "" || i > 0);
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    if (random() < 0.3) lines.push(`${seqIndent}# about post ${i}`);
    if (random() < 0.2) lines.push("");
    const text = pick(["plain text", "'single quoted'", '"double \\u00e9"', "|\n" + keyIndent + "  block\n" + keyIndent + "  literal", ">-\n" + keyIndent + "  folded\n" + keyIndent + "  text"]);
    if (random() < 0.3) {
      lines.push(`${seqIndent}-${dashGap}{ id: p${i}, channel: x, at: 2026-07-14T1${i}:00, text: ${text.startsWith("|") || text.startsWith(">") ? "flow" : text} }${random() < 0.3 ? "  # flow" : ""}`);
    } else {
      lines.push(`${seqIndent}-${dashGap}id: p${i}${random() < 0.2 ? "   # the id" : ""}`);
      lines.push(`${keyIndent}channel: ${pick(["x", '"x"', "'x'"])}`);
      lines.push(`${keyIndent}at: ${pick(["2026-07-14T10:00", '"2026-07-14T10:00"'])}`);
      if (random() < 0.4) lines.push(`${keyIndent}status: ${pick(["scheduled", "rerouted"])}`);
      lines.push(`${keyIndent}text: ${text}`);
      if (random() < 0.3) lines.push(`${keyIndent}media:`, `${keyIndent}  - { path: a.jpg, kind: image }`);
      if (random() < 0.2) lines.push(`${keyIndent}# trailing comment inside the post`);
    }
  }
  if (random() < 0.3) lines.push("# the end");
  const body = lines.join(eol);
  return { text: random() < 0.2 ? body : body + eol, posts: n };
}

function edits(random: () => number, posts: number, data: { posts: Array<Record<string, unknown>> }): CalendarOp[] {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ops: CalendarOp[] = [];
  const removed = new Set<number>();
  const keyOps: CalendarOp[] = [];
  const postOps: CalendarOp[] = [];
  for (let i = 0; i < posts; i++) {
    const r = random();
    if (r < 0.15 && posts > 1 && removed.size < posts - 1) {
      removed.add(i);
      postOps.push({ op: "remove", postIndex: i });
      continue;
    }
    // One op per key and post, as plans make them.
    const key = pick(["status", "reason", "at", "reroutedTo"]);
    if (r < 0.6) keyOps.push({ op: "set", postIndex: i, key, value: pick(STRINGS) });
    if (r < 0.3 && "status" in data.posts[i]! && key !== "status") keyOps.push({ op: "delete", postIndex: i, key: "status" });
    if (random() < 0.3) postOps.push({ op: "insertAfter", postIndex: i, post: { id: `p${i}--x`, channel: "x", at: pick(STRINGS), text: pick(STRINGS), reason: pick(STRINGS) } });
  }
  if (random() < 0.3) postOps.push({ op: "append", post: { id: "notice", channel: "x", text: pick(STRINGS) } });
  ops.push(...keyOps, ...postOps);
  return ops;
}

describe("fuzzing the calendar writer", () => {
  it(`${RUNS} random layouts and edits read back as intended, untouched posts byte for byte (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    let refused = 0;
    for (let run = 0; run < RUNS; run++) {
      const { text, posts } = calendar(random);
      const source = parseYaml("calendar.yaml", text).source;
      expect(source.doc.errors, text).toEqual([]);
      const data = source.doc.toJS() as { posts: Array<Record<string, unknown>> };
      const ops = edits(random, posts, data);
      // The same calendar with its Document let go (as planning holds it) must give the same
      // positions and the very same edits, or the same refusal.
      const released = parseYaml("calendar.yaml", text).source;
      expect(releaseDocument(released), `seed ${SEED} run ${run}: not released\n${text}`).toBe(true);
      for (let i = 0; i < posts; i++) {
        for (const path of [["posts", i], ["posts", i, "text"], ["posts", i, "at"], ["posts", i, "media", 0, "path"], ["posts", i, "nope"]]) {
          expect(locate(released, path), `seed ${SEED} run ${run}: ${path.join(".")}`).toEqual(locate(source, path));
          expect(locate(released, path, { key: true })).toEqual(locate(source, path, { key: true }));
        }
      }
      let releasedAfter: string | Error;
      try {
        releasedAfter = editCalendarText(released, ops);
      } catch (error) {
        releasedAfter = error as Error;
      }
      let after: string;
      try {
        const check = { wholeFile: true };
        after = editCalendarText(source, ops, check);
        expect(releasedAfter, `seed ${SEED} run ${run}: released\n${text}\n${JSON.stringify(ops)}`).toBe(after);
        // No aliases here: the edited posts alone must have been enough to check.
        expect(check.wholeFile, `seed ${SEED} run ${run}: checked the whole file\n${text}\n${JSON.stringify(ops)}`).toBe(false);
      } catch (error) {
        // Only a documented refusal is allowed (e.g. removing a post's only key); never a bug.
        expect(error, `seed ${SEED} run ${run}:\n${text}\n${JSON.stringify(ops)}`).toBeInstanceOf(UneditableError);
        expect(releasedAfter, `seed ${SEED} run ${run}: released`).toEqual(error);
        refused++;
        continue;
      }
      const expected = structuredClone(data);
      applyToData(expected, ops);
      expect(parse(after), `seed ${SEED} run ${run}:\n${text}\n${JSON.stringify(ops)}\n---\n${after}`).toEqual(expected);
      // The lines of every post nobody touched are still in the file, in the same order.
      const touched = new Set(ops.flatMap((o) => ("postIndex" in o ? [o.postIndex] : [])));
      const untouched = (source.doc.get("posts", true) as { items: Array<{ range: [number, number, number] }> }).items
        .filter((_, i) => !touched.has(i))
        .map((item) => text.slice(item.range[0], item.range[1]));
      let from = 0;
      for (const chunk of untouched) {
        const at = after.indexOf(chunk, from);
        expect(at, `untouched post lost or moved (seed ${SEED} run ${run})`).toBeGreaterThanOrEqual(0);
        from = at + chunk.length;
      }
    }
    expect(refused).toBeLessThan(RUNS / 10);
  });
});
