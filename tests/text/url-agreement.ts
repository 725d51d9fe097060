/** Our link finder against twitter-text's extractUrlsWithIndices on random link-like text (shared by the quick and the slow suite). */
import fc from "fast-check";
import { createRequire } from "node:module";
import { findUrls } from "../../src/text/urls.js";

const twitter = createRequire(import.meta.url)("twitter-text") as {
  extractUrlsWithIndices(text: string): Array<{ url: string; indices: [number, number] }>;
};
export const theirs = (text: string): string[] => twitter.extractUrlsWithIndices(text).map((u) => `${u.indices[0]}-${u.indices[1]} ${u.url}`);
export const ours = (text: string): string[] => findUrls(text).map((u) => `${u.start}-${u.end} ${u.url}`);

/** Pieces that make link-like text, with twitter-text's harder cases: internationalised TLDs, punycode in both cases, directional marks, labels over 63, mixed TLDs. */
const PIECE = fc.constantFrom(
  "a", "A", "acme", "shop", "com", "jp", "io", "example", "1", "8080", ".", "/", "?", "=", "&", "#", "-", "_", "(", ")", ":",
  " ", "https://", "http://", "www.", "日本", "é", "@", "+", "~", "'", "%", ",", "!", "みんな", "中国", "рф", "xn--", "XN--",
  "xn--p1ai", "\u202a", "\u202c", "\u200f", "\u2066", "a".repeat(64), "b".repeat(60), "vermögensberatung", "ö", "。", "t.co/", "$", "＃",
);

/** The first input (shrunk) on which the two disagree in `runs` cases from `seed`, as [text, ours, theirs]; [] if none. */
export function disagreements(runs: number, seed: number): string[][] {
  const result = fc.check(
    fc.property(fc.array(PIECE, { maxLength: 20 }), (parts) => ours(parts.join("")).join("|") === theirs(parts.join("")).join("|")),
    { numRuns: runs, seed },
  );
  if (!result.failed || !result.counterexample) return [];
  const text = result.counterexample[0].join("");
  return [[`seed ${seed}: ${JSON.stringify(text)}`, ours(text).join("|"), theirs(text).join("|")]];
}
