/**
 * Bluesky rich text: the facets that make links, mentions and hashtags work, with UTF-8 byte
 * offsets (lexicons/app/bsky/richtext/facet.json). Detection follows the official client's rules
 * (@atproto/api rich-text/detection.ts and util.ts: the same patterns, trailing punctuation
 * rules and tag length), and links are shortened as the official app posts them (social-app
 * lib/strings/url-helpers.ts `toShortUrl`, rich-text-manip.ts `shortenLinks`): the text shows
 * the short form, the link facet keeps the full URL. tests/publish/bluesky-richtext.test.ts checks
 * the output against recorded output of the official package.
 */
import { TWITTER_TEXT_TLDS } from "../../text/tlds.js";

export type FacetFeature =
  | { $type: "app.bsky.richtext.facet#link"; uri: string }
  | { $type: "app.bsky.richtext.facet#mention"; did: string }
  | { $type: "app.bsky.richtext.facet#tag"; tag: string };

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

// @atproto/api rich-text/util.ts
const MENTION_REGEX = /(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)/g;
const URL_REGEX = /(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim;
const TRAILING_PUNCTUATION_REGEX = /\p{P}+$/gu;
// eslint-disable-next-line no-misleading-character-class
const TAG_REGEX = /(^|\s)[#＃]((?!\ufe0f)[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*[^\d\s\p{P}\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*)?/gu;
const CASHTAG_REGEX = /(^|\s|\()\$([A-Za-z][A-Za-z0-9]{0,4})(?=\s|$|[.,;:!?)"'\u2019])/gu;

const encoder = new TextEncoder();
const utf8Index = (text: string, utf16Index: number): number => encoder.encode(text.slice(0, utf16Index)).length;
const graphemeLength = (text: string): number => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].length;

/** The official check uses the `tlds` package; twitter-text's list (already here) is the same IANA set. */
const TLDS: ReadonlySet<string> = new Set([...TWITTER_TEXT_TLDS.generic, ...TWITTER_TEXT_TLDS.country]);
const isTld = (name: string): boolean => TLDS.has(name) || (name.startsWith("xn--") && name.length > 4);

function isValidDomain(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  // Case-sensitive, as the official check (the tlds list is lower case).
  return domain.includes(".") && tld === tld.toLowerCase() && isTld(tld);
}

/** Facets as the official `RichText#detectFacetsWithoutResolution` finds them: a mention's `did` is still its handle. */
export function detectFacets(text: string): Facet[] {
  const facets: Facet[] = [];
  const span = (start: number, end: number) => ({ byteStart: utf8Index(text, start), byteEnd: utf8Index(text, end) });
  let m: RegExpExecArray | null;
  for (const re = new RegExp(MENTION_REGEX); (m = re.exec(text)); ) {
    const handle = m[3]!;
    if (!isValidDomain(handle) && !handle.endsWith(".test")) continue; // probably not a handle
    const start = text.indexOf(handle, m.index) - 1;
    facets.push({ index: span(start, start + handle.length + 1), features: [{ $type: "app.bsky.richtext.facet#mention", did: handle }] });
  }
  for (const re = new RegExp(URL_REGEX); (m = re.exec(text)); ) {
    let uri = m[2]!;
    if (!uri.startsWith("http")) {
      const domain = m.groups?.domain;
      if (!domain || !isValidDomain(domain)) continue;
      uri = `https://${uri}`;
    }
    const start = text.indexOf(m[2]!, m.index);
    let end = start + m[2]!.length;
    if (/[.,;:!?]$/.test(uri)) {
      uri = uri.slice(0, -1);
      end--;
    }
    if (/[)]$/.test(uri) && !uri.includes("(")) {
      uri = uri.slice(0, -1);
      end--;
    }
    facets.push({ index: span(start, end), features: [{ $type: "app.bsky.richtext.facet#link", uri }] });
  }
  for (const re = new RegExp(TAG_REGEX); (m = re.exec(text)); ) {
    const leading = m[1]!;
    let tag = m[2];
    if (!tag) continue;
    tag = tag.trim().replace(TRAILING_PUNCTUATION_REGEX, "");
    if (tag.length === 0 || (tag.length > 64 && graphemeLength(tag) > 64)) continue;
    const index = m.index + leading.length;
    facets.push({ index: span(index, index + 1 + tag.length), features: [{ $type: "app.bsky.richtext.facet#tag", tag }] });
  }
  for (const re = new RegExp(CASHTAG_REGEX); (m = re.exec(text)); ) {
    const leading = m[1]!;
    const ticker = m[2]!.toUpperCase();
    const index = m.index + leading.length;
    facets.push({ index: span(index, index + 1 + ticker.length), features: [{ $type: "app.bsky.richtext.facet#tag", tag: `$${ticker}` }] });
  }
  return facets;
}

/** social-app `toShortUrl`: host, then path + query + hash (a lone "/" dropped), cut to 13 + "..." past 15. */
export function toShortUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return url;
    const path = (u.pathname === "/" ? "" : u.pathname) + u.search + u.hash;
    return path.length > 15 ? `${u.host}${path.slice(0, 13)}...` : u.host + path;
  } catch {
    return url;
  }
}

/** social-app `shortenLinks`: each link's text replaced by its short form, facets moved to match. */
export function shortenLinks(text: string, facets: readonly Facet[]): { text: string; facets: Facet[] } {
  let bytes = Buffer.from(text, "utf8");
  const out: Facet[] = facets.map((f) => ({ index: { ...f.index }, features: f.features }));
  // In byte order, so each replacement shifts only the facets after it.
  const order = out.map((f, i) => i).sort((a, b) => out[a]!.index.byteStart - out[b]!.index.byteStart);
  for (const i of order) {
    const facet = out[i]!;
    if (!facet.features.some((f) => f.$type === "app.bsky.richtext.facet#link")) continue;
    const { byteStart, byteEnd } = facet.index;
    const shown = bytes.subarray(byteStart, byteEnd).toString("utf8");
    const short = Buffer.from(toShortUrl(shown), "utf8");
    const delta = short.length - (byteEnd - byteStart);
    bytes = Buffer.concat([bytes.subarray(0, byteStart), short, bytes.subarray(byteEnd)]);
    facet.index.byteEnd = byteStart + short.length;
    for (const other of out) if (other !== facet && other.index.byteStart >= byteEnd) {
      other.index.byteStart += delta;
      other.index.byteEnd += delta;
    }
  }
  return { text: bytes.toString("utf8"), facets: out };
}

/**
 * The record's text and facets as the official app would post them: links shortened, mentions
 * resolved to DIDs (a handle that does not resolve stays plain text: no facet), tags as tags.
 */
export async function richText(text: string, resolveHandle: (handle: string) => Promise<string | undefined>): Promise<{ text: string; facets: Facet[] }> {
  const detected = detectFacets(text);
  const resolved: Facet[] = [];
  for (const f of detected) {
    const feature = f.features[0]!;
    if (feature.$type !== "app.bsky.richtext.facet#mention") {
      resolved.push(f);
      continue;
    }
    const did = await resolveHandle(feature.did);
    if (did) resolved.push({ index: f.index, features: [{ $type: "app.bsky.richtext.facet#mention", did }] });
  }
  const short = shortenLinks(text, resolved);
  return { text: short.text, facets: short.facets.sort((a, b) => a.index.byteStart - b.index.byteStart) };
}
