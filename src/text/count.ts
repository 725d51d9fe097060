/**
 * Lengths as each platform counts them. Every function is pure and linear in the text.
 * The adapters (src/adapters) pick one and cite where the rule comes from.
 */
import { countGraphemes, graphemes, JOINING, joiningRegions, utf8Length } from "./graphemes.js";
import { findUrls } from "./urls.js";
import { xWeightedLength } from "./xweight.js";

export type CountUnit = "weighted" | "graphemes" | "characters" | "bytes";

export { xWeightedLength, countGraphemes, utf8Length };

/** UTF-16 code units: what most platform APIs mean by "characters" (String.length); never under-counts. */
export const utf16Length = (text: string): number => text.length;

const MASTODON_URL_PLACEHOLDER = "x".repeat(23);
const REMOTE_MENTION = /(?<![\p{L}\p{N}_/])@([A-Za-z0-9_]+(?:[A-Za-z0-9_.-]+[A-Za-z0-9_]+)?)@[\p{L}\p{N}_.-]+[\p{L}\p{N}_]/gu;

/**
 * Mastodon's StatusLengthValidator: every link it would make counts as 23 (twitter-text's rules
 * with a scheme required, and the schemes of its config/initializers/twitter_regex.rb: http,
 * https, dat, dweb, ipfs, ipns, ssb, gopher, gemini), a remote mention `@user@instance` counts as
 * `@user`, and the rest is counted in grapheme clusters.
 */
export function mastodonLength(text: string): number {
  let countable = "";
  let last = 0;
  for (const url of findUrls(text, { requireScheme: true, schemes: "mastodon" })) {
    countable += text.slice(last, url.start) + MASTODON_URL_PLACEHOLDER;
    last = url.end;
  }
  countable += text.slice(last);
  return countGraphemes(countable.replace(REMOTE_MENTION, "@$1"));
}

/**
 * A cluster that is an emoji: a pictograph, a flag, or one built from a non-pictographic
 * character (a keycap 1️⃣ is "1", U+FE0F and U+20E3; "↔️" is a symbol with U+FE0F).
 */
const EMOJI_CLUSTER = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|^[0-9#*]\ufe0f?\u20e3|\p{Emoji}\ufe0f/u;

/**
 * Threads (Meta): 500 characters, "emojis count toward the limit according to their UTF-8 byte
 * length". A cluster with an emoji in it counts its UTF-8 bytes (a keycap 1️⃣ is 7); everything else its UTF-16
 * units. Only the regions around joining characters are segmented.
 */
export function threadsLength(text: string): number {
  let n = text.length;
  for (const [start, end] of joiningRegions(text, JOINING)) {
    for (const g of graphemes(text.slice(start, end))) if (EMOJI_CLUSTER.test(g)) n += utf8Length(g) - g.length;
  }
  return n;
}
