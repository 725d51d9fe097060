/**
 * X's weighted length, as twitter-text v3 (config/v3.json) computes it, implemented here:
 * - the text is NFC-normalised first;
 * - every link X would find (urls.ts), bare domains included, weighs 23 (transformedURLLength);
 * - every emoji sequence X knows (emoji.ts) weighs 2 (defaultWeight);
 * - any other code point weighs 1 in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
 *   U+2032–U+2037 (Latin, Greek, Cyrillic, Hebrew, Arabic, most punctuation), else 2 (CJK,
 *   "…" U+2026, most symbols, everything outside the BMP).
 * The limit is 280 (maxWeightedTweetLength); paid accounts have 4000 (set the channel's textLimit).
 */
import { emojiSpans } from "./emoji.js";
import { findUrls } from "./urls.js";

/** twitter-text v3: transformedURLLength. */
export const X_URL_WEIGHT = 23;
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function codePointWeight(unit: number): number {
  for (const [from, to] of LIGHT_RANGES) if (unit >= from && unit <= to) return 1;
  return 2;
}

export function xWeightedLength(text: string): number {
  const t = text.normalize("NFC");
  const urls = new Map(findUrls(t).map((u) => [u.start, u.end]));
  const emoji = emojiSpans(t);
  let weight = 0;
  for (let i = 0; i < t.length; ) {
    const urlEnd = urls.get(i);
    if (urlEnd !== undefined) {
      weight += X_URL_WEIGHT;
      i = urlEnd;
      continue;
    }
    const emojiEnd = emoji.get(i);
    if (emojiEnd !== undefined) {
      weight += 2;
      i = emojiEnd;
      continue;
    }
    const unit = t.charCodeAt(i);
    const next = i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // twitter-text weighs a surrogate pair by its low half, which is never in a light range.
      weight += 2;
      i += 2;
    } else {
      weight += codePointWeight(unit);
      i += 1;
    }
  }
  return weight;
}
