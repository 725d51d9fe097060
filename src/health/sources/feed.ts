/**
 * RSS 2.0 and Atom incident feeds (Statuspage's `/history.rss` and `/history.atom`, most status
 * pages' feeds). An entry newer than `lookback` (default 6h) is an open incident unless its
 * latest update says it is resolved. Statuspage writes updates newest first, each led by
 * `<strong>Status</strong>`, so the first such word is the incident's current state.
 * The parser is deliberately small: it reads item/entry blocks with bounded regexes over a body
 * the transport has already capped, and never evaluates entities beyond the XML five and
 * numeric references.
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

function tag(block: string, names: string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, "i").exec(block);
    if (m) return decode(m[1]!).trim();
  }
  return undefined;
}

/** The entries of an RSS 2.0 or Atom document, or an error if it is neither. */
export function parseFeed(xml: string): FeedEntry[] | { error: string } {
  const isRss = /<rss[\s>]/i.test(xml) || /<channel[\s>]/i.test(xml);
  const isAtom = /<feed[\s>]/i.test(xml);
  if (!isRss && !isAtom) return { error: "not an RSS or Atom feed" };
  const blockName = isAtom && !isRss ? "entry" : "item";
  const entries: FeedEntry[] = [];
  const re = new RegExp(`<${blockName}(?:\\s[^>]*)?>([\\s\\S]*?)</${blockName}>`, "gi");
  for (let m = re.exec(xml); m && entries.length < MAX_ENTRIES; m = re.exec(xml)) {
    const block = m[1]!;
    const date = tag(block, ["pubDate", "published", "updated", "dc:date"]);
    const parsed = date ? Date.parse(date) : NaN;
    entries.push({
      title: tag(block, ["title"]) ?? "",
      ...(Number.isNaN(parsed) ? {} : { published: parsed }),
      body: tag(block, ["description", "content", "summary"]) ?? "",
    });
  }
  return entries;
}

const RESOLVED = /^(resolved|completed|postmortem)$/i;
const MAINTENANCE = /^(scheduled|in progress|verifying)$/i;

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
    if (state && RESOLVED.test(state)) continue;
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
    const entries = parseFeed(res.body);
    if ("error" in entries) return { status: "unknown", error: entries.error };
    return assessFeed(entries, ctx.now, source.lookback ?? DEFAULT_LOOKBACK_MS, source.match);
  },
};
