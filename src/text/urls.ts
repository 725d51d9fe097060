/**
 * Finding links in text the way twitter-text 3.1 does (its extractUrlsWithIndices), so that X's
 * "every URL counts 23" applies to exactly the spans X itself links, bare domains included:
 * `acme.com/launch` is a link, `acme.example/launch` is not (no such top-level domain), and a
 * link without a scheme keeps only its domain and path (`acme.com?x=1` links `acme.com`). The
 * top-level domains are twitter-text's own (tlds.ts); a label over 63 characters once
 * IDNA-encoded, or a link over 4096, makes the whole match no link, as in twitter-text.
 *
 * A hand-written scanner over UTF-16 units rather than one large regular expression, and linear
 * in the text: each start position is tried once, and what a start needs (where its run of label
 * characters ends, which domain a chain of labels makes) is computed once per label and shared by
 * every start in it. A regular expression backtracks over every chain of labels from every start
 * (4 KB of "a." took 0.2 s, 40 KB 23 s); this does not.
 */
import { asciiLabelLength } from "./punycode.js";
import { TWITTER_TEXT_TLDS } from "./tlds.js";

export interface UrlSpan {
  start: number;
  end: number;
  url: string;
}

export interface FindUrlsOptions {
  /** Only links with a scheme (Mastodon's rule: it counts only those as 23); default false (X's rule). */
  requireScheme?: boolean;
  /** The schemes that make a link; default http and https (twitter-text). */
  schemes?: "twitter" | "mastodon";
}

// Character classes, from twitter-text's published regexp sources (read, reimplemented here).
const SPACE = new Set([0x85, 0xa0, 0x1680, 0x180e, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const isSpace = (c: number): boolean => (c >= 0x09 && c <= 0x0d) || c === 0x20 || (c >= 0x2000 && c <= 0x200a) || SPACE.has(c);
const isInvalid = (c: number): boolean => c === 0xfffe || c === 0xfeff || c === 0xffff;
const isDirectional = (c: number): boolean =>
  (c >= 0x202a && c <= 0x202e) || c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x2066 && c <= 0x2069);
// ASCII punctuation as twitter-text lists it (the double quote and backtick are not in it).
const PUNCT = new Set(Array.from("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$", (ch) => ch.charCodeAt(0)));
const isDomainChar = (c: number): boolean => c >= 0 && !PUNCT.has(c) && !isSpace(c) && !isInvalid(c) && !isDirectional(c);
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
/** validAsciiDomain's label characters: what a link without a scheme keeps of its domain. */
const isAsciiDomainChar = (c: number): boolean => isAsciiAlnum(c) || c === HYPHEN || isLatinAccent(c);
const DOT = 0x2e;
const HYPHEN = 0x2d;
const UNDERSCORE = 0x5f;
const MAX_URL_LENGTH = 4096;
const MAX_LABEL_LENGTH = 63;
const MAX_TCO_SLUG = 40;
const DEFAULT_SCHEME_LENGTH = "https://".length;
const SCHEMES = {
  twitter: /https?:\/\//iy,
  // Mastodon's config/initializers/twitter_regex.rb widens twitter-text's $4 protocol group to these.
  mastodon: /(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\/\//iy,
};
const TCO = /https?:\/\/t\.co\/([a-z0-9]+)/iy;

// ---- Top-level domains: a trie of twitter-text's list, case-insensitive, in its order.

interface TldNode {
  next: Map<number, TldNode>;
  /** The TLD's place in twitter-text's alternation (the first that matches wins), or -1. */
  order: number;
}
const lowerUnit = (c: number): number =>
  c >= 0x41 && c <= 0x5a ? c + 32 : c < 0x80 ? c : String.fromCharCode(c).toLowerCase().charCodeAt(0);
const TLD_TRIE: TldNode = { next: new Map(), order: -1 };
[...TWITTER_TEXT_TLDS.generic, ...TWITTER_TEXT_TLDS.country].forEach((tld, order) => {
  let node = TLD_TRIE;
  for (let i = 0; i < tld.length; i++) {
    const c = lowerUnit(tld.charCodeAt(i));
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map(), order: -1 }));
    node = child;
  }
  if (node.order < 0) node.order = order;
});

const UNKNOWN = -2;

class Scanner {
  /** For each index, where the run of label characters (domain characters, '-', '_') starting there ends. */
  private readonly runEnd: Int32Array;
  /** For each index, the next '_' at or after it (text.length if none). */
  private readonly nextUnderscore: Int32Array;
  /** Per label start: the end of the domain a chain of labels starting with that whole label makes, or -1. */
  private readonly domainMemo: Int32Array;
  /** Per label start: the end of the top-level domain there, or -1. */
  private readonly tldMemo: Int32Array;

  constructor(private readonly text: string) {
    const n = text.length;
    this.runEnd = new Int32Array(n + 1);
    this.nextUnderscore = new Int32Array(n + 1);
    this.runEnd[n] = n;
    this.nextUnderscore[n] = n;
    for (let i = n - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      this.runEnd[i] = isDomainChar(c) || c === HYPHEN || c === UNDERSCORE ? this.runEnd[i + 1]! : i;
      this.nextUnderscore[i] = c === UNDERSCORE ? i : this.nextUnderscore[i + 1]!;
    }
    this.domainMemo = new Int32Array(n + 1).fill(UNKNOWN);
    this.tldMemo = new Int32Array(n + 1).fill(UNKNOWN);
  }

  private code(i: number): number {
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  /** The top-level domain's look-ahead: not followed by an ASCII letter, digit, @, + or -. */
  private tldMayEndAt(e: number, limit: number): boolean {
    if (e >= limit) return true;
    const c = this.code(e);
    return !isAsciiAlnum(c) && c !== 0x40 && c !== 0x2b && c !== HYPHEN;
  }

  /** The end of a top-level domain starting at `at` (twitter-text's first alternative that matches), or -1. */
  tldEnd(at: number, limit = this.text.length): number {
    let node: TldNode | undefined = TLD_TRIE;
    let best = -1;
    let bestOrder = Infinity;
    for (let i = at; i < limit; i++) {
      node = node.next.get(lowerUnit(this.code(i)));
      if (!node) break;
      if (node.order >= 0 && node.order < bestOrder && this.tldMayEndAt(i + 1, limit)) {
        best = i + 1;
        bestOrder = node.order;
      }
    }
    if (best > 0) return best;
    // Punycode, "xn--" and [-0-9a-z]+, taken greedily. twitter-text's validPunycode has no
    // look-ahead (unlike its TLD lists), so "www.xn--p1ai@" is a link ending before the "@".
    if (limit - at > 4 && this.text.slice(at, at + 4).toLowerCase() === "xn--") {
      let p = at + 4;
      while (p < limit && (isAsciiAlnum(this.code(p)) || this.code(p) === HYPHEN)) p++;
      if (p > at + 4) return p;
    }
    return -1;
  }

  private labelTld(at: number): number {
    if (this.tldMemo[at] === UNKNOWN) this.tldMemo[at] = this.tldEnd(at);
    return this.tldMemo[at]!;
  }

  /** A label is [x] or [x ... x] with '-' and '_' only inside. */
  private validLabel(start: number, end: number): boolean {
    return end > start && isDomainChar(this.code(start)) && isDomainChar(this.code(end - 1));
  }

  /** The start of the label after the one ending at `end` (after a single dot), or -1. */
  private nextLabel(end: number): number {
    return this.code(end) === DOT && end + 1 < this.text.length && this.runEnd[end + 1]! > end + 1 ? end + 1 : -1;
  }

  /**
   * The domain whose first label is [start, runEnd[start]), as twitter-text's validDomain takes
   * it: as many subdomains as possible, then a name without '_', then a top-level domain. That is
   * the deepest label k, reached through valid labels only, whose predecessor has no '_' and which
   * starts a top-level domain; the answer for the next label is the answer with more labels, so it
   * is tried first. Memoised per label, so a chain of n labels costs n, from any number of starts.
   */
  private domainFrom(start: number, next: number): number {
    const end = this.runEnd[start]!;
    if (!this.validLabel(start, end) || next < 0) return -1;
    const deeper = this.chainDomain(next);
    if (deeper >= 0) return deeper;
    return this.nextUnderscore[start]! >= end ? this.labelTld(next) : -1;
  }

  /** domainFrom for a whole label, memoised; computed from the far end of the chain, without recursion. */
  private chainDomain(label: number): number {
    if (this.domainMemo[label] !== UNKNOWN) return this.domainMemo[label]!;
    const pending: number[] = [];
    for (let l = label; l >= 0 && this.domainMemo[l] === UNKNOWN; ) {
      pending.push(l);
      const end = this.runEnd[l]!;
      // An invalid label ends the chain: its answer needs nothing after it.
      l = this.validLabel(l, end) ? this.nextLabel(end) : -1;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const l = pending[i]!;
      this.domainMemo[l] = this.domainFrom(l, this.nextLabel(this.runEnd[l]!));
    }
    return this.domainMemo[label]!;
  }

  /** The end of the domain starting at `u` (which may be inside a label), or -1. */
  domainAt(u: number): number {
    return this.domainFrom(u, this.nextLabel(this.runEnd[u]!));
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

  matchAt(u: number, requireScheme: boolean, scheme: RegExp): Match | undefined {
    scheme.lastIndex = u;
    const hasScheme = scheme.test(this.text);
    if (!hasScheme && requireScheme) return undefined;
    const domainStart = hasScheme ? scheme.lastIndex : u;
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
    return { start: u, end, scheme: hasScheme ? domainStart - u : 0, domainStart, domainEnd, hasPath };
  }

  /**
   * twitter-text's isValidUrl: no label over 63 characters once IDNA-encoded, a domain written
   * "xn--…" only if ASCII, and at most 4096 characters with the scheme (https:// if none) counted.
   */
  valid(match: Match): boolean {
    const schemeLength = match.scheme > 0 ? match.scheme : DEFAULT_SCHEME_LENGTH;
    if (schemeLength + (match.end - match.start) > MAX_URL_LENGTH) return false;
    const domain = this.text.slice(match.domainStart, match.domainEnd);
    if (domain.startsWith("xn--") && this.asciiDomains(match.domainStart, match.domainEnd).length === 0) return false;
    return domain.split(".").every((label) => {
      const length = asciiLabelLength(label);
      return length >= 1 && length <= MAX_LABEL_LENGTH;
    });
  }

  /**
   * The ASCII domains inside a domain (twitter-text's validAsciiDomain, scanned globally): labels
   * of ASCII letters, digits, '-' and accented Latin letters, then a top-level domain. Linear: the
   * answer for a label depends only on where it ends, so it is computed once per label end, from
   * the right.
   */
  asciiDomains(start: number, end: number): Array<[number, number]> {
    const size = end - start;
    const runEnd = new Int32Array(size + 1);
    const fromDot = new Int32Array(size + 1).fill(-1);
    runEnd[size] = end;
    for (let i = end - 1; i >= start; i--) {
      const k = i - start;
      runEnd[k] = isAsciiDomainChar(this.code(i)) ? runEnd[k + 1]! : i;
      // A label ending at a dot at i: more labels after it, else a top-level domain right after it.
      if (this.code(i) === DOT && i + 1 < end) {
        const t = i + 1;
        const tEnd = runEnd[t - start]!;
        const deeper = tEnd > t ? fromDot[tEnd - start]! : -1;
        fromDot[k] = deeper >= 0 ? deeper : this.tldEnd(t, end);
      }
    }
    const out: Array<[number, number]> = [];
    for (let p = start; p < end; ) {
      const e = runEnd[p - start]!;
      if (e === p) {
        p++;
        continue;
      }
      const found = fromDot[e - start]!;
      if (found > 0) {
        out.push([p, found]);
        p = found;
      } else p = e;
    }
    return out;
  }
}

interface Match {
  /** Where the link starts (after the one preceding character, if any). */
  start: number;
  end: number;
  /** The scheme's length ("https://" is 8), 0 without one. */
  scheme: number;
  domainStart: number;
  domainEnd: number;
  hasPath: boolean;
}

/** Links in `text`, in order, as twitter-text 3.1 finds them (Mastodon's rule with requireScheme and its schemes). */
export function findUrls(text: string, options: FindUrlsOptions = {}): UrlSpan[] {
  const requireScheme = options.requireScheme ?? false;
  const scheme = SCHEMES[options.schemes ?? "twitter"];
  if (requireScheme ? !text.includes(":") : !text.includes(".")) return [];
  const scanner = new Scanner(text);
  const out: UrlSpan[] = [];
  let pos = 0;
  while (pos < text.length) {
    let found: { match: Match; before: number } | undefined;
    for (let i = pos; i < text.length && !found; i++) {
      const c = text.charCodeAt(i);
      if (!blocksLink(c)) {
        const match = scanner.matchAt(i + 1, requireScheme, scheme);
        if (match) found = { match, before: c };
      }
      if (!found && i === 0) {
        const match = scanner.matchAt(0, requireScheme, scheme);
        if (match) found = { match, before: -1 };
      }
    }
    if (!found) break;
    const { match, before } = found;
    // As twitter-text's global regexp: the next search starts after this match, kept or not.
    pos = match.end;
    if (!scanner.valid(match)) continue;
    if (match.scheme > 0) {
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
