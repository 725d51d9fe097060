/**
 * Property tests of the fitter over random texts (Latin, Japanese, emoji clusters, mentions,
 * hashtags, links): every output fits as the platform counts, the link survives whole, no
 * grapheme cluster or entity is cut, and what is kept is the beginning (hashtags go first).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countGraphemes, mastodonLength, threadsLength, xWeightedLength, type CountUnit } from "../../src/text/count.js";
import { entities } from "../../src/text/entities.js";
import { compose, ELLIPSIS, fit, type Measure } from "../../src/text/fit.js";
import { graphemeBoundaries } from "../../src/text/graphemes.js";

const MEASURES: Array<[string, Measure]> = [
  ["x", xWeightedLength],
  ["graphemes", countGraphemes],
  ["mastodon", mastodonLength],
  ["threads", threadsLength],
];

const word = fc.constantFrom(
  "launch", "bottle", "summer", "the", "and", "cold", "24", "hours", "café", "naïve", "e\u0301clair", "Zürich",
  "東京", "渋谷の", "ポップアップ", "限定カラー", "お待たせしました", "夏",
  "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇯🇵", "👍🏽", "🧑🏽‍🚀", "✨", "❤️", "1️⃣",
  "@acme", "@maya.designs", "@acme@mastodon.social", "#SummerLaunch", "#夏", "acme.com/launch",
);
const sentenceEnd = fc.constantFrom(".", "!", "?", "。", "！", "");
const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 14 }), sentenceEnd).map(([ws, end]) => ws.join(" ") + end);
const body = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 14 }), fc.constantFrom(" ", "\n\n", " ")).map(([ss, sep]) => ss.join(sep));
const link = fc.option(
  fc.constantFrom(
    "https://shop.acme.com/summer-bottle?utm_source=instagram&utm_medium=social&utm_campaign=summer_launch_2026",
    "https://acme.example/launch",
    "acme.com/x",
  ),
  { nil: undefined },
);
const tags = fc.array(fc.constantFrom("#launch", "#summer", "#夏", "#AcmeBottle", "#zerowaste"), { maxLength: 8 });

const NUMBERING = / \d+\/\d+$/;

/** The kept text of a part: without its numbering, ellipsis and the link line. */
function core(part: string): string {
  return part.replace(NUMBERING, "").trim();
}

/** True when `piece` sits in `original` starting and ending on grapheme boundaries, and not inside an entity. */
function cleanSlice(original: string, piece: string): boolean {
  if (piece.length === 0) return true;
  const bounds = new Set(graphemeBoundaries(original));
  const atoms = entities(original);
  for (let at = original.indexOf(piece); at >= 0; at = original.indexOf(piece, at + 1)) {
    const end = at + piece.length;
    const inside = (b: number): boolean => atoms.some((a) => a.start < b && b < a.end);
    if (bounds.has(at) && bounds.has(end) && !inside(at) && !inside(end)) return true;
  }
  return false;
}

describe.each(MEASURES)("fit, counted as %s", (_name, measure) => {
  it("threads: every post fits, the link is whole in one post, cuts fall on clean boundaries", () => {
    fc.assert(
      fc.property(body, link, tags, fc.integer({ min: 180, max: 600 }), (text, url, ts, limit) => {
        const r = fit({ body: text, link: url, tags: ts }, { limit, measure, maxParts: 25 });
        const original = compose(text, url, ts);
        expect(r.fits).toBe(true);
        for (const part of r.parts) expect(measure(part)).toBeLessThanOrEqual(limit);
        if (url) expect(r.parts.filter((p) => p.includes(url))).toHaveLength(1);
        if (!r.cut) {
          for (const part of r.parts) expect(cleanSlice(original, core(part))).toBe(true);
          // In order, nothing lost: the parts put back together are the original, spacing aside
          // (a part may end between two Japanese words, where the original has no space).
          expect(r.parts.map(core).join("").replace(/\s+/g, "")).toBe(original.replace(/\s+/g, ""));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("one post: fits, the link whole at the end, hashtags dropped before words, the beginning kept", () => {
    fc.assert(
      fc.property(body, link, tags, fc.integer({ min: 120, max: 500 }), (text, url, ts, limit) => {
        const r = fit({ body: text, link: url, tags: ts }, { limit, measure, maxParts: 1 });
        expect(r.parts).toHaveLength(1);
        const out = r.parts[0]!;
        if (!r.fits) {
          expect(r.problem).toBeDefined();
          return;
        }
        expect(measure(out)).toBeLessThanOrEqual(limit);
        if (url) expect(out.includes(url)).toBe(true);
        if (url && r.cut) expect(out.endsWith(url)).toBe(true);
        if (r.cut) expect(r.droppedTags).toEqual(ts);
        let kept = url ? out.slice(0, out.length - url.length).trim() : out;
        if (!r.cut) {
          expect(out).toBe(compose(text, url, ts.slice(0, ts.length - r.droppedTags.length)));
          return;
        }
        kept = kept.endsWith(ELLIPSIS) ? kept.slice(0, -ELLIPSIS.length).trimEnd() : kept;
        // The beginning of the text, cut on a clean boundary.
        expect(text.trim().startsWith(kept)).toBe(true);
        expect(cleanSlice(text, kept)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("fit, cases", () => {
  const x = { measure: xWeightedLength, limit: 280 };

  it("leaves a text that fits alone", () => {
    const r = fit({ body: "Big news ✨", link: "https://acme.com/x", tags: ["#launch"] }, { ...x, maxParts: 1 });
    expect(r.parts).toEqual(["Big news ✨\n\nhttps://acme.com/x\n\n#launch"]);
    expect(r.cut).toBe(false);
  });

  it("drops trailing hashtags, last first, before cutting any word", () => {
    const text = "a".repeat(235);
    const r = fit({ body: text, tags: ["#one", "#two", "#three", "#four", "#five", "#six", "#seven", "#eight", "#nine", "#ten"] }, { ...x, maxParts: 1 });
    expect(r.parts[0]).toBe(`${text}\n\n#one #two #three #four #five #six #seven`);
    expect(r.droppedTags).toEqual(["#eight", "#nine", "#ten"]);
  });

  it("cuts at a word with an ellipsis, which X weighs 2", () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const r = fit({ body: words, link: "https://acme.com/launch" }, { ...x, maxParts: 1 });
    const out = r.parts[0]!;
    expect(out).toMatch(/^word0 word1 .* word\d+…\n\nhttps:\/\/acme\.com\/launch$/);
    expect(xWeightedLength(out)).toBeLessThanOrEqual(280);
    expect(xWeightedLength(out)).toBeGreaterThan(270);
  });

  it("never splits a ZWJ family, a flag or a skin tone, even with no spaces at all", () => {
    const text = "👨‍👩‍👧‍👦🇯🇵👍🏽".repeat(60);
    const r = fit({ body: text }, { measure: countGraphemes, limit: 50, maxParts: 25 });
    expect(r.fits).toBe(true);
    for (const part of r.parts) expect(cleanSlice(text, core(part))).toBe(true);
  });

  it("reports a link longer than the whole limit instead of cutting it", () => {
    const url = `https://acme.com/${"x".repeat(400)}`;
    const r = fit({ body: "Look", link: url }, { measure: countGraphemes, limit: 300, maxParts: 25 });
    expect(r.fits).toBe(false);
    expect(r.problem).toMatch(/link alone|cannot fit/);
  });

  it("keeps the beginning within the part cap, the link whole at the end", () => {
    const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} is here.`).join(" ");
    const r = fit({ body: text, link: "https://acme.com/a" }, { measure: countGraphemes, limit: 100, maxParts: 3 });
    expect(r.parts).toHaveLength(3);
    expect(r.cut).toBe(true);
    expect(r.parts[0]!.startsWith("Sentence number 0 is here.")).toBe(true);
    expect(r.parts[2]).toMatch(/https:\/\/acme\.com\/a 3\/3$/);
  });
});
