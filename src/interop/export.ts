/**
 * The calendar as it stands, stand-ins included, for a scheduler or a calendar app: failover's
 * own CSV (every field, for a round trip through a spreadsheet), Hootsuite's bulk-composer CSV,
 * iCalendar, or JSON. The scheduler and calendar forms carry the text each platform gets (the
 * adapters' rewrite, or the hand-written variant) and times in the channel's zone. Pure.
 */
import { basename, extname } from "node:path";
import { rewritePost, type RewriteResult } from "../adapters/rewrite.js";
import { isStandIn } from "../calendar/bookkeeping.js";
import type { Calendar, Post } from "../calendar/model.js";
import { resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import { formatInZone, zonedParts } from "../time/zone.js";
import { FIELDS, type Field } from "./columns.js";
import { writeCsv } from "./csv-write.js";
import type { DayOrder } from "./date-read.js";
import { writeIcs } from "./ics.js";

export const EXPORT_FORMATS = ["csv", "hootsuite", "ics", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** The clock: the window starts here; DTSTAMP and SEQUENCE of the .ics. */
  now: number;
  /** Only posts from now to now + windowMs; all posts when absent. */
  windowMs?: number;
  /** Only these channels. */
  channels?: readonly string[];
  /** Times in this zone instead of each channel's. */
  timezone?: string;
  /** Hootsuite: DD/MM/YYYY (default) or MM/DD/YYYY, as chosen when uploading. */
  dayOrder?: DayOrder;
  delimiter?: string;
  bom?: boolean;
}

export interface ExportResult {
  text: string;
  /** Posts written. */
  count: number;
  warnings: string[];
}

/** Posts that will not go out as they are: a scheduler must not get them. */
const NOT_TO_SCHEDULE = new Set(["rerouted", "skipped", "posted"]);

/** How long an event lasts in a calendar app: long enough to see, short enough not to cover the day. */
const EVENT_MS = 15 * 60_000;

export async function exportCalendar(calendar: Calendar, config: Config, options: ExportOptions): Promise<ExportResult> {
  const chosen = calendar.posts
    .filter((p) => options.windowMs === undefined || (p.at >= options.now && p.at < options.now + options.windowMs))
    .filter((p) => !options.channels || options.channels.includes(p.channel));
  // failover's CSV keeps the file's order (a round trip gives the same file); the rest go by time.
  const posts = [...chosen].sort((a, b) => a.at - b.at || a.index - b.index);
  switch (options.format) {
    case "csv":
      return { text: await ownCsv(calendar, chosen, options), count: chosen.length, warnings: [] };
    case "hootsuite":
      return hootsuiteCsv(posts, config, options);
    case "ics":
      return { text: icsOf(calendar, posts, config, options), count: posts.length, warnings: [] };
    case "json":
      return { text: `${JSON.stringify(jsonOf(calendar, posts, config, options), null, 2)}\n`, count: posts.length, warnings: [] };
  }
}

/** The zone a post's time is shown in: --timezone, else its channel's, else the one it was written in. */
function zoneOf(post: Post, config: Config, options: ExportOptions): string {
  return options.timezone ?? resolveChannel(config, post.channel)?.timezone ?? post.zone ?? "UTC";
}

/** What the post's own channel gets: the variant or the adapter's rewrite. */
function asPosted(post: Post, config: Config): RewriteResult {
  const channel = resolveChannel(config, post.channel)!;
  return rewritePost(post, { channel, source: channel }, config.handles);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

// failover's own CSV ------------------------------------------------------------------------

/** Columns always written; the others only when some post uses them. */
const CORE_COLUMNS: readonly Field[] = ["id", "channel", "date", "time", "timezone", "text", "title", "link", "media", "alt", "campaign"];

/** Post keys the field columns carry; any other key a post has gets a column of its own. */
const KEYS_IN_FIELDS = new Set<string>([...FIELDS.filter((f) => f !== "date" && f !== "time" && f !== "alt"), "at"]);

function ownCsv(calendar: Calendar, posts: readonly Post[], options: ExportOptions): Promise<string> {
  const raw = rawPosts(calendar);
  const rows: Array<Record<string, string>> = posts.map((post) => {
    const own = raw[post.index] ?? {};
    const extra = Object.entries(own).filter(([k, v]) => !KEYS_IN_FIELDS.has(k) && v !== undefined && v !== null);
    return { ...ownRow(post, own), ...Object.fromEntries(extra.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])) };
  });
  const fields = FIELDS.filter((f) => CORE_COLUMNS.includes(f) || rows.some((r) => (r[f] ?? "") !== ""));
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !(FIELDS as readonly string[]).includes(k));
  const columns = [...fields, ...extras];
  return writeCsv([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ""))], options);
}

/**
 * The posts exactly as written in the file (defaults not filled in), by index: kept from loading
 * when the calendar was loaded with `keepWritten`, else read again from the whole Document.
 */
function rawPosts(calendar: Calendar): ReadonlyArray<Record<string, unknown> | null> {
  if (calendar.written) return calendar.written;
  const data = calendar.source.doc.toJS({ maxAliasCount: -1 }) as { posts?: Array<Record<string, unknown>> } | null;
  return data?.posts ?? [];
}

function ownRow(post: Post, raw: Record<string, unknown>): Partial<Record<Field, string>> {
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/.exec(post.atText.trim());
  const str = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v));
  const list = (v: unknown) => (Array.isArray(v) ? v.join(" ") : "");
  return {
    id: post.id,
    channel: post.channel,
    // A local time keeps its wall clock and zone; one with an offset goes whole in the date column.
    date: local ? local[1] : post.atText,
    time: local ? local[2] : "",
    timezone: post.zone ?? "",
    text: post.text,
    title: post.title ?? "",
    link: post.link ?? "",
    media: post.media.map((m) => m.path).join("\n"),
    alt: post.media.some((m) => m.alt) ? post.media.map((m) => m.alt ?? "").join("\n") : "",
    campaign: post.campaign ?? "",
    backups: list(raw.backups),
    variants: raw.variants ? JSON.stringify(raw.variants) : "",
    policy: str(raw.policy),
    maxDelay: str(raw.maxDelay),
    status: str(raw.status),
    reroutedFrom: str(raw.reroutedFrom),
    reroutedTo: str(raw.reroutedTo),
    reason: str(raw.reason),
    originalAt: str(raw.originalAt),
    originalChannel: str(raw.originalChannel),
    thread: raw.thread ? JSON.stringify(raw.thread) : "",
  };
}

// Hootsuite ------------------------------------------------------------------------------------

async function hootsuiteCsv(posts: readonly Post[], config: Config, options: ExportOptions): Promise<ExportResult> {
  const warnings: string[] = [];
  const due = posts.filter((p) => !NOT_TO_SCHEDULE.has(p.status));
  const channels = new Set(due.map((p) => p.channel));
  if (channels.size > 1) warnings.push(`Hootsuite takes one file per social profile; this one has ${channels.size} channels (${[...channels].join(", ")}): export each with --channel`);
  const rows = due.map((post) => {
    const posted = asPosted(post, config);
    if (posted.thread && posted.thread.length > 1) warnings.push(`${post.id}: a thread of ${posted.thread.length} on ${post.channel}; Hootsuite gets its first post only`);
    const p = zonedParts(post.at, zoneOf(post, config, options));
    if (p.minute % 5 !== 0) warnings.push(`${post.id}: Hootsuite takes times on the 5 minutes; ${pad(p.hour)}:${pad(p.minute)} will be refused`);
    const [first, second] = options.dayOrder === "mdy" ? [p.month, p.day] : [p.day, p.month];
    const link = posted.link ?? post.link;
    return [`${pad(first)}/${pad(second)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`, posted.text, link && !posted.text.includes(link) ? link : ""];
  });
  return { text: await writeCsv(rows, options), count: rows.length, warnings };
}

// iCalendar ---------------------------------------------------------------------------------------

function firstLine(text: string, max = 60): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function icsOf(calendar: Calendar, posts: readonly Post[], config: Config, options: ExportOptions): string {
  const name = basename(calendar.file, extname(calendar.file));
  const byId = new Map(calendar.posts.map((p) => [p.id, p]));
  const events = posts.map((post) => {
    const posted = asPosted(post, config);
    const zone = zoneOf(post, config, options);
    const original = post.reroutedFrom ? byId.get(post.reroutedFrom) : undefined;
    const label = original && isStandIn(post) ? `${post.channel} (for ${original.channel})` : post.status === "rerouted" ? `[moved] ${post.channel}` : post.status === "skipped" ? `[skipped] ${post.channel}` : post.channel;
    const description = [
      posted.thread && posted.thread.length > 1 ? posted.thread.join("\n\n") : posted.text,
      "",
      `${post.channel} at ${formatInZone(post.at, zone)} (${zone})`,
      ...(post.link ? [`Link: ${post.link}`] : []),
      ...(post.media.length ? [`Media: ${post.media.map((m) => m.path).join(", ")}`] : []),
      ...(post.reason ? [`Why: ${post.reason}`] : []),
      `Post: ${post.id}${post.status !== "scheduled" ? ` (${post.status})` : ""}`,
    ].join("\n");
    return {
      uid: `${post.id}@${name}.failover`,
      start: post.at,
      durationMs: EVENT_MS,
      summary: `${label}: ${firstLine(posted.text) || post.id}`,
      description,
      categories: [post.channel, ...(post.campaign ? [post.campaign] : [])],
      ...(post.link ? { url: post.link } : {}),
      cancelled: post.status === "rerouted" || post.status === "skipped",
    };
  });
  return writeIcs(events, { name, now: options.now });
}

// JSON ----------------------------------------------------------------------------------------------

function jsonOf(calendar: Calendar, posts: readonly Post[], config: Config, options: ExportOptions) {
  return {
    schemaVersion: 1,
    calendar: calendar.file,
    now: new Date(options.now).toISOString(),
    ...(options.windowMs !== undefined ? { window: { from: new Date(options.now).toISOString(), to: new Date(options.now + options.windowMs).toISOString() } } : {}),
    posts: posts.map((post) => {
      const posted = asPosted(post, config);
      const zone = zoneOf(post, config, options);
      return {
        id: post.id,
        channel: post.channel,
        platform: posted.platform,
        at: formatInZone(post.at, zone),
        zone,
        status: post.status,
        text: post.text,
        platformText: posted.text,
        ...(posted.thread && posted.thread.length > 1 ? { thread: posted.thread } : {}),
        ...(posted.title !== undefined ? { title: posted.title } : {}),
        ...(post.link ? { link: post.link } : {}),
        media: post.media,
        ...(post.campaign ? { campaign: post.campaign } : {}),
        ...(post.reroutedFrom ? { reroutedFrom: post.reroutedFrom } : {}),
        ...(post.reroutedTo ? { reroutedTo: post.reroutedTo } : {}),
        ...(post.reason ? { reason: post.reason } : {}),
        problems: posted.problems,
      };
    }),
  };
}
