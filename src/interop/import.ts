/**
 * A calendar's posts from CSV rows: each row read, checked with the calendar's own schema and the
 * config's channels, and every problem reported with the line and column of its cell. Pure: the
 * caller reads the file and decides what to write (nothing, unless every row read or --skip-bad).
 */
import { mediaPathProblem } from "../calendar/load.js";
import { postSchema } from "../calendar/schema.js";
import { knownChannelNames, resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import { sortDiagnostics, UsageError, type Diagnostic } from "../errors.js";
import { parseDateTime } from "../time/datetime.js";
import { formatInZone, isValidTimeZone } from "../time/zone.js";
import { didYouMean } from "../util/did-you-mean.js";
import { FIELDS, looksLikeHeader, mapColumns, type ColumnMap, type Field } from "./columns.js";
import { readCsv, type CsvCell, type CsvRow } from "./csv-read.js";
import { decideDayOrder, localIso, readDateTime, type DayOrder } from "./date-read.js";
import { LAYOUTS, type ImportFormat } from "./formats.js";
import { stableId } from "./ids.js";

export interface ImportOptions {
  /** The CSV file's name, for messages. */
  file: string;
  from?: ImportFormat;
  /** --map: field -> header name or 1-based column number. */
  map?: Record<string, string>;
  /** --channel-map: a name in the file -> a channel of the config. */
  channelMap?: Record<string, string>;
  /** --channel: the channel of rows that name none (Hootsuite's files have no channel column). */
  channel?: string;
  /** --timezone: the zone of rows that name none. */
  timezone?: string;
  dayOrder?: DayOrder;
  delimiter?: string;
  /** --skip-bad: leave out rows that cannot be read (reported as warnings) instead of refusing. */
  skipBad?: boolean;
  /** Appending to a calendar: its zone (rows read in it need none of their own) and its ids. */
  calendar?: { timezone?: string; ids: ReadonlySet<string> };
}

export interface ImportResult {
  /** The posts as calendar entries, keys in the calendar's usual order. */
  posts: Array<Record<string, unknown>>;
  /** The zone for the top of a new calendar (the flag's, else the one most rows are in). */
  timezone?: string;
  /** Problems, sorted; errors block writing. */
  diagnostics: Diagnostic[];
  /** Data rows read (the header not counted). */
  rows: number;
  /** Lines of the rows left out under --skip-bad. */
  skipped: number[];
}

/** Names schedulers use for a platform that failover calls otherwise. */
const PLATFORM_ALIASES: Record<string, string> = { twitter: "x", "twitter/x": "x", "x (twitter)": "x", "linkedin page": "linkedin", "facebook page": "facebook" };

const MEDIA_KINDS: Array<[RegExp, "video" | "gif"]> = [
  [/\.(mp4|mov|m4v|webm|avi|mkv)(\?.*)?$/i, "video"],
  [/\.gif(\?.*)?$/i, "gif"],
];

function mediaKind(path: string): "image" | "video" | "gif" {
  return MEDIA_KINDS.find(([re]) => re.test(path))?.[1] ?? "image";
}

/** Several values in one cell: one per line, or separated by `|` (media also by `, `). */
function splitList(value: string, commas = false): string[] {
  return value
    .split(commas ? /\r?\n|\s*\|\s*|,\s+(?=\S)|,(?=https?:)/ : /\r?\n|\s*\|\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Alt texts by position (an empty one keeps its medium's place): one per line, else split at `|`. */
function splitAlts(value: string): string[] {
  const parts = (/[\r\n]/.test(value) ? value.split(/\r?\n/) : value.split("|")).map((s) => s.trim());
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export function importCsv(text: string, config: Config, options: ImportOptions): ImportResult {
  const layout = LAYOUTS[options.from ?? "csv"];
  const table = readCsv(text, options.delimiter ? { delimiter: options.delimiter } : {});
  const diagnostics: Diagnostic[] = [];
  const at = (cell: { line: number; col: number }, message: string, severity: "error" | "warning" = "error"): Diagnostic => ({ file: options.file, line: cell.line, col: cell.col, severity, message });
  for (const p of table.problems) diagnostics.push(at(p, p.message, p.message.startsWith("text after") ? "warning" : "error"));
  const empty = (): ImportResult => ({ posts: [], diagnostics: sortDiagnostics(diagnostics), rows: 0, skipped: [] });
  if (table.rows.length === 0) {
    diagnostics.push(at({ line: 1, col: 1 }, "no rows to import"));
    return empty();
  }

  const { columns, data, header } = findColumns(table.rows, options, layout);
  const where = header ? header.line : 1;
  if (columns.date === undefined) diagnostics.push(at({ line: where, col: 1 }, `no date column${header ? ` among ${header.cells.map((c) => JSON.stringify(c.value)).join(", ")}` : ""}; name it with --map date=<column>`));
  if (columns.text === undefined && columns.media === undefined) diagnostics.push(at({ line: where, col: 1 }, "no text (or media) column; name it with --map text=<column>"));
  if (diagnostics.some((d) => d.severity === "error")) return empty();

  const cellOf = (row: CsvRow, field: Field): CsvCell | undefined => (columns[field] === undefined ? undefined : row.cells[columns[field]!]);
  const valueOf = (row: CsvRow, field: Field): string => cellOf(row, field)?.value.trim() ?? "";

  let dayOrder = options.dayOrder;
  if (!dayOrder) {
    const decided = decideDayOrder(data.map((r) => cellOf(r, "date")).filter((c): c is CsvCell => c !== undefined));
    if (decided.conflict) {
      const [d, m] = decided.conflict;
      diagnostics.push(at(m, `"${m.value}" is month first but "${d.value}" on line ${d.line} is day first; make the dates agree or say which with --date-format`));
      return empty();
    }
    dayOrder = decided.order;
  }

  const channels = channelResolver(config, options.channelMap ?? {});
  // failover's own CSV: a column named like a post key that no field reads (one a newer failover
  // writes, say) is carried over as it is, so a round trip keeps it.
  const used = new Set(Object.values(columns));
  const otherKeys = layout.ownFields && header
    ? header.cells.flatMap((c, index) => (!used.has(index) && c.value in postSchema.shape && !(FIELDS as readonly string[]).includes(c.value) ? [{ index, key: c.value }] : []))
    : [];
  const posts: Array<{ post: Record<string, unknown>; zone: string | undefined }> = [];
  const skipped: number[] = [];
  const idLines = new Map<string, number>();
  const generated = new Map<string, number>();

  for (const row of data) {
    const problems: Diagnostic[] = [];
    const fail = (field: Field | undefined, message: string) => problems.push(at((field && cellOf(row, field)) ?? { line: row.line, col: 1 }, message));
    const rowWarnings: Diagnostic[] = [];

    // Channel
    const named = valueOf(row, "channel");
    let channel: string | undefined;
    if (named === "" && !options.channel) fail("channel", `no channel${columns.channel === undefined ? " column" : ""}; add one or pass --channel <name>`);
    else {
      const resolved = channels(named || options.channel!);
      if (resolved.ok) channel = resolved.name;
      else fail(named ? "channel" : undefined, resolved.message);
    }

    // Time and zone
    const zoneCell = valueOf(row, "timezone");
    if (zoneCell !== "" && !isValidTimeZone(zoneCell)) fail("timezone", `"${zoneCell}" is not a time zone; use an IANA name like Europe/Berlin`);
    const channelZone = channel ? resolveChannel(config, channel)?.timezone : undefined;
    const zone = (zoneCell !== "" && isValidTimeZone(zoneCell) ? zoneCell : undefined) ?? options.timezone ?? options.calendar?.timezone ?? channelZone ?? config.defaults.timezone;
    let atText: string | undefined;
    if (columns.date !== undefined) {
      const when = readWhen(valueOf(row, "date"), columns.time !== undefined ? valueOf(row, "time") : undefined, zone, dayOrder);
      if ("problem" in when) fail(when.problem.field === "time" && columns.time === undefined ? "date" : when.problem.field, when.problem.message);
      else {
        atText = when.at;
        if (when.warning) rowWarnings.push(at(cellOf(row, "date")!, when.warning, "warning"));
      }
    }

    // Text and media
    const text = (cellOf(row, "text")?.value ?? "").replace(/\r\n?/g, "\n");
    const mediaPaths = splitList(valueOf(row, "media"), true);
    const altCell = cellOf(row, "alt")?.value ?? "";
    // One medium: the whole cell is its alt text, a `|` in it included.
    const alts = mediaPaths.length === 1 ? (altCell.trim() ? [altCell.trim()] : []) : splitAlts(altCell);
    if (alts.length > mediaPaths.length) fail("alt", `${alts.length} alt texts for ${mediaPaths.length} media`);
    for (const path of mediaPaths) {
      const problem = mediaPathProblem(path);
      if (problem) fail("media", problem);
    }
    if (text.trim() === "" && mediaPaths.length === 0) fail(columns.text !== undefined ? "text" : "media", "no text and no media");

    const post: Record<string, unknown> = {};
    const idCell = valueOf(row, "id");
    if (channel && atText !== undefined) {
      let id = idCell || stableId(channel, atText, text);
      if (!idCell) {
        // Two identical rows: the second gets a suffix, the same one every time.
        const seen = (generated.get(id) ?? 0) + 1;
        generated.set(id, seen);
        if (seen > 1) id = `${id}-${seen}`;
      }
      post.id = id;
      post.channel = channel;
      post.at = atText;
    }
    if (zone && atText !== undefined && !/(Z|[+-]\d{2}:\d{2})$/.test(atText)) post.timezone = zone;
    post.text = text;
    const set = (key: string, field: Field) => {
      const v = valueOf(row, field);
      if (v !== "") post[key] = v;
    };
    set("title", "title");
    set("link", "link");
    if (mediaPaths.length > 0) post.media = mediaPaths.map((path, i) => ({ path, kind: mediaKind(path), ...(alts[i] ? { alt: alts[i] } : {}) }));
    if (layout.ownFields) {
      readOwnFields(row, post, { valueOf, fail, channels });
      for (const { index, key } of otherKeys) readOtherKey(row.cells[index], key, post, problems, at);
    }
    set("campaign", "campaign");

    // The calendar's own check, each problem put on the cell it came from.
    if (problems.length === 0) {
      const checked = postSchema.safeParse(post);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const key = String(issue.path[0] ?? "");
          const field = (key === "at" ? "date" : key) as Field;
          fail(columns[field] !== undefined ? field : undefined, `${issue.path.join(".") || "row"}: ${issue.message}`);
        }
      }
    }
    if (problems.length === 0 && typeof post.id === "string") {
      const first = idLines.get(post.id);
      if (first !== undefined) fail(idCell ? "id" : undefined, `duplicate id "${post.id}" (first on line ${first})`);
      else if (options.calendar?.ids.has(post.id)) fail(idCell ? "id" : undefined, `the calendar already has a post "${post.id}"`);
      else idLines.set(post.id, row.line);
    }

    if (problems.length > 0) {
      if (options.skipBad) {
        skipped.push(row.line);
        diagnostics.push(...problems.map((p) => ({ ...p, severity: "warning" as const, message: `${p.message} (row skipped)` })));
      } else diagnostics.push(...problems);
      continue;
    }
    diagnostics.push(...rowWarnings);
    posts.push({ post, zone: typeof post.timezone === "string" ? post.timezone : undefined });
  }

  const timezone = options.calendar ? options.calendar.timezone : (options.timezone ?? mostCommon(posts.map((p) => p.zone)));
  // A post read in the calendar's own zone needs no zone of its own.
  for (const { post } of posts) if (post.timezone !== undefined && post.timezone === timezone) delete post.timezone;
  return { posts: posts.map((p) => orderKeys(p.post)), ...(timezone ? { timezone } : {}), diagnostics: sortDiagnostics(diagnostics), rows: data.length, skipped };
}

type When = { at: string; warning?: string } | { problem: { field: "date" | "time"; message: string } };

/**
 * A row's time as the calendar writes it: `2026-07-14T10:00` read in `zone` (a DST gap or overlap
 * said as a warning), or with the offset the cell gave.
 */
function readWhen(date: string, time: string | undefined, zone: string | undefined, dayOrder: DayOrder | undefined): When {
  const read = readDateTime(date, time, dayOrder);
  if (!read.ok) return { problem: { field: /time/.test(read.reason) && time ? "time" : "date", message: read.reason } };
  if (!read.hasTime) return { problem: { field: "time", message: `no time for ${date}; add a time column or write the time with the date` } };
  if (read.offsetMinutes !== undefined) {
    const off = read.offsetMinutes;
    const abs = Math.abs(off);
    const pad = (n: number) => String(n).padStart(2, "0");
    return { at: `${localIso(read.local)}${off === 0 ? "Z" : `${off < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`}` };
  }
  if (!zone) return { problem: { field: "date", message: `no time zone to read "${date}" in; add a timezone column or pass --timezone` } };
  const at = localIso(read.local);
  const r = parseDateTime(at, zone);
  if (r.ok && r.inGap) return { at, warning: `${at} does not exist in ${zone} (clocks spring forward); it is taken as ${formatInZone(r.epochMs, zone)}` };
  if (r.ok && r.inOverlap) return { at, warning: `${at} happens twice in ${zone} (clocks fall back); the first, ${formatInZone(r.epochMs, zone)}, is taken` };
  return { at };
}

/** The header row and the data rows, with where each field is. */
function findColumns(rows: CsvRow[], options: ImportOptions, layout: (typeof LAYOUTS)[ImportFormat]): { columns: ColumnMap; data: CsvRow[]; header?: CsvRow } {
  const map = options.map ?? {};
  const first = rows[0]!;
  if (looksLikeHeader(first.cells, layout.hints) || (Object.keys(map).length > 0 && !Object.values(map).every((v) => /^\d+$/.test(v)))) {
    const { columns, problems } = mapColumns(first.cells, map, layout.hints, { ownFields: Boolean(layout.ownFields) });
    if (problems.length > 0) throw new UsageError(problems.map((p) => p.message.replace(/^--map:? ?/, "")).join("; "), "--map");
    return { columns, data: rows.slice(1), header: first };
  }
  const numbered: ColumnMap = {};
  for (const [field, n] of Object.entries(map)) numbered[field as Field] = Number(n) - 1;
  return { columns: { ...(layout.withoutHeader ?? {}), ...numbered }, data: rows };
}

type ChannelAnswer = { ok: true; name: string } | { ok: false; message: string };

/** A channel name as written in the file -> a channel of the config (through --channel-map). */
function channelResolver(config: Config, channelMap: Record<string, string>): (name: string) => ChannelAnswer {
  const names = knownChannelNames(config);
  const known = new Set(names);
  const lowerMap = new Map(Object.entries(channelMap).map(([k, v]) => [k.toLowerCase(), v]));
  return (written) => {
    const name = written.trim();
    const candidates = [channelMap[name], lowerMap.get(name.toLowerCase()), name, name.toLowerCase(), PLATFORM_ALIASES[name.toLowerCase()]];
    const found = candidates.find((c): c is string => c !== undefined && known.has(c));
    if (found) return { ok: true, name: found };
    const mapped = channelMap[name] ?? lowerMap.get(name.toLowerCase());
    return {
      ok: false,
      message: mapped
        ? `--channel-map sends "${name}" to "${mapped}", which is not a channel of the config${didYouMean(mapped, names)}`
        : `unknown channel "${name}"${didYouMean(name.toLowerCase(), names)}; map it with --channel-map ${name.toLowerCase().replace(/\s+/g, "-")}=<channel>`,
    };
  };
}

/** failover's own columns (its CSV export): backups, variants, the bookkeeping of reroutes. */
function readOwnFields(
  row: CsvRow,
  post: Record<string, unknown>,
  h: { valueOf: (row: CsvRow, f: Field) => string; fail: (f: Field, message: string) => void; channels: (name: string) => ChannelAnswer },
): void {
  const backups = h.valueOf(row, "backups");
  if (backups !== "") {
    post.backups = backups.split(/[\s,;|]+/).filter(Boolean).map((b) => {
      const r = h.channels(b);
      if (!r.ok) h.fail("backups", r.message);
      return r.ok ? r.name : b;
    });
  }
  for (const [key, field] of [["variants", "variants"], ["thread", "thread"]] as const) {
    const v = h.valueOf(row, field);
    if (v === "") continue;
    try {
      post[key] = JSON.parse(v);
    } catch {
      h.fail(field, `${key}: not JSON (${key === "variants" ? '{"x": "text"}' : '["part 1", "part 2"]'})`);
    }
  }
  for (const key of ["policy", "maxDelay", "status", "reroutedFrom", "reroutedTo", "reason", "originalAt", "originalChannel"] as const) {
    const v = h.valueOf(row, key);
    if (v !== "") post[key] = v;
  }
}

/** A column carried over by its post key: JSON where it is a list or a map, else the text. */
function readOtherKey(cell: CsvCell | undefined, key: string, post: Record<string, unknown>, problems: Diagnostic[], at: (c: CsvCell, m: string) => Diagnostic): void {
  const v = cell?.value.trim() ?? "";
  if (!cell || v === "") return;
  if (!/^[[{]/.test(v)) {
    post[key] = v;
    return;
  }
  try {
    post[key] = JSON.parse(v);
  } catch {
    problems.push(at(cell, `${key}: not JSON`));
  }
}

const KEY_ORDER = ["id", "channel", "at", "timezone", "text", "title", "link", "media", "backups", "variants", "policy", "maxDelay", "campaign", "status", "reroutedFrom", "reroutedTo", "reason", "originalAt", "originalChannel", "thread"];

function orderKeys(post: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...KEY_ORDER, ...Object.keys(post)]) if (post[key] !== undefined) out[key] = post[key];
  return out;
}

function mostCommon(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
