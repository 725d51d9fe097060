/**
 * Taking spans out of a text, or putting a link in their place, so that it still reads as written:
 * a removed link takes with it what only led to it (an arrow, a colon, a comma, the brackets
 * around it), a sentence that was only the removed phrase takes its full stop with it, and an
 * inserted link is set apart from the words around it. Everything else stays as the author wrote
 * it: spaces before "!?:;" in French, non-breaking spaces, line breaks.
 */

export interface Edit {
  start: number;
  end: number;
  /** What takes the span's place; absent: the span is removed. */
  insert?: string;
}

/** What led to a removed link: an arrow, a pointing hand, a dash or bar after a space; a colon or comma. */
const LEAD_IN = /(?:[ \t\u00a0\u202f](?:→|->|=>|➡️?|👉[\u{1f3fb}-\u{1f3ff}]?|👇|👆|⬇️?|—|–|-|\||•)|[:：,，、;])[ \t\u00a0\u202f]*$/u;
const SPACES_END = /[ \t\u00a0\u202f]+$/u;
const SPACES_START = /^[ \t\u00a0\u202f]+/u;
const OPENERS = "([{（「『«“";
const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "（": "）", "「": "」", "『": "』", "«": "»", "“": "”" };
/** Punctuation that closes or continues a sentence: it never starts one, and never follows a link without care. */
const PUNCTUATION = /^[.,!?;:…。！？、，：；]+/u;
const SENTENCE_END = /(?:^|[.!?。！？…\n])[ \t\u00a0\u202f]*$/u;
const STARTS_UPPER = /^[^\p{L}]*\p{Lu}/u;
const NEEDS_SPACE_BEFORE_LINK = /[^\s([{（「『«“'"/]$/u;

/** Applies non-overlapping edits, sorted by start, and tidies each seam. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = "";
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start);
    if (edit.insert !== undefined && edit.insert.length > 0) {
      [out, at] = insertAt(out, text, edit);
    } else {
      [out, at] = removeAt(out, text, edit);
    }
  }
  return tidy(out + text.slice(at));
}

/** The link in the span's place, with a space on either side where a word would touch it. */
function insertAt(before: string, text: string, edit: Edit): [string, number] {
  let out = before;
  if (NEEDS_SPACE_BEFORE_LINK.test(out)) out += " ";
  out += edit.insert!;
  const next = text[edit.end];
  if (next !== undefined && !/\s/u.test(next) && !PUNCTUATION.test(next) && !Object.values(CLOSERS).includes(next)) out += " ";
  return [out, edit.end];
}

const ENDS_WITH_EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Component}\ufe0f]$/u;

/**
 * The span removed. What only led to it goes too (an arrow, a colon, a comma, its brackets). If it
 * was a sentence of its own, its closing punctuation goes with it and the next word starts the
 * sentence; if the sentence goes on, the punctuation stays where the author put it.
 */
function removeAt(before: string, text: string, edit: Edit): [string, number] {
  const removed = text.slice(edit.start, edit.end);
  const skipSpaces = (i: number): number => i + (text.slice(i, i + 64).match(SPACES_START)?.[0].length ?? 0);
  let head = before.replace(SPACES_END, "");
  let at = edit.end;
  const open = head.slice(-1);
  if (open.length > 0 && OPENERS.includes(open) && text[skipSpaces(at)] === CLOSERS[open]) {
    head = head.slice(0, -1).replace(SPACES_END, "");
    at = skipSpaces(at) + 1;
  }
  head = head.replace(LEAD_IN, "");
  const ownSentence = SENTENCE_END.test(head) || (STARTS_UPPER.test(removed) && ENDS_WITH_EMOJI.test(head));
  const afterSpaces = skipSpaces(at);
  const punctuation = text.slice(afterSpaces, afterSpaces + 16).match(PUNCTUATION)?.[0];
  if (punctuation !== undefined && !ownSentence) {
    // The sentence goes on: its punctuation stays, after the author's own space if there was one (French).
    return [head + text.slice(at, afterSpaces), afterSpaces];
  }
  const next = punctuation !== undefined ? skipSpaces(afterSpaces + punctuation.length) : afterSpaces;
  const following = text.codePointAt(next);
  const joined = head.length === 0 || head.endsWith("\n") || following === undefined || following === 0x0a;
  const sep = joined ? "" : " ";
  // The next word starts the sentence now, unless it is a link or a handle, which keep their case.
  const nextWord = (text.slice(next, next + 64).match(/^\S+/u)?.[0] ?? "").replace(/[.,!?;:…]+$/u, "");
  if (ownSentence && following !== undefined && STARTS_UPPER.test(removed) && /^\p{Ll}$/u.test(String.fromCodePoint(following)) && !/[./:@]/.test(nextWord)) {
    const letter = String.fromCodePoint(following);
    return [head + sep + letter.toUpperCase(), next + letter.length];
  }
  return [head + sep, next];
}

/** Folds what removals leave behind: trailing spaces on a line, runs of blank lines, the ends. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
