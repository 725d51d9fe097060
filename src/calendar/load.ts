/** Loading the calendar into checked Posts; needs the config to know channels and defaults. */
import { createHash } from "node:crypto";
import { isAbsolute, normalize } from "node:path";
import { InputError, sortDiagnostics, type Diagnostic } from "../errors.js";
import { didYouMeanChannel, isPlatform } from "../platforms.js";
import { knownChannelNames, resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import { parseDateTime, parseIsoParts } from "../time/datetime.js";
import { formatInZone } from "../time/zone.js";
import { readTextFile } from "../yaml/read-file.js";
import { locate, parseYaml, type DataPath, type YamlSource } from "../yaml/source.js";
import { formatPath, zodIssuesToDiagnostics } from "../yaml/zod-diagnostics.js";
import type { Calendar, Post } from "./model.js";
import { calendarSchema, calendarShell, postSchema, type CalendarShell, type RawPost } from "./schema.js";
import { timeZone } from "../time/fields.js";

export { DEFAULT_CALENDAR_PATH } from "../project-defaults.js";

/** More posts than this is refused: it is far past an agency's year, and bounds memory. */
export const MAX_POSTS = 250_000;

export interface LoadOptions {
  /** Keep the posts as written (`Calendar.written`), for a command that shows them so. */
  keepWritten?: boolean;
}

export async function loadCalendar(file: string, config: Config, options: LoadOptions = {}): Promise<Calendar> {
  const { text, bytes } = await readTextFile(file);
  return parseCalendar(file, text, config, bytes, options);
}

/** Parses and checks calendar text; throws InputError with every problem found. */
export function parseCalendar(file: string, text: string, config: Config, bytes: Uint8Array = Buffer.from(text, "utf8"), options: LoadOptions = {}): Calendar {
  const parsed = parseYaml(file, text);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined) throw new InputError(diagnostics);
  const source = parsed.source;
  // The file is checked in two layers so one bad post does not hide the others' problems: the
  // top level first, then every post on its own, then the references between them.
  const checked = calendarShell.safeParse(parsed.value);
  let top: { data: CalendarShell; zoneBroken: boolean };
  if (checked.success) {
    top = { data: checked.data, zoneBroken: false };
  } else {
    diagnostics.push(...zodIssuesToDiagnostics(source, checked.error.issues, calendarSchema, parsed.value));
    // A mistake at the top (a zone typo, a missing version) must not hide the posts' problems:
    // go on with the posts if there is a list of them, and the zone if it is one.
    const value = parsed.value as { posts?: unknown; timezone?: unknown } | null;
    if (!value || typeof value !== "object" || !Array.isArray(value.posts)) throw new InputError(sortDiagnostics(diagnostics));
    const zone = timeZone.safeParse(value.timezone);
    top = {
      data: { version: 1, ...(zone.success && zone.data !== undefined ? { timezone: zone.data } : {}), posts: value.posts },
      zoneBroken: value.timezone !== undefined && !zone.success,
    };
  }
  if (top.data.posts.length > MAX_POSTS) {
    diagnostics.push({ file, ...locate(source, ["posts"]), severity: "error", message: `posts: ${top.data.posts.length} posts; the limit is ${MAX_POSTS}: split the calendar` });
    throw new InputError(diagnostics);
  }
  const rawPosts: RawEntry[] = [];
  top.data.posts.forEach((value, index) => {
    const r = postSchema.safeParse(value);
    if (r.success) rawPosts.push({ post: r.data, index, complete: true });
    else {
      const issues = r.error.issues.map((i) => ({ ...i, path: ["posts", index, ...i.path] }));
      diagnostics.push(...zodIssuesToDiagnostics(source, issues, calendarSchema, parsed.value));
      // Its fields that are right are still checked (channel, time, duplicate id), so one wrong
      // field does not hide the others' problems; the post itself is not loaded.
      if (value && typeof value === "object") rawPosts.push({ post: soundFields(value as Record<string, unknown>), index, complete: false });
    }
  });
  const posts = buildPosts(source, top.data, rawPosts, config, diagnostics, top.zoneBroken);
  if (diagnostics.some((d) => d.severity === "error")) throw new InputError(sortDiagnostics(diagnostics));
  return {
    file,
    ...(top.data.timezone ? { timezone: top.data.timezone } : {}),
    posts,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    source,
    warnings: sortDiagnostics(diagnostics.filter((d) => d.severity === "warning")),
    // The plain data the posts were checked from: kept, not built again from the text.
    ...(options.keepWritten ? { written: top.data.posts as ReadonlyArray<Record<string, unknown> | null> } : {}),
  };
}

/** A post as read: whole, or only the fields that passed their own check. */
type RawEntry = { post: RawPost; index: number; complete: true } | { post: Partial<RawPost>; index: number; complete: false };

function soundFields(value: Record<string, unknown>): Partial<RawPost> {
  const shape = postSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const r = field?.safeParse(v);
    if (r?.success && r.data !== undefined) out[key] = r.data;
  }
  return out as Partial<RawPost>;
}

function buildPosts(
  source: YamlSource,
  calendar: CalendarShell,
  raw: RawEntry[],
  config: Config,
  diagnostics: Diagnostic[],
  zoneBroken = false,
): Post[] {
  const report = (severity: "error" | "warning", path: DataPath, message: string, key = false) =>
    diagnostics.push({ file: source.file, ...locate(source, path, { key }), severity, message: `${formatPath(path)}: ${message}` });
  const names = knownChannelNames(config);
  const known = new Set(names);
  const checkChannel = (path: DataPath, name: string): boolean => {
    if (known.has(name)) return true;
    report("error", path, `unknown channel "${name}"${didYouMeanChannel(name, names)}; declare it in the config or use a platform name`);
    return false;
  };

  const firstById = new Map<string, number>();
  const posts: Post[] = [];
  // Ids of posts that failed their own schema still count, for duplicate and link checks.
  const allIds = new Set(calendar.posts.map((p) => (p && typeof p === "object" ? (p as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === "string"));
  raw.forEach(({ post: p, index, complete }) => {
    const at = (...rest: PropertyKey[]) => ["posts", index, ...rest];
    if (p.id !== undefined) {
      const first = firstById.get(p.id);
      if (first !== undefined) {
        const firstLine = locate(source, ["posts", first, "id"]).line;
        report("error", at("id"), `duplicate id "${p.id}" (first used on line ${firstLine})`);
      } else {
        firstById.set(p.id, index);
      }
    }

    const channelOk = p.channel !== undefined && checkChannel(at("channel"), p.channel);
    p.media?.forEach((m, i) => {
      const problem = mediaPathProblem(m.path);
      if (problem) report("error", at("media", i, "path"), problem);
    });
    p.backups?.forEach((b, i) => {
      if (checkChannel(at("backups", i), b) && b === p.channel) report("warning", at("backups", i), `"${b}" is the post's own channel; it cannot stand in for itself`);
    });
    for (const key of Object.keys(p.variants ?? {})) {
      if (!known.has(key) && !isPlatform(key)) report("error", at("variants", key), `"${key}" is neither a platform nor a channel${didYouMeanChannel(key, names)}`, true);
    }

    const channel = channelOk ? resolveChannel(config, p.channel!) : undefined;
    const zone = p.timezone ?? calendar.timezone ?? channel?.timezone ?? config.defaults.timezone;
    // With the calendar's zone misspelt (reported above), a local time cannot be read: only times
    // with an offset (or malformed ones) are checked, and nothing is said of the rest.
    const readable = (text: string) => !(zoneBroken && p.timezone === undefined) || !isLocalTime(text);
    const when = p.at !== undefined && readable(p.at) ? resolveTime(p.at, zone, at("at"), report) : undefined;
    const originalAt = p.originalAt !== undefined && readable(p.originalAt) ? resolveTime(p.originalAt, zone, at("originalAt"), report) : undefined;
    const { line, col } = locate(source, ["posts", index]);
    if (when === undefined || !complete) return;
    posts.push(toPost(p, config, { index, line, col, at: when, zone, originalAt }));
  });

  // Links between posts written by `failover reroute` must still point somewhere.
  posts.forEach((post) => {
    if (post.reroutedFrom !== undefined && !allIds.has(post.reroutedFrom)) {
      report("error", ["posts", post.index, "reroutedFrom"], `no post has the id "${post.reroutedFrom}"`);
    }
  });
  return posts;
}

/**
 * Media paths are read relative to the calendar's folder and must stay inside it: a calendar
 * edited by many hands must not be able to point an uploader at ~/.ssh or /etc.
 */
export function mediaPathProblem(path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return undefined; // a URL: the uploader fetches it
  if (isAbsolute(path) || /^[a-zA-Z]:[\\/]/.test(path)) return `"${path}" is an absolute path; media paths are relative to the calendar's folder`;
  if (normalize(path).split(/[\\/]/)[0] === "..") return `"${path}" leaves the calendar's folder; media must be inside it`;
  if (path.includes("\0")) return `"${path.replace(/\0/g, "\\0")}" contains a NUL character`;
  return undefined;
}

/** A well-formed date-time written without an offset (read in a zone). */
function isLocalTime(text: string): boolean {
  const parts = parseIsoParts(text);
  return !("error" in parts) && parts.offsetMinutes === undefined;
}

function resolveTime(
  text: string,
  zone: string | undefined,
  path: DataPath,
  report: (severity: "error" | "warning", path: DataPath, message: string) => void,
): number | undefined {
  const r = parseDateTime(text, zone);
  if (!r.ok) {
    report("error", path, r.reason);
    return undefined;
  }
  if (r.inGap) report("warning", path, `"${text}" does not exist in ${zone} (clocks spring forward); it is taken as ${formatInZone(r.epochMs, zone!)}`);
  if (r.inOverlap) report("warning", path, `"${text}" happens twice in ${zone} (clocks fall back); the first, ${formatInZone(r.epochMs, zone!)}, is taken`);
  return r.epochMs;
}

function toPost(
  p: RawPost,
  config: Config,
  where: { index: number; line: number; col: number; at: number; zone: string | undefined; originalAt: number | undefined },
): Post {
  return {
    id: p.id,
    channel: p.channel,
    at: where.at,
    atText: p.at,
    ...(where.zone ? { zone: where.zone } : {}),
    text: p.text,
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.link !== undefined ? { link: p.link } : {}),
    media: p.media ?? [],
    backups: (p.backups ?? config.defaults.backups).filter((b) => b !== p.channel),
    variants: p.variants ?? {},
    policy: p.policy ?? config.defaults.policy,
    maxDelayMs: p.maxDelay ?? config.defaults.maxDelayMs,
    ...(p.campaign !== undefined ? { campaign: p.campaign } : {}),
    status: p.status ?? "scheduled",
    ...(p.reroutedFrom !== undefined ? { reroutedFrom: p.reroutedFrom } : {}),
    ...(p.reroutedTo !== undefined ? { reroutedTo: p.reroutedTo } : {}),
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    ...(where.originalAt !== undefined ? { originalAt: where.originalAt, originalAtText: p.originalAt! } : {}),
    ...(p.thread !== undefined ? { thread: p.thread } : {}),
    ...(p.originalChannel !== undefined ? { originalChannel: p.originalChannel } : {}),
    ...(p.lang !== undefined ? { lang: p.lang } : {}),
    ...(p.postedAt !== undefined ? { postedAt: p.postedAt } : {}),
    ...(p.url !== undefined ? { url: p.url } : {}),
    ...(p.error !== undefined ? { error: p.error } : {}),
    index: where.index,
    line: where.line,
    col: where.col,
  };
}
