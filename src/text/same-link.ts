/**
 * Where a text already carries a given link, written in full or without its scheme
 * ("acme.example/sale" for https://acme.example/sale): a link already there is not added again.
 * Only whole occurrences count: "acme.example/sale2" and "shop.acme.example/sale" are other links.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Characters that would make the occurrence part of a longer link or word. */
const URL_CHAR = /[\p{L}\p{N}_\-./@%+~]/u;
const CONTINUES = /[\p{L}\p{N}_\-/?=&%#+~@]/u;

/** The link without scheme, "www." or trailing slash, lower-cased: what every spelling of it shares. */
export function bareLink(link: string): string {
  return link.replace(SCHEME, "").replace(/^www\./i, "").replace(/\/+$/, "").toLowerCase();
}

export interface Occurrence {
  start: number;
  end: number;
  /** Written with its scheme, exactly as the link itself. */
  full: boolean;
}

/**
 * Every whole occurrence of `link` in `text`, in order. A link with campaign tags or other
 * parameters is also found written without them ("acme.com/sale" for
 * https://acme.com/sale?utm_source=x): a reader sees the same page twice.
 */
export function linkOccurrences(text: string, link: string): Occurrence[] {
  const exact = occurrencesOf(text, link, bareLink(link));
  if (exact.length > 0) return exact;
  const page = link.replace(/[?#].*$/s, "");
  return page !== link ? occurrencesOf(text, link, bareLink(page)) : [];
}

function occurrencesOf(text: string, link: string, bare: string): Occurrence[] {
  if (bare.length === 0) return [];
  const lower = text.toLowerCase();
  const out: Occurrence[] = [];
  for (let i = lower.indexOf(bare); i >= 0; i = lower.indexOf(bare, i + 1)) {
    let start = i;
    const www = lower.slice(Math.max(0, start - 4), start) === "www." ? 4 : 0;
    start -= www;
    const scheme = lower.slice(0, start).match(/[a-z][a-z0-9+.-]*:\/\/$/);
    if (scheme) start -= scheme[0].length;
    if (start > 0 && URL_CHAR.test(text[start - 1]!)) continue;
    let end = i + bare.length;
    while (text[end] === "/") end++;
    // A trailing full stop or comma ends the sentence, not the link.
    const after = text[end];
    if (after !== undefined && (CONTINUES.test(after) || (/[.,]/.test(after) && /[\p{L}\p{N}]/u.test(text[end + 1] ?? "")))) continue;
    if (out.length > 0 && start < out[out.length - 1]!.end) continue;
    out.push({ start, end, full: text.slice(start, end) === link });
  }
  return out;
}
