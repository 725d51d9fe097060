/**
 * Finding links in text the way twitter-text v3 does (its extractUrlsWithIndices), so that X's
 * "every URL counts 23" applies to exactly the spans X itself links, bare domains included:
 * `acme.com/launch` is a link, `acme.example/launch` is not (no such top-level domain), and a
 * link without a scheme keeps only its domain and path (`acme.com?x=1` links `acme.com`).
 *
 * A hand-written scanner over UTF-16 units rather than one large regular expression: each start
 * position is tried once and label runs are precomputed, so the work stays linear in the text.
 */
import { isTld } from "./tlds.js";

export interface UrlSpan {
  start: number;
  end: number;
  url: string;
}

export interface FindUrlsOptions {
  /** Only links with http:// or https:// (Mastodon's rule); default false (X's rule). */
  requireScheme?: boolean;
}

// Character classes, from twitter-text's published regexp sources (read, reimplemented here).
const SPACE = new Set([0x85, 0xa0, 0x1680, 0x180e, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const isSpace = (c: number): boolean => (c >= 0x09 && c <= 0x0d) || c === 0x20 || (c >= 0x2000 && c <= 0x200a) || SPACE.has(c);
const isInvalid = (c: number): boolean => c === 0xfffe || c === 0xfeff || c === 0xffff;
const isDirectional = (c: number): boolean =>
  (c >= 0x202a && c <= 0x202e) || c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x2066 && c <= 0x2069);
// ASCII punctuation as twitter-text lists it (the double quote and backtick are not in it).
const PUNCT = new Set(Array.from("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$", (ch) => ch.charCodeAt(0)));
const isDomainChar = (c: number): boolean => !PUNCT.has(c) && !isSpace(c) && !isInvalid(c) && !isDirectional(c);
const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLatinAccent = (c: number): boolean =>
  (c >= 0xc0 && c <= 0xd6) ||
  (c >= 0xd8 && c <= 0xf6) ||
  (c >= 0xf8 && c <= 0x24f) ||
  c === 0x253 || c === 0x254 || c === 0x256 || c === 0x257 || c === 0x259 || c === 0x25b || c === 0x263 ||
  c === 0x268 || c === 0x26f || c === 0x272 || c === 0x289 || c === 0x28b || c === 0x2bb ||
  (c >= 0x300 && c <= 0x36f) ||
  (c >= 0x1e00 && c <= 0x1eff);
const isCyrillic = (c: number): boolean => c >= 0x400 && c <= 0x4ff;
const PATH_EXTRA = new Set(Array.from("!*';:=+,.$/%#[]-_~@|&\u2013", (ch) => ch.charCodeAt(0)));
const isPathChar = (c: number): boolean => isAsciiAlnum(c) || isCyrillic(c) || isLatinAccent(c) || PATH_EXTRA.has(c);
const PATH_END_EXTRA = new Set(Array.from("+-=_#/", (ch) => ch.charCodeAt(0)));
const isPathEnd = (c: number): boolean => isAsciiAlnum(c) || isCyrillic(c) || isLatinAccent(c) || PATH_END_EXTRA.has(c);
const QUERY_EXTRA = new Set(Array.from("!?*'@();:&=+$/%#[]-_.,~|", (ch) => ch.charCodeAt(0)));
const isQueryChar = (c: number): boolean => isAsciiAlnum(c) || QUERY_EXTRA.has(c);
const QUERY_END_EXTRA = new Set(Array.from("-_&=#/", (ch) => ch.charCodeAt(0)));
const isQueryEnd = (c: number): boolean => isAsciiAlnum(c) || QUERY_END_EXTRA.has(c);
/** A link may not follow a letter, digit, @, $ or # (so e-mail addresses and #tags are not links). */
const blocksLink = (c: number): boolean =>
  isAsciiAlnum(c) || c === 0x40 || c === 0xff20 || c === 0x24 || c === 0x23 || c === 0xff03 || isInvalid(c);
const DOT = 0x2e;
const HYPHEN = 0x2d;
const UNDERSCORE = 0x5f;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG = 40;
const SCHEME = /https?:\/\//iy;
const TCO = /https?:\/\/t\.co\/([a-z0-9]+)/iy;

interface Match {
  /** Where the link starts (after the one preceding character, if any). */
  start: number;
  end: number;
  scheme: boolean;
  domainStart: number;
  domainEnd: number;
  hasPath: boolean;
}

class Scanner {
  /** For each index, where the run of label characters (domain characters, '-', '_') starting there ends. */
  private readonly runEnd: Int32Array;

  constructor(private readonly text: string) {
    const n = text.length;
    this.runEnd = new Int32Array(n + 1);
    this.runEnd[n] = n;
    for (let i = n - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      this.runEnd[i] = isDomainChar(c) || c === HYPHEN || c === UNDERSCORE ? this.runEnd[i + 1]! : i;
    }
  }

  private code(i: number): number {
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  /** The end of a top-level domain starting at `at`, or -1. */
  tldEnd(at: number, limit = this.text.length): number {
    let e = at;
    while (e < limit && isAsciiAlnum(this.code(e))) e++;
    if (e > at) {
      const next = e < limit ? this.code(e) : -1;
      if (next !== 0x40 && next !== 0x2b && next !== HYPHEN && isTld(this.text.slice(at, e))) return e;
    }
    if (limit - at > 4 && this.text.slice(at, at + 4).toLowerCase() === "xn--") {
      let p = at + 4;
      while (p < limit && (isAsciiAlnum(this.code(p)) || this.code(p) === HYPHEN)) p++;
      if (p > at + 4) return p;
    }
    return -1;
  }

  /** A label is [x] or [x ... x] with '-' (and '_' in subdomains) only inside. */
  private validLabel(start: number, end: number, allowUnderscore: boolean): boolean {
    if (end <= start || !isDomainChar(this.code(start)) || !isDomainChar(this.code(end - 1))) return false;
    if (!allowUnderscore) {
      for (let i = start; i < end; i++) if (this.code(i) === UNDERSCORE) return false;
    }
    return true;
  }

  /** The domain starting at `u`: the longest run of valid labels that ends in a top-level domain. */
  domainAt(u: number): number {
    const labels: Array<[number, number]> = [];
    let p = u;
    for (;;) {
      const end = this.runEnd[p]!;
      labels.push([p, end]);
      if (this.code(end) !== DOT || end + 1 >= this.text.length) break;
      p = end + 1;
    }
    let usable = 0;
    while (usable < labels.length && this.validLabel(labels[usable]![0], labels[usable]![1], true)) usable++;
    for (let k = Math.min(usable, labels.length - 1); k >= 1; k--) {
      const [ds, de] = labels[k - 1]!;
      if (!this.validLabel(ds, de, false)) continue;
      const end = this.tldEnd(labels[k]![0]);
      if (end > 0) return end;
    }
    return -1;
  }

  /** One balanced "( ... )" group (one nested level), as twitter-text allows in a path. */
  private parens(at: number): number {
    if (this.code(at) !== 0x28) return -1;
    let p = at + 1;
    let inner = false;
    while (isPathChar(this.code(p))) p++;
    if (this.code(p) === 0x28) {
      let q = p + 1;
      while (isPathChar(this.code(q))) q++;
      if (q === p + 1 || this.code(q) !== 0x29) return -1;
      p = q + 1;
      inner = true;
      while (isPathChar(this.code(p))) p++;
    } else if (p === at + 1) return -1;
    if (this.code(p) !== 0x29) return -1;
    return inner || p > at + 1 ? p + 1 : -1;
  }

  /** The end of the path that starts with '/' at `at`: it ends on a letter, digit, or one of + - = _ # /. */
  private pathEnd(at: number): number {
    let p = at + 1;
    let lastGood = p;
    for (;;) {
      const c = this.code(p);
      if (c === 0x28) {
        const close = this.parens(p);
        if (close < 0) break;
        p = close;
        lastGood = p;
      } else if (isPathChar(c)) {
        p++;
        if (isPathEnd(c)) lastGood = p;
      } else break;
    }
    return lastGood;
  }

  queryEnd(at: number): number {
    let p = at + 1;
    let lastGood = -1;
    while (isQueryChar(this.code(p))) {
      if (isQueryEnd(this.code(p))) lastGood = p + 1;
      p++;
    }
    return lastGood;
  }

  matchAt(u: number, requireScheme: boolean): Match | undefined {
    SCHEME.lastIndex = u;
    const scheme = SCHEME.test(this.text);
    if (!scheme && requireScheme) return undefined;
    const domainStart = scheme ? SCHEME.lastIndex : u;
    if (!isDomainChar(this.code(domainStart))) return undefined;
    const domainEnd = this.domainAt(domainStart);
    if (domainEnd < 0) return undefined;
    let end = domainEnd;
    if (this.code(end) === 0x3a && this.code(end + 1) >= 0x30 && this.code(end + 1) <= 0x39) {
      end++;
      while (this.code(end) >= 0x30 && this.code(end) <= 0x39) end++;
    }
    let hasPath = false;
    if (this.code(end) === 0x2f) {
      end = this.pathEnd(end);
      hasPath = true;
    }
    if (this.code(end) === 0x3f) {
      const q = this.queryEnd(end);
      if (q > 0) end = q;
    }
    return { start: u, end, scheme, domainStart, domainEnd, hasPath };
  }

  /** The ASCII domains inside a scheme-less match's domain (twitter-text keeps only those). */
  asciiDomains(start: number, end: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const inRun = (c: number): boolean => isAsciiAlnum(c) || c === HYPHEN || c === DOT || isLatinAccent(c);
    let p = start;
    while (p < end) {
      if (!inRun(this.code(p)) || this.code(p) === DOT) {
        p++;
        continue;
      }
      let runEnd = p;
      while (runEnd < end && inRun(this.code(runEnd))) runEnd++;
      // Labels inside the run; the match is the longest label sequence ending in a TLD.
      const starts: number[] = [p];
      for (let i = p; i < runEnd; i++) if (this.code(i) === DOT) starts.push(i + 1);
      let found = -1;
      for (let k = starts.length - 1; k >= 1 && found < 0; k--) {
        let ok = true;
        for (let j = 0; j < k; j++) if (starts[j + 1]! - 1 <= starts[j]!) ok = false;
        if (ok) found = this.tldEnd(starts[k]!, end);
      }
      if (found > 0) {
        out.push([p, found]);
        p = found;
      } else {
        // Try again from the next label of this run.
        let next = p;
        while (next < runEnd && this.code(next) !== DOT) next++;
        p = next + 1;
      }
    }
    return out;
  }
}

/** Links in `text`, in order, as twitter-text v3 finds them (Mastodon's rule with requireScheme). */
export function findUrls(text: string, options: FindUrlsOptions = {}): UrlSpan[] {
  const requireScheme = options.requireScheme ?? false;
  if (requireScheme ? !text.includes(":") : !text.includes(".")) return [];
  const scanner = new Scanner(text);
  const out: UrlSpan[] = [];
  let pos = 0;
  while (pos < text.length) {
    let found: { match: Match; before: number } | undefined;
    for (let i = pos; i < text.length && !found; i++) {
      const c = text.charCodeAt(i);
      if (!blocksLink(c)) {
        const match = scanner.matchAt(i + 1, requireScheme);
        if (match) found = { match, before: c };
      }
      if (!found && i === 0) {
        const match = scanner.matchAt(0, requireScheme);
        if (match) found = { match, before: -1 };
      }
    }
    if (!found) break;
    const { match, before } = found;
    pos = match.end;
    if (match.end - match.start > MAX_URL_LENGTH) continue;
    if (match.scheme) {
      TCO.lastIndex = match.start;
      const tco = TCO.exec(text);
      if (tco && tco.index === match.start) {
        if (tco[1]!.length > MAX_TCO_SLUG) continue;
        let end = tco.index + tco[0].length;
        if (text.charCodeAt(end) === 0x3f) end = Math.max(end, scanner.queryEnd(end));
        out.push({ start: match.start, end, url: text.slice(match.start, end) });
        continue;
      }
      out.push({ start: match.start, end: match.end, url: text.slice(match.start, match.end) });
      continue;
    }
    // Without a scheme: not after - _ . /, and only the ASCII domain(s), with the path if any.
    if (before === HYPHEN || before === UNDERSCORE || before === DOT || before === 0x2f) continue;
    const domains = scanner.asciiDomains(match.domainStart, match.domainEnd);
    domains.forEach(([s, e], index) => {
      const end = index === domains.length - 1 && match.hasPath ? match.end : e;
      out.push({ start: s, end, url: text.slice(s, end) });
    });
  }
  return out;
}

// Any http(s) link, even to a name that is not a TLD (acme.example, localhost): never cut inside one.
const SCHEME_LINK = /https?:\/\/[^\s<>"]+/giu;
const TRAILING = /[.,;:!?'"’”)\]}>…]+$/u;

/**
 * Spans that must stay whole when text is cut or split: every link X would find, and every
 * http(s) link whatever its host, less trailing punctuation.
 */
export function linkSpans(text: string): UrlSpan[] {
  const spans = findUrls(text);
  for (const m of text.matchAll(SCHEME_LINK)) {
    let url = m[0];
    // Keep a closing parenthesis that closes one inside the link (Wikipedia-style).
    const trimmed = url.replace(TRAILING, "");
    const opens = (url.match(/\(/g) ?? []).length;
    url = opens > 0 && url.slice(trimmed.length).startsWith(")") ? trimmed + ")" : trimmed;
    const start = m.index;
    const end = start + url.length;
    if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end, url });
  }
  return spans.sort((a, b) => a.start - b.start);
}
