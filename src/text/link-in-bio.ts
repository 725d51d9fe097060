/**
 * "Link in bio" and its kin: how a caption points at a link on a platform whose captions cannot
 * link (Instagram, TikTok). On a platform with clickable links the phrase is wrong, so it is
 * removed with the arrow or dash that led to it and the punctuation that closed it.
 */

// English, French, Spanish, Portuguese, German, Italian, Japanese. Compiled once.
const PHRASES = [
  String.raw`(?:(?:tap|click|hit|see|check(?:\s+out)?|visit|shop(?:\s+now)?(?:\s+via)?|get\s+yours(?:\s+via)?|via)\s+(?:the\s+)?)?(?:🔗\s*)?link\s+(?:is\s+)?in\s+(?:our\s+|my\s+|the\s+)?(?:bio|profile)`,
  String.raw`(?:🔗\s*)?(?:lien|link)\s+(?:en|dans\s+la|dans\s+ma|dans\s+notre)\s+bio`,
  String.raw`(?:🔗\s*)?(?:enlace|link)\s+en\s+(?:la\s+|mi\s+|nuestra\s+)?bio`,
  String.raw`(?:🔗\s*)?link\s+na\s+bio`,
  String.raw`(?:🔗\s*)?link\s+in\s+(?:der|meiner|unserer)\s+bio`,
  String.raw`(?:詳しくは|詳細は)?プロフ(?:ィール)?(?:欄)?の\s*(?:URL|リンク)(?:から|より|をチェック|へ)?`,
  String.raw`(?:URL|リンク)は\s*プロフ(?:ィール)?(?:欄)?(?:から|に|へ)?`,
];
const LEAD = String.raw`(?:[ \t]*(?:[-–—:|•]|👉|👆|⬆️?|☝️?|➡️?)[ \t]*)?`;
const PURPOSE = String.raw`(?:[ \t]+(?:to|for)[ \t]+(?:shop|buy|order|book|learn[ \t]+more|read[ \t]+more|more|details|info|tickets|sign[ \t]+up)\b)?`;
const TAIL = String.raw`${PURPOSE}[ \t]*(?:[.!。！]+|[👆⬆️☝️🔗]+)*`;
const PHRASE = new RegExp(`(${LEAD})[(（]?(?:${PHRASES.join("|")})[)）]?${TAIL}`, "giu");
const ANY_PHRASE = new RegExp(`(?:${PHRASES.join("|")})`, "iu");

export function hasLinkInBio(text: string): boolean {
  return ANY_PHRASE.test(text);
}

/**
 * The text without any "link in bio" phrase; blank lines left behind are folded. With `link`,
 * the first phrase is replaced by the link itself ("Shop now: link in bio 👆" becomes
 * "Shop now: https://…"), the others removed.
 */
export function removeLinkInBio(text: string, link?: string): { text: string; removed: boolean } {
  let removed = false;
  const out = text.replace(PHRASE, (_match, lead: string) => {
    const first = !removed;
    removed = true;
    return first && link ? `${lead.trim() ? lead.trimEnd() + " " : " "}${link}` : "";
  });
  if (!removed) return { text, removed };
  return {
    text: out
      .split("\n")
      .map((line) => line.replace(/[ \t]{2,}/g, " ").trimEnd().replace(/[,;、]$/u, ""))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
    removed,
  };
}

export const LINK_IN_BIO = "Link in bio.";
