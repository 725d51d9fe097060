/**
 * RSS 2.0 and Atom incident feeds (Statuspage's `/history.rss` and `/history.atom`, most status
 * pages' feeds). An entry newer than `lookback` (default 6h) is an open incident unless its
 * latest update says it is resolved, or that it is only scheduled (a maintenance announced for
 * later is not happening now). Statuspage writes updates newest first, each led by
 * `<strong>Status</strong>`, so the first such word is the incident's current state. An Atom
 * entry's `updated` is its time (an incident updated 10 minutes ago is recent, whenever it began).
 *
 * XML is read by fast-xml-parser (linear time, CDATA and the XML entities right), loaded only
 * when a feed is read. A document that declares entities is refused rather than expanded (no
 * "billion laughs"), and a document whose root is never closed is a cut-off answer, not a feed.
 */
import { worse, type KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";

export interface FeedEntry {
  title: string;
  published?: number;
  body: string;
}

const DEFAULT_LOOKBACK_MS = 6 * 3_600_000;
const MAX_ENTRIES = 500;

/** The XML five and numeric references, and CDATA sections: what a feed's escaped HTML uses. */
function decode(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** The text of a parsed element: a string, or the `#text` of one with attributes or children. */
function text(value: unknown): string {
  if (typeof value === "string") return decode(value).trim();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object") return text((value as Record<string, unknown>)["#text"] ?? "");
  return "";
}

function first(entry: Record<string, unknown>, names: string[]): string | undefined {
  for (const name of names) {
    const t = text(entry[name]);
    if (t) return t;
  }
  return undefined;
}

type Parser = { parse(xml: string): unknown };
let parser: Promise<Parser> | undefined;

/** fast-xml-parser, imported the first time a feed is read. */
function xmlParser(): Promise<Parser> {
  parser ??= import("fast-xml-parser").then(
    ({ XMLParser }) =>
      new XMLParser({
        ignoreAttributes: true,
        processEntities: true,
        htmlEntities: false,
        parseTagValue: false,
        trimValues: true,
        isArray: (name) => name === "item" || name === "entry",
        // Bodies are escaped HTML, CDATA or inline XHTML: kept raw, decoded by `decode`.
        stopNodes: ["*.description", "*.content", "*.summary", "*.content:encoded"],
      }),
  );
  return parser;
}

const ROOT_CLOSED = /<\/(?:[\w-]+:)?(rss|feed|RDF)\s*>\s*$/i;

/** The entries of an RSS 2.0 or Atom document, or an error if it is neither. */
export async function parseFeed(xml: string): Promise<FeedEntry[] | { error: string }> {
  if (/<!ENTITY/i.test(xml)) return { error: "the feed declares XML entities; not read (entity expansion is refused)" };
  let doc: Record<string, unknown>;
  try {
    doc = (await xmlParser()).parse(xml) as Record<string, unknown>;
  } catch (error) {
    return { error: `not a readable feed (${String((error as Error).message).split("\n")[0]!.slice(0, 80)})` };
  }
  const rss = doc.rss as { channel?: Record<string, unknown> } | undefined;
  const rdf = (doc["rdf:RDF"] ?? doc.RDF) as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  if (!rss && !atom && !rdf) return { error: "not an RSS or Atom feed" };
  if (!ROOT_CLOSED.test(xml)) return { error: "the feed is cut short (its root element is never closed)" };
  const isAtom = !!atom;
  const raw = (isAtom ? atom.entry : ((rss?.channel?.item ?? rdf?.item) as unknown)) ?? [];
  const list = (Array.isArray(raw) ? raw : [raw]).filter((e): e is Record<string, unknown> => !!e && typeof e === "object");
  return list.slice(0, MAX_ENTRIES).map((entry) => {
    // Atom: `updated` is when the incident last changed; `published` only when it began.
    const date = first(entry, isAtom ? ["updated", "published"] : ["pubDate", "dc:date", "updated", "published"]);
    const parsed = date ? Date.parse(date) : NaN;
    return {
      title: first(entry, ["title"]) ?? "",
      ...(Number.isNaN(parsed) ? {} : { published: parsed }),
      body: first(entry, ["description", "content", "content:encoded", "summary"]) ?? "",
    };
  });
}

const RESOLVED = /^(resolved|completed|postmortem|cancelled|canceled)$/i;
/** A maintenance announced for later: not happening now. */
const NOT_YET = /^scheduled$/i;
const MAINTENANCE = /^(in progress|verifying)$/i;

/** The state an entry's latest update names (Statuspage style), if any. */
function latestState(entry: FeedEntry): string | undefined {
  const m = /<strong>\s*([^<]{1,40}?)\s*<\/strong>/i.exec(entry.body) ?? /^\s*(Resolved|Completed|Investigating|Identified|Monitoring|Update|In progress|Scheduled|Verifying)\b/i.exec(entry.body);
  return m?.[1];
}

function severity(entry: FeedEntry, state: string | undefined): KnownStatus {
  if (state && MAINTENANCE.test(state)) return "maintenance";
  if (/\bmaintenance\b/i.test(entry.title) && !/outage/i.test(entry.title)) return "maintenance";
  if (/major outage|is down|not available|unavailable/i.test(entry.title)) return "major_outage";
  if (/outage|down\b|errors?|failing|failures?/i.test(entry.title)) return "partial_outage";
  return "degraded";
}

export function assessFeed(entries: FeedEntry[], now: number, lookbackMs: number, match?: string[]): { status: KnownStatus; detail: string } {
  let status: KnownStatus = "operational";
  const open: string[] = [];
  for (const entry of entries) {
    if (entry.published === undefined || entry.published < now - lookbackMs || entry.published > now + 60_000) continue;
    if (match && !match.some((word) => entry.title.toLowerCase().includes(word.toLowerCase()))) continue;
    const state = latestState(entry);
    if (state && (RESOLVED.test(state) || NOT_YET.test(state))) continue;
    status = worse(status, severity(entry, state));
    open.push(`${entry.title}${state ? ` (${state.toLowerCase()})` : ""}`);
  }
  return { status, detail: open.length ? `open: ${open.join("; ")}` : "no open incidents" };
}

export const feed: SourceChecker<"feed"> = {
  kind: "feed",
  async check(source, ctx) {
    const res = await ctx.fetch({ url: source.url, ...(source.headers ? { headers: source.headers } : {}), timeoutMs: source.timeout ?? ctx.timeoutMs });
    if (!res.ok) return { status: "unknown", error: res.error };
    if (res.status < 200 || res.status > 299) return { status: "unknown", error: `HTTP ${res.status}` };
    const entries = await parseFeed(res.body);
    if ("error" in entries) return { status: "unknown", error: entries.error };
    return assessFeed(entries, ctx.now, source.lookback ?? DEFAULT_LOOKBACK_MS, source.match);
  },
};
