/**
 * Applying a plan to the calendar file: under the calendar's lock, read it again, make sure the
 * plan was made from exactly these bytes, edit, keep the previous version as `.bak`, and replace
 * the file atomically. Any failure before the final rename leaves the calendar untouched.
 */
import { createHash } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { FileError } from "../errors.js";
import { parseCalendar } from "../calendar/load.js";
import type { Calendar } from "../calendar/model.js";
import type { Config } from "../config/model.js";
import type { Plan } from "../planner/types.js";
import { readTextFile } from "../yaml/read-file.js";
import { removeAbandonedTempFiles, writeFileAtomic } from "../util/atomic-write.js";
import { editCalendarText, type CalendarOp } from "./calendar-edit.js";
import { acquireLock, lockPathFor } from "./lock.js";
import { planEdits, StalePlanError, timeProblems } from "./plan-ops.js";

export interface ApplyOptions {
  calendarFile: string;
  config: Config;
  plan: Plan;
  /**
   * For a fresh plan: how to plan again if the calendar changed between planning and locking
   * (another run applied first). Without it, a changed calendar refuses the plan as stale.
   */
  replan?: (calendar: Calendar) => Plan;
  /** Write the result here and leave the calendar alone. */
  out?: string;
  /** Keep the previous version of the file written as `<file>.bak` (default true). */
  backup?: boolean;
  lockWaitMs?: number;
  /** The clock: a plan whose times have passed by then is refused (see timeProblems). */
  now?: number;
  /**
   * The calendar as the plan was made from it, if it is at hand: when the file under the lock is
   * still the same bytes it is used as is, instead of being parsed a second time.
   */
  calendar?: Calendar;
}

export interface ApplyResult {
  /** The plan applied (the replanned one, if the calendar had changed). */
  plan: Plan;
  /** The file written; absent when there was nothing to change. */
  written?: string;
  backup?: string;
  /** How many actions changed the file. */
  applied: number;
}

const BOM = "\uFEFF";

export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  let plan = options.plan;
  let applied = 0;
  const written = await editCalendarFile(options, (calendar) => {
    plan = planThatApplies(options, calendar);
    const edits = planEdits(plan, calendar);
    applied = edits.actions;
    return edits.ops;
  });
  return { plan, ...written, applied: written.written ? applied : 0 };
}

export interface EditFileOptions {
  calendarFile: string;
  config: Config;
  /** Write the result here and leave the calendar alone. */
  out?: string;
  /** Keep the previous version of the file written as `<file>.bak` (default true). */
  backup?: boolean;
  lockWaitMs?: number;
  /** The calendar as last read, used as is when the file under the lock is still the same bytes. */
  calendar?: Calendar;
}

/**
 * The one way failover changes a calendar file: under its lock, read it again, make the edits
 * from what it says now (`edits` sees the fresh calendar), keep the previous version as `.bak`,
 * and replace the file atomically. `reroute`, `failback` and `publish`'s write-back all use it.
 */
export async function editCalendarFile(options: EditFileOptions, edits: (calendar: Calendar) => CalendarOp[]): Promise<{ written?: string; backup?: string }> {
  // Through a symlink, the file it points at is the one to lock, back up and replace.
  const calendarFile = await realPath(options.calendarFile);
  const lock = await acquireLock(calendarFile, options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {});
  try {
    await removeAbandonedTempFiles([calendarFile, `${calendarFile}.bak`, lockPathFor(calendarFile)]);
    const { bytes, calendar } = await readCalendarAgain(calendarFile, options);
    const ops = edits(calendar);
    if (ops.length === 0) return {};
    const output = keepBom(bytes, editCalendarText(calendar.source, ops));
    const given = options.out ?? options.calendarFile;
    const target = options.out !== undefined ? await realPath(options.out) : calendarFile;
    // Name files as the user did, unless a symlink sent the write somewhere else: then say where.
    const shown = (file: string) => (target === resolve(given) ? file.replace(target, given) : file);
    const previous = options.backup === false ? undefined : target === calendarFile ? bytes : await readIfExists(target);
    const backup = await writeWithBackup(target, output, previous);
    return { written: shown(target), ...(backup ? { backup: shown(backup) } : {}) };
  } finally {
    await lock.release();
  }
}

/** The decoder drops a byte-order mark; a file that had one keeps it. */
export function keepBom(bytes: Uint8Array, edited: string): string {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? BOM + edited : edited;
}

/** Replaces `target` atomically, first keeping `previous` (its bytes before) as `<target>.bak`. */
export async function writeWithBackup(target: string, output: string, previous: Uint8Array | undefined): Promise<string | undefined> {
  let backup: string | undefined;
  if (previous) {
    backup = `${target}.bak`;
    await writeFileAtomic(backup, previous);
  }
  await writeFileAtomic(target, output);
  return backup;
}

/**
 * Whether a saved plan would still apply, without writing or locking anything: for `--plan`
 * with `--dry-run`. Throws the same StalePlanError applying would.
 */
export async function checkPlanApplies(options: Pick<ApplyOptions, "calendarFile" | "config" | "plan" | "now">): Promise<void> {
  const { calendar } = await readCalendarAgain(await realPath(options.calendarFile), options);
  planEdits(planThatApplies(options, calendar), calendar); // a plan naming posts the calendar lacks is refused here too
}

/**
 * The plan to apply to the calendar as read now: refused if made under another config, from other
 * bytes (unless a fresh plan can be made again), or with times that have passed by `now`.
 */
function planThatApplies(options: Pick<ApplyOptions, "calendarFile" | "config" | "plan" | "replan" | "now">, calendar: Calendar): Plan {
  configCheck(options);
  let plan = options.plan;
  if (plan.calendarSha256 !== calendar.sha256) {
    if (!options.replan) throw staleError(options.calendarFile, calendar, plan);
    plan = options.replan(calendar);
  }
  if (options.now !== undefined) {
    const late = timeProblems(plan, calendar, options.now);
    if (late.length > 0) throw new StalePlanError(options.calendarFile, `the plan is out of date; nothing was written: make a new plan (${late.join("; ")})`);
  }
  return plan;
}

async function readCalendarAgain(file: string, options: Pick<ApplyOptions, "config" | "calendar" | "calendarFile">) {
  const { text, bytes } = await readTextFile(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // The calendar the plan was made from, if the bytes are still the same: no second parse.
  const calendar = options.calendar?.sha256 === sha256 ? options.calendar : parseCalendar(options.calendarFile, text, options.config, bytes);
  return { bytes, calendar };
}

/** The config decides zones, delays and channels when the plan is written out: it must be the same one. */
function configCheck(options: Pick<ApplyOptions, "config" | "plan">): void {
  const made = options.plan.configSha256;
  if (made !== undefined && made !== options.config.sha256) {
    throw new StalePlanError(
      options.config.file ?? "config",
      `is not the config the plan was made with (sha256 ${options.config.sha256?.slice(0, 12) ?? "built-in defaults"}…, the plan expects ${made.slice(0, 12)}…); nothing was written: use that config (--config) or make a new plan`,
    );
  }
}

function staleError(file: string, calendar: Calendar, plan: Plan): StalePlanError {
  const ids = new Set(calendar.posts.map((p) => p.id));
  const added = plan.actions.flatMap((a) => (a.newPostId ? [a.newPostId] : []));
  if (added.length > 0 && added.every((id) => ids.has(id))) {
    return new StalePlanError(file, `already has what the plan adds (${added.slice(0, 3).join(", ")}${added.length > 3 ? ", …" : ""}): it looks applied already; nothing was written`);
  }
  return new StalePlanError(
    file,
    `has changed since the plan was made (sha256 ${calendar.sha256.slice(0, 12)}…, the plan expects ${plan.calendarSha256.slice(0, 12)}…); nothing was written: make a new plan`,
  );
}

export async function realPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return file; // not there (yet): reading or writing it will say so
  }
}

async function readIfExists(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new FileError(file, `cannot be read to keep a backup of it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}
