/**
 * How many terminal columns a text takes: East Asian wide and fullwidth characters (CJK, kana,
 * Hangul, fullwidth forms) and emoji take two, combining marks and zero-width characters none,
 * everything else one (Unicode UAX #11, as terminals implement it). ANSI colour codes take none.
 */
import { graphemes } from "./graphemes.js";

const ANSI = /\x1b\[[0-9;]*m/g;

/** Wide and fullwidth ranges (UAX #11 W and F) of the scripts a calendar is written in. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1b000, 0x1b2ff], // Kana supplement and extensions
  [0x20000, 0x3fffd], // CJK extensions B and on
];

function isWide(codePoint: number): boolean {
  return WIDE.some(([from, to]) => codePoint >= from && codePoint <= to);
}

const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;

/** Columns of one grapheme cluster. */
export function graphemeWidth(cluster: string): number {
  // Printable ASCII, most of any text: one column, without the two Unicode property tests.
  if (cluster.length === 1) {
    const c = cluster.charCodeAt(0);
    if (c >= 0x20 && c <= 0x7e) return 1;
  }
  if (EMOJI.test(cluster)) return 2;
  if (ZERO.test(cluster)) return 0;
  return isWide(cluster.codePointAt(0)!) ? 2 : 1;
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Columns a (possibly coloured) single-line text takes on a terminal. */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
  // Printable ASCII is one column a character: the common case, without segmenting.
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  let width = 0;
  for (const cluster of graphemes(plain)) width += graphemeWidth(cluster);
  return width;
}

/** A text as pieces: ANSI codes (no width) and grapheme clusters (with theirs). */
export function displayPieces(text: string): Array<{ text: string; width: number; ansi: boolean }> {
  const pieces: Array<{ text: string; width: number; ansi: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(ANSI)) {
    for (const g of graphemes(text.slice(last, m.index))) pieces.push({ text: g, width: graphemeWidth(g), ansi: false });
    pieces.push({ text: m[0], width: 0, ansi: true });
    last = m.index + m[0].length;
  }
  for (const g of graphemes(text.slice(last))) pieces.push({ text: g, width: graphemeWidth(g), ansi: false });
  return pieces;
}
