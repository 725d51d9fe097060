/**
 * Links, mentions and hashtags in a text: the spans nothing may cut through, and the ones the
 * rewriter maps (mentions) or trims (hashtags). Patterns are compiled once, at load.
 */
import { linkSpans } from "./urls.js";

export type EntityKind = "url" | "mention" | "hashtag";

export interface Entity {
  kind: EntityKind;
  start: number;
  end: number;
  text: string;
}

/**
 * `@name`, `@name.bsky.social` (Bluesky), `@name@instance.social` (Mastodon). Not after a letter,
 * digit or dot, so e-mail addresses are not mentions; a trailing dot is the sentence's.
 */
const MENTION = /(?<![\p{L}\p{N}_.@+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu;
/** `#word`, any script; not all digits ("#1" is a number), not after a letter or digit ("C#", "a#b"). */
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_&#])[#＃](?=[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}])[\p{L}\p{M}\p{N}_]+/gu;

function overlaps(spans: readonly Entity[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/**
 * The last text asked about and what was found in it. One rewrite asks about the same text up to
 * four times (mentions, trailing tags, hashtag rules, the link, the cut): on an export of 20k
 * posts, half the calls were for the text just scanned (docs/performance.md, "Throughput").
 */
let last: { text: string; found: readonly Entity[] } | undefined;

/** Every link, mention and hashtag, in order, none overlapping (links win). */
export function entities(text: string): Entity[] {
  if (last?.text !== text) last = { text, found: scan(text) };
  // Copies: a caller may keep or change what it gets.
  return last.found.map((e) => ({ ...e }));
}

function scan(text: string): Entity[] {
  const out: Entity[] = linkSpans(text).map((u) => ({ kind: "url" as const, start: u.start, end: u.end, text: u.url }));
  const links = [...out];
  for (const [kind, pattern] of [
    ["mention", MENTION],
    ["hashtag", HASHTAG],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!overlaps(links, start, end)) out.push({ kind, start, end, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

