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

/** Every link, mention and hashtag, in order, none overlapping (links win). */
export function entities(text: string): Entity[] {
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

