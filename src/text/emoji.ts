/**
 * Emoji as X's counting sees them. twitter-text v3 counts one emoji sequence as one unit of
 * weight 2, and it finds them with twemoji-parser 11, whose table is Unicode Emoji 11.0 (2018).
 * Emoji added later (🥲, 🫠, 🪿, 🧑‍🚀, 🐦‍🔥 …) are not sequences to it: their code points and joiners
 * count one by one, which over-counts, never under-counts. This module states that table as
 * rules over Unicode's own emoji properties (ICU in Node), with the Emoji 11.0 cut-off and the
 * twemoji quirks written out; tests/text/x-weight.test.ts checks it against the official package
 * for every code point alone and for every ZWJ sequence shape.
 */

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const VS15 = 0xfe0e;
const KEYCAP = 0x20e3;
const FEMALE = 0x2640;
const MALE = 0x2642;
const MAN = 0x1f468;
const WOMAN = 0x1f469;
const BOY = 0x1f466;
const GIRL = 0x1f467;
const HEART = 0x2764;
const KISS = 0x1f48b;
const SKIN_TONES = [0x1f3fb, 0x1f3fc, 0x1f3fd, 0x1f3fe, 0x1f3ff];
const isSkinTone = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Emoji code points newer than Emoji 11.0 (emoji-data.txt marks them E12.0 to E16.0), and the
 * hair components U+1F9B0–1F9B3, which twemoji 11 draws only inside a ZWJ sequence.
 */
const AFTER_EMOJI_11: Array<[number, number]> = [
  [0x26a7, 0x26a7],
  [0x1f6d5, 0x1f6df],
  [0x1f6fa, 0x1f6ff],
  [0x1f7e0, 0x1f7ff],
  [0x1f90c, 0x1f90f],
  [0x1f93f, 0x1f93f],
  [0x1f971, 0x1f972],
  [0x1f977, 0x1f979],
  [0x1f97b, 0x1f97b],
  [0x1f9a3, 0x1f9b3],
  [0x1f9ba, 0x1f9bf],
  [0x1f9c3, 0x1f9cf],
  [0x1fa70, 0x1faff],
];
const isAfterEmoji11 = (cp: number): boolean => AFTER_EMOJI_11.some(([a, b]) => cp >= a && cp <= b);

/** Emoji-presentation characters that also have a variation sequence: they take a trailing U+FE0F. */
const PRESENTATION_WITH_VS16 = new Set([
  ...range(0x231a, 0x231b), ...range(0x25fd, 0x25fe), ...range(0x2614, 0x2615), ...range(0x2648, 0x2653), 0x267f,
  0x2693, 0x26a1, ...range(0x26aa, 0x26ab), ...range(0x26bd, 0x26be), ...range(0x26c4, 0x26c5), 0x26d4, 0x26ea,
  ...range(0x26f2, 0x26f3), 0x26f5, 0x26fa, 0x26fd, 0x2757, ...range(0x2b1b, 0x2b1c), 0x2b50, 0x2b55, 0x1f004,
  0x1f21a, 0x1f22f,
]);
/** ©, ®, ™ and ♟ are emoji only with U+FE0F (twemoji leaves the bare characters as text). */
const NEEDS_VS16 = new Set([0xa9, 0xae, 0x2122, 0x265f]);
/**
 * Modifier bases that took skin tones only after Emoji 11.0 (families, couples, handshake,
 * wrestlers: Emoji 13.1 and 14.0), and ⛷ (skier), which twemoji 11 still treats as one.
 */
const TONES_AFTER_EMOJI_11 = new Set([0x1f46a, 0x1f46b, 0x1f46c, 0x1f46d, 0x1f46f, 0x1f48f, 0x1f491, 0x1f91d, 0x1f93c]);
const SKIER = 0x26f7;
/** Lone characters twemoji 11 also draws: ♾ (no variation selector taken) and Twitter's own U+E50A. */
const EXTRA_SINGLES = new Set([0x267e, 0xe50a]);

const EMOJI = /^\p{Emoji}$/u;
const PRESENTATION = /^\p{Emoji_Presentation}$/u;
const MODIFIER_BASE = /^\p{Emoji_Modifier_Base}$/u;
// The RGI flags (ISO 3166 pairs) and the three subdivision flags, from Unicode; 🇨🇶 (Sark) came in
// Emoji 16.0, after the table X counts with.
const FLAG = new RegExp("^\\p{RGI_Emoji_Flag_Sequence}$", "v");
const TAG_FLAG = new RegExp("\\p{RGI_Emoji_Tag_Sequence}", "vy");
const FLAGS_AFTER_EMOJI_11 = new Set(["🇨🇶"]);

type Kind =
  | "none"
  | "keycap-base" // # * 0-9
  | "needs-vs16"
  | "text" // text by default: takes U+FE0F, refused before U+FE0E
  | "text-modifiable" // text by default and takes a skin tone
  | "modifiable" // emoji by default and takes a skin tone
  | "single"; // emoji by default, alone

const kinds = new Map<number, Kind>();

function kindOf(cp: number): Kind {
  let kind = kinds.get(cp);
  if (kind !== undefined) return kind;
  const ch = String.fromCodePoint(cp);
  if (cp === 0x23 || cp === 0x2a || (cp >= 0x30 && cp <= 0x39)) kind = "keycap-base";
  else if (NEEDS_VS16.has(cp)) kind = "needs-vs16";
  else if (EXTRA_SINGLES.has(cp)) kind = "single";
  else if (!EMOJI.test(ch) || isAfterEmoji11(cp)) kind = "none";
  else if (cp === SKIER) kind = "text-modifiable";
  else if (MODIFIER_BASE.test(ch) && !TONES_AFTER_EMOJI_11.has(cp)) kind = PRESENTATION.test(ch) ? "modifiable" : "text-modifiable";
  else if (!PRESENTATION.test(ch) || PRESENTATION_WITH_VS16.has(cp)) kind = "text";
  else kind = "single";
  kinds.set(cp, kind);
  return kind;
}

// ---- Emoji 11.0 ZWJ sequences (emoji-zwj-sequences.txt, v11.0), qualified as twemoji 11 lists them.

interface TrieNode {
  next: Map<number, TrieNode>;
  terminal: boolean;
}
const newNode = (): TrieNode => ({ next: new Map(), terminal: false });
const ZWJ_SEQUENCES = newNode();

function addSequence(cps: readonly number[]): void {
  let node = ZWJ_SEQUENCES;
  for (const cp of cps) {
    let child = node.next.get(cp);
    if (!child) node.next.set(cp, (child = newNode()));
    node = child;
  }
  node.terminal = true;
}

/** Objects a man or woman (any skin tone) joins to make a profession or a hair style. */
const PROFESSION_OBJECTS: number[][] = [
  [0x2695, VS16], [0x2696, VS16], [0x2708, VS16],
  [0x1f33e], [0x1f373], [0x1f393], [0x1f3a4], [0x1f3a8], [0x1f3eb], [0x1f3ed],
  [0x1f4bb], [0x1f4bc], [0x1f527], [0x1f52c], [0x1f680], [0x1f692],
  [0x1f9b0], [0x1f9b1], [0x1f9b2], [0x1f9b3],
];
/** People with a gendered form (+ ♀️ or ♂️), any skin tone. */
const GENDERED = [
  0x1f3c3, 0x1f3c4, 0x1f3ca, 0x1f46e, 0x1f471, 0x1f473, 0x1f477, 0x1f481, 0x1f482, 0x1f486, 0x1f487,
  ...range(0x1f645, 0x1f647), 0x1f64b, 0x1f64d, 0x1f64e, 0x1f6a3, ...range(0x1f6b4, 0x1f6b6), 0x1f926, 0x1f935,
  ...range(0x1f937, 0x1f939), 0x1f93d, 0x1f93e, 0x1f9b8, 0x1f9b9, ...range(0x1f9d6, 0x1f9dd),
];
/** Text-style people with a gendered form: they need a skin tone or U+FE0F before the joiner. */
const GENDERED_TEXT_STYLE = [0x1f3cb, 0x1f3cc, 0x1f574, 0x1f575, 0x26f9];
/** Gendered forms with no skin tones: people with bunny ears, wrestlers, genie, zombie. */
const GENDERED_TONELESS = [0x1f46f, 0x1f93c, 0x1f9de, 0x1f9df];

for (const person of [MAN, WOMAN]) {
  for (const tone of [[], ...SKIN_TONES.map((t) => [t])]) {
    for (const object of PROFESSION_OBJECTS) addSequence([person, ...tone, ZWJ, ...object]);
  }
}
for (const sign of [FEMALE, MALE]) {
  for (const base of GENDERED) {
    for (const tone of [[], ...SKIN_TONES.map((t) => [t])]) addSequence([base, ...tone, ZWJ, sign, VS16]);
  }
  for (const base of GENDERED_TEXT_STYLE) {
    for (const tone of [VS16, ...SKIN_TONES]) addSequence([base, tone, ZWJ, sign, VS16]);
  }
  for (const base of GENDERED_TONELESS) addSequence([base, ZWJ, sign, VS16]);
}
const join = (cps: number[]): number[] => cps.flatMap((cp, i) => (i === 0 ? [cp] : [ZWJ, cp]));
for (const parents of [[MAN], [WOMAN], [MAN, MAN], [MAN, WOMAN], [WOMAN, WOMAN]]) {
  for (const children of [[BOY], [GIRL], [BOY, BOY], [GIRL, BOY], [GIRL, GIRL]]) addSequence(join([...parents, ...children]));
}
for (const [a, b] of [[MAN, MAN], [WOMAN, MAN], [WOMAN, WOMAN]] as const) {
  addSequence([a, ZWJ, HEART, VS16, ZWJ, b]);
  addSequence([a, ZWJ, HEART, VS16, ZWJ, KISS, ZWJ, b]);
}
addSequence([0x1f3f3, VS16, ZWJ, 0x1f308]); // rainbow flag
addSequence([0x1f3f4, ZWJ, 0x2620, VS16]); // pirate flag
addSequence([0x1f441, ZWJ, 0x1f5e8]); // eye in speech bubble

/** The longest Emoji 11.0 ZWJ sequence starting at `at`, or -1. */
function zwjSequenceEnd(text: string, at: number): number {
  let node = ZWJ_SEQUENCES;
  let i = at;
  let best = -1;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const child = node.next.get(cp);
    if (!child) break;
    node = child;
    i += cp > 0xffff ? 2 : 1;
    if (node.terminal) best = i;
  }
  return best;
}

const cpAt = (text: string, i: number): number => (i < text.length ? text.codePointAt(i)! : -1);
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/**
 * The end of the emoji X sees at `at`, or -1: a ZWJ sequence, a keycap, a flag, an emoji with
 * its skin tone or its U+FE0F, in twemoji's order of preference.
 */
export function emojiEnd(text: string, at: number): number {
  const cp = cpAt(text, at);
  if (cp < 0x23) return -1;
  const zwj = zwjSequenceEnd(text, at);
  if (zwj > 0) return zwj;
  const next = at + width(cp);
  const after = cpAt(text, next);
  switch (kindOf(cp)) {
    case "keycap-base":
      if (after === KEYCAP) return next + 1;
      return after === VS16 && cpAt(text, next + 1) === KEYCAP ? next + 2 : -1;
    case "needs-vs16":
      return after === VS16 ? next + 1 : -1;
    case "text":
      if (after === VS16) return next + 1;
      return after === VS15 ? -1 : next;
    case "text-modifiable": {
      let end = next;
      if (after === VS16) end++;
      else if (after === VS15) return -1;
      const tone = cpAt(text, end);
      return isSkinTone(tone) ? end + 2 : end;
    }
    case "modifiable":
      return isSkinTone(after) ? next + 2 : next;
    case "single": {
      if (cp === 0x1f3f4) {
        TAG_FLAG.lastIndex = at;
        if (TAG_FLAG.test(text)) return TAG_FLAG.lastIndex;
      }
      if (isRegionalIndicator(cp) && isRegionalIndicator(after)) {
        const pair = text.slice(at, next + 2);
        if (FLAG.test(pair) && !FLAGS_AFTER_EMOJI_11.has(pair)) return next + 2;
      }
      return next;
    }
    case "none":
      return cp === VS16 ? next : -1;
  }
}

/** Start and end of every emoji X sees, scanning left to right as twemoji-parser does. */
export function emojiSpans(text: string): Map<number, number> {
  const spans = new Map<number, number>();
  for (let i = 0; i < text.length; ) {
    const end = emojiEnd(text, i);
    if (end > i) {
      spans.set(i, end);
      i = end;
    } else i += width(text.codePointAt(i)!);
  }
  return spans;
}
