/**
 * Which column holds what: from --map (field=header name or column number), else guessed from
 * the header row by the names spreadsheets and schedulers use for them.
 */
import type { CsvCell } from "./csv-read.js";

/** What a row can say about a post. The first nine are the ones any spreadsheet may have. */
export const FIELDS = [
  "id", "channel", "date", "time", "timezone", "text", "link", "media", "alt",
  "title", "campaign", "backups", "policy", "maxDelay", "variants",
  "status", "reroutedFrom", "reroutedTo", "reason", "originalAt", "originalChannel", "thread",
] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Fields only failover's own CSV carries (what `failover export --format csv` writes): guessed
 * from headers only in that format, so a scheduler's "Status: sent" column is not read as one.
 */
const OWN_FIELDS: ReadonlySet<Field> = new Set(["backups", "policy", "maxDelay", "variants", "status", "reroutedFrom", "reroutedTo", "reason", "originalAt", "originalChannel", "thread"]);

/** Header names, lower-case with everything but letters and digits taken out. */
const SYNONYMS: Record<Field, string[]> = {
  id: ["id", "postid", "uid", "key", "ref", "reference"],
  channel: ["channel", "platform", "network", "socialnetwork", "profile", "socialprofile", "account", "service", "channels", "platforms", "integration"],
  date: ["date", "day", "publishdate", "scheduleddate", "postdate", "postingdate", "datetime", "when", "at", "scheduledat", "scheduledfor", "publishat", "publishedat", "postingtime", "scheduledtime", "scheduledate", "sendat", "dateandtime"],
  time: ["time", "publishtime", "posttime", "hour", "timeofday", "time24hour"],
  timezone: ["timezone", "tz", "zone"],
  text: ["text", "message", "post", "content", "caption", "body", "copy", "posttext", "tweet", "status update", "update"].map((s) => s.replace(/\W/g, "")),
  link: ["link", "url", "linkurl", "links"],
  media: ["media", "image", "images", "imageurl", "imageurls", "mediaurl", "mediaurls", "photo", "photourl", "video", "videourl", "asset", "assets", "attachment", "attachments", "file", "files"],
  alt: ["alt", "alttext", "imagealt", "alternativetext", "mediaalt", "imagedescription", "alttexts"],
  title: ["title", "subject", "headline"],
  campaign: ["campaign", "campaigns"],
  backups: ["backups", "backup"],
  policy: ["policy"],
  maxDelay: ["maxdelay"],
  variants: ["variants"],
  status: ["status"],
  reroutedFrom: ["reroutedfrom"],
  reroutedTo: ["reroutedto"],
  reason: ["reason"],
  originalAt: ["originalat"],
  originalChannel: ["originalchannel"],
  thread: ["thread"],
};

export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export type ColumnMap = Partial<Record<Field, number>>;

export interface ColumnProblem {
  /** The flag or the header cell the problem is about. */
  where: "flag" | CsvCell;
  message: string;
}

/** Extra header names per field that a tool's format uses, tried before the general ones. */
export type HeaderHints = Partial<Record<Field, string[]>>;

/**
 * Columns from the header row: --map first (a header name, or a 1-based column number), then
 * the hints of the --from format, then the general names. A header used twice is a problem only
 * if it would be read.
 */
export function mapColumns(
  header: readonly CsvCell[],
  explicit: Partial<Record<string, string>>,
  hints: HeaderHints = {},
  options: { ownFields?: boolean } = {},
): { columns: ColumnMap; problems: ColumnProblem[] } {
  const problems: ColumnProblem[] = [];
  const columns: ColumnMap = {};
  const taken = new Set<number>();
  const names = header.map((c) => normalizeHeader(c.value));
  for (const [field, target] of Object.entries(explicit)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      problems.push({ where: "flag", message: `--map: "${field}" is not a field; use ${FIELDS.slice(0, 9).join(", ")}, …` });
      continue;
    }
    const byNumber = /^\d+$/.test(target!) ? Number(target) - 1 : -1;
    const index = byNumber >= 0 && byNumber < header.length ? byNumber : names.indexOf(normalizeHeader(target!));
    if (index === -1) {
      problems.push({ where: "flag", message: `--map ${field}=${target}: no column "${target}"; the columns are ${header.map((c) => JSON.stringify(c.value)).join(", ")}` });
      continue;
    }
    columns[field as Field] = index;
    taken.add(index);
  }
  for (const field of FIELDS) {
    if (columns[field] !== undefined || (OWN_FIELDS.has(field) && !options.ownFields)) continue;
    const wanted = [...(hints[field] ?? []).map(normalizeHeader), ...SYNONYMS[field]];
    for (const name of wanted) {
      const index = names.findIndex((n, i) => n === name && !taken.has(i));
      if (index !== -1) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return { columns, problems };
}

/** Whether a first row looks like a header: it names at least a date or text column. */
export function looksLikeHeader(row: readonly CsvCell[], hints: HeaderHints = {}): boolean {
  const { columns } = mapColumns(row, {}, hints);
  return columns.date !== undefined || columns.text !== undefined;
}
