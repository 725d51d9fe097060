/**
 * Grapheme clusters, words and sentences, as Unicode (UAX #29) and the ICU in Node segment them.
 * A grapheme cluster is what a reader sees as one character: a ZWJ emoji family, a flag, a skin
 * tone, a letter with its combining marks. Nothing in this tool ever cuts inside one.
 */

// Segmenters are costly to build (ICU loads its break rules) and hold no per-call state: one of
// each for the process, built on first use so a run that never segments words pays nothing.
const segmenters = new Map<Intl.SegmenterOptions["granularity"], Intl.Segmenter>();
function segmenter(granularity: "grapheme" | "word" | "sentence"): Intl.Segmenter {
  let s = segmenters.get(granularity);
  if (!s) segmenters.set(granularity, (s = new Intl.Segmenter(undefined, { granularity })));
  return s;
}

/**
 * The grapheme clusters of `text`, as Intl.Segmenter gives them, but with plain runs cut code
 * point by code point and only the regions around joining characters segmented (as
 * `countGraphemes` counts): `list` measures and cuts 20k posts' texts, and the segmenter over
 * every character was a fifth of its time.
 */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  const plain = (from: number, to: number): void => {
    for (let i = from; i < to; ) {
      const pair = isHighSurrogate(text.charCodeAt(i)) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1));
      out.push(text.slice(i, (i += pair ? 2 : 1)));
    }
  };
  let done = 0;
  for (const [start, end] of joiningRegions(text, JOINING)) {
    plain(done, start);
    for (const s of segmenter("grapheme").segment(text.slice(start, end))) out.push(s.segment);
    done = end;
  }
  plain(done, text.length);
  return out;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function segmentCount(text: string): number {
  let n = 0;
  for (const _ of segmenter("grapheme").segment(text)) n++;
  return n;
}

/**
 * Characters that can join a neighbour in one cluster (UAX #29): marks, format characters (ZWJ,
 * tags, Prepend), emoji and their modifiers, regional indicators, variation selectors, Hangul
 * jamo and syllables, CR, and the few Prepend and SpacingMark letters outside those classes.
 * Any other character is a cluster of its own.
 */
export const JOINING =
  /[\r\p{M}\p{Cf}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff\u0e33\u0eb3\uff9e\uff9f\u0d4e\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{e0000}-\u{e0fff}]+/gu;

const codePointsIn = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > from && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
};

/**
 * The regions of `text` where `pattern` (a /gu run pattern) matches, each widened by one code
 * point on either side and overlapping ones merged: outside them every character is a cluster of
 * its own, so only these need the segmenter.
 */
export function joiningRegions(text: string, pattern: RegExp): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    const start = at === 0 ? 0 : at - (at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2)) ? 2 : 1);
    const after = at + m[0].length;
    const end = after >= text.length ? text.length : after + (isHighSurrogate(text.charCodeAt(after)) && isLowSurrogate(text.charCodeAt(after + 1)) ? 2 : 1);
    const last = regions[regions.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else regions.push([start, end]);
  }
  return regions;
}

/**
 * Grapheme clusters, as Intl.Segmenter counts them, but fast: plain runs are counted by code
 * point and only the regions around joining characters go through the segmenter. The fitter
 * measures many slices, so this is its hot path.
 */
export function countGraphemes(text: string): number {
  let n = 0;
  let done = 0;
  for (const [start, end] of joiningRegions(text, JOINING)) {
    n += codePointsIn(text, done, start) + segmentCount(text.slice(start, end));
    done = end;
  }
  return n + codePointsIn(text, done, text.length);
}

/** UTF-16 offsets where a grapheme cluster starts, plus text.length: every safe cut. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const s of segmenter("grapheme").segment(text)) out.push(s.index);
  out.push(text.length);
  return out;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** For words: true for a word, number or ideograph run; false for spaces and punctuation. */
  wordLike: boolean;
}

export function words(text: string): Segment[] {
  const out: Segment[] = [];
  for (const s of segmenter("word").segment(text)) {
    out.push({ start: s.index, end: s.index + s.segment.length, text: s.segment, wordLike: s.isWordLike ?? false });
  }
  return out;
}

export function sentences(text: string): Segment[] {
  const out: Segment[] = [];
  for (const s of segmenter("sentence").segment(text)) {
    out.push({ start: s.index, end: s.index + s.segment.length, text: s.segment, wordLike: true });
  }
  return out;
}

/** UTF-8 byte length, computed from the UTF-16 units (no Buffer: this module stays pure). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3; // a lone surrogate is written as U+FFFD: 3 bytes
    } else bytes += 3;
  }
  return bytes;
}

/** Unicode code points (a surrogate pair is one). */
export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
