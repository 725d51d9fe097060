/**
 * Applying a plan to the calendar file: under the calendar's lock, read it again, make sure the
 * plan was made from exactly these bytes, edit, keep the previous version as `.bak`, and replace
 * the file atomically. Any failure before the final rename leaves the calendar untouched.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { FileError } from "../errors.js";
import { parseCalendar } from "../calendar/load.js";
import type { Calendar } from "../calendar/model.js";
import type { Config } from "../config/model.js";
import type { Plan } from "../planner/types.js";
import { readTextFile } from "../yaml/read-file.js";
import { removeAbandonedTempFiles, writeFileAtomic } from "./atomic-write.js";
import { editCalendarText } from "./calendar-edit.js";
import { acquireLock } from "./lock.js";
import { planToOps, StalePlanError } from "./plan-ops.js";

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
  const lock = await acquireLock(options.calendarFile, options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {});
  try {
    await removeAbandonedTempFiles(options.calendarFile);
    const { text, bytes } = await readTextFile(options.calendarFile);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const calendar = options.calendar?.sha256 === sha256 ? options.calendar : parseCalendar(options.calendarFile, text, options.config, bytes);
    let plan = options.plan;
    if (plan.calendarSha256 !== calendar.sha256) {
      if (!options.replan) {
        throw new StalePlanError(
          options.calendarFile,
          `has changed since the plan was made (sha256 ${calendar.sha256.slice(0, 12)}…, the plan expects ${plan.calendarSha256.slice(0, 12)}…); nothing was written: make a new plan`,
        );
      }
      plan = options.replan(calendar);
    }
    const ops = planToOps(plan, calendar);
    if (ops.length === 0) return { plan, applied: 0 };
    const edited = editCalendarText(calendar.source, ops);
    // The decoder drops a byte-order mark; a file that had one keeps it.
    const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const output = hadBom ? BOM + edited : edited;
    const target = options.out ?? options.calendarFile;
    let backup: string | undefined;
    if (options.backup !== false) {
      const previous = target === options.calendarFile ? bytes : await readIfExists(target);
      if (previous) {
        backup = `${target}.bak`;
        await writeFileAtomic(backup, previous);
      }
    }
    await writeFileAtomic(target, output);
    return { plan, written: target, ...(backup ? { backup } : {}), applied: plan.actions.length };
  } finally {
    await lock.release();
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
