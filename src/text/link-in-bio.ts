/**
 * "Link in bio" and its kin: how a caption points at a link on a platform whose captions cannot
 * link (Instagram, TikTok). On a platform with clickable links the phrase is wrong: the link
 * takes its place ("Tap the link in our bio to RSVP" becomes "Tap https://… to RSVP"), or, where
 * the link goes elsewhere or is already in the text, the phrase goes with what only served it
 * ("— tap the link in our bio to grab yours"), and the sentence around it is mended (edit.ts).
 */
import { applyEdits, type Edit } from "./edit.js";

// English, French, Spanish, Portuguese, German, Japanese. Compiled once.
const CORES = [
  String.raw`(?:the\s+)?(?:🔗\s*)?link\s+(?:is\s+)?in\s+(?:our\s+|my\s+|the\s+)?(?:bio|profile)`,
  String.raw`(?:le\s+)?(?:🔗\s*)?(?:lien|link)\s+(?:est\s+)?(?:en|dans\s+(?:la|ma|notre))\s+bio`,
  String.raw`(?:el\s+)?(?:🔗\s*)?(?:enlace|link)\s+en\s+(?:la\s+|mi\s+|nuestra\s+)?bio`,
  String.raw`(?:🔗\s*)?link\s+na\s+bio`,
  String.raw`(?:der\s+)?(?:🔗\s*)?link\s+in\s+(?:der|meiner|unserer)\s+bio`,
  String.raw`(?:詳しくは|詳細は)?プロフ(?:ィール)?(?:欄)?の\s*(?:URL|リンク)(?:から|より|をチェック|へ)?`,
  String.raw`(?:URL|リンク)は\s*プロフ(?:ィール)?(?:欄)?(?:から|に|へ)?`,
];
const CORE = `(?:${CORES.join("|")})(?![\\p{L}\\p{N}])`;
/** A verb that only serves the phrase ("tap", "check out"): removed with it, kept when the link replaces it. */
const VERB = String.raw`(?:(?:tap|click|hit|see|check(?:\s+out)?|visit|use|shop(?:\s+now)?(?:\s+via)?|get\s+yours(?:\s+via)?|via)\s+)`;
/** What the link was for ("to grab yours", "pour réserver"): removed with the phrase, up to the sentence's punctuation. */
const PURPOSE = String.raw`(?:[ \t]+(?:to|for|pour|para|um|per)(?:[ \t]+[\p{L}\p{M}\p{N}'’-]+(?![\p{L}\p{M}\p{N}:/@]|\.\S)){1,6})`;
/** Pointing hands and link signs after the phrase: they point at nothing once it is gone. */
const TAIL = String.raw`(?:[ \t]*(?:👆|👇|⬆️?|☝️?|🔗))*`;
const START = String.raw`(?<![\p{L}\p{N}])`;

const REPLACE = new RegExp(`${START}(?<verb>${VERB})?(?<core>${CORE}${TAIL})`, "giud");
const REMOVE = new RegExp(`${START}${VERB}?${CORE}${PURPOSE}?${TAIL}`, "giu");
const ANY = new RegExp(`${START}${CORE}`, "iu");
/**
 * Every phrase above names the bio or the profile: a text without these words has none, and is
 * answered without running (and compiling: Unicode case-insensitive patterns cost tens of ms at
 * start-up) the patterns above. Same flags, so it folds case exactly as they do.
 */
const MENTIONS_BIO = /bio|profil|プロフ/iu;
const SENTENCE_START = /(?:^|[.!?。！？\n]|\p{Extended_Pictographic}\ufe0f?)[ \t]*$/u;
const CLOSING = /^[.!。！]+/u;

export function hasLinkInBio(text: string): boolean {
  return MENTIONS_BIO.test(text) && ANY.test(text);
}

/**
 * The text without any "link in bio" phrase. With `link`, the first phrase is replaced by the
 * link itself ("Shop now: link in bio 👆" becomes "Shop now: https://…"), the others removed.
 */
export function removeLinkInBio(text: string, link?: string): { text: string; removed: boolean } {
  if (!MENTIONS_BIO.test(text)) return { text, removed: false };
  const edits: Edit[] = [];
  if (link) {
    const first = [...text.matchAll(REPLACE)][0];
    if (first) {
      const [start, end] = first.indices!.groups!.core!;
      let stop = end;
      // "Out now. Link in bio!": the link is the sentence; its full stop would only stick to it.
      const closing = text.slice(stop).match(CLOSING)?.[0];
      if (closing && SENTENCE_START.test(text.slice(0, first.index + (first.groups!.verb?.length ?? 0)))) stop += closing.length;
      edits.push({ start, end: stop, insert: link });
    }
  }
  for (const m of text.matchAll(REMOVE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!edits.some((e) => e.start < end && start < e.end)) edits.push({ start, end });
  }
  if (edits.length === 0) return { text, removed: false };
  edits.sort((a, b) => a.start - b.start);
  return { text: applyEdits(text, edits), removed: true };
}

export const LINK_IN_BIO = "Link in bio.";
