/**
 * Grapheme clusters, words and sentences, as Unicode (UAX #29) and the ICU in Node segment them.
 * A grapheme cluster is what a reader sees as one character: a ZWJ emoji family, a flag, a skin
 * tone, a letter with its combining marks. Nothing in this tool ever cuts inside one.
 */

// Segmenters are costly to build and hold no per-call state: one of each for the process.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });
const SENTENCES = new Intl.Segmenter(undefined, { granularity: "sentence" });

export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const s of GRAPHEMES.segment(text)) out.push(s.segment);
  return out;
}

export function countGraphemes(text: string): number {
  let n = 0;
  for (const _ of GRAPHEMES.segment(text)) n++;
  return n;
}

/** UTF-16 offsets where a grapheme cluster starts, plus text.length: every safe cut. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const s of GRAPHEMES.segment(text)) out.push(s.index);
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
  for (const s of WORDS.segment(text)) {
    out.push({ start: s.index, end: s.index + s.segment.length, text: s.segment, wordLike: s.isWordLike ?? false });
  }
  return out;
}

export function sentences(text: string): Segment[] {
  const out: Segment[] = [];
  for (const s of SENTENCES.segment(text)) {
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
