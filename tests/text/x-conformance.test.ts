/**
 * X's counting against twitter-text's official conformance data (vendored in tests/text/conformance,
 * see its README): every weighted-length text of validate.yml and every URL text of extract.yml
 * gets twitter-text 3.1's weighted length and the same links. The expected values of the v3
 * section are checked as written too (the other sections were written for older configs).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findUrls } from "../../src/text/urls.js";
import { xWeightedLength } from "../../src/text/xweight.js";

const twitter = createRequire(import.meta.url)("twitter-text") as {
  parseTweet(text: string): { weightedLength: number };
  extractUrlsWithIndices(text: string): Array<{ url: string; indices: [number, number] }>;
};

interface Case {
  description: string;
  text: string;
  expected: unknown;
}
const load = (file: string): { tests: Record<string, Case[]> } => parse(readFileSync(new URL(`./conformance/${file}`, import.meta.url), "utf8"));
const validate = load("validate.yml");
const extract = load("extract.yml");

const WEIGHTED = ["WeightedTweetsCounterTest", "WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest"];
const URLS = ["urls", "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params"];
const cases = [...WEIGHTED.flatMap((k) => validate.tests[k]!), ...URLS.flatMap((k) => extract.tests[k]!)];
const texts = [...new Set(cases.map((c) => c.text))];

describe("X counting against twitter-text's conformance suite", () => {
  it("reads all the texts", () => {
    expect(cases.length).toBe(152);
    expect(texts.length).toBe(131);
  });

  it("gives every text twitter-text 3.1's weighted length", () => {
    const wrong = texts
      .map((text) => ({ text, official: twitter.parseTweet(text).weightedLength, ours: xWeightedLength(text) }))
      .filter((r) => r.official !== r.ours);
    expect(wrong).toEqual([]);
  });

  it("finds the same links in every text", () => {
    const spans = (list: Array<{ start: number; end: number; url: string }>): string[] => list.map((u) => `${u.start}-${u.end} ${u.url}`);
    const wrong = texts.filter((text) => {
      const theirs = spans(twitter.extractUrlsWithIndices(text.normalize("NFC")).map((u) => ({ start: u.indices[0], end: u.indices[1], url: u.url })));
      return theirs.join("|") !== spans(findUrls(text.normalize("NFC"))).join("|");
    });
    expect(wrong).toEqual([]);
  });

  it("gives the v3 section's texts the weighted length written in the suite", () => {
    for (const c of validate.tests.WeightedTweetsWithDiscountedEmojiCounterTest!) {
      expect(xWeightedLength(c.text), c.description).toBe((c.expected as { weightedLength: number }).weightedLength);
    }
  });
});
