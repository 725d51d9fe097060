/**
 * Adding posts to the end of a calendar file (`failover import -o` onto an existing calendar):
 * under the calendar's lock, read it again, splice the posts in after the last one (every other
 * byte, comments included, stays), check the result loads as a calendar, keep the previous
 * version as `.bak`, and replace the file atomically. A problem anywhere leaves the file untouched.
 */
import { parseCalendar } from "../calendar/load.js";
import type { Config } from "../config/model.js";
import { readTextFile } from "../yaml/read-file.js";
import { keepBom, realPath, refuseReadOnly, restoreLineBreaks, writeWithBackup } from "./apply.js";
import { removeAbandonedTempFiles } from "../util/atomic-write.js";
import { editCalendarText } from "./calendar-edit.js";
import { acquireLock, calendarAndSidecars } from "./lock.js";

export interface AppendOptions {
  calendarFile: string;
  config: Config;
  posts: ReadonlyArray<Record<string, unknown>>;
  /** Keep the previous version as `<file>.bak` (default true). */
  backup?: boolean;
  lockWaitMs?: number;
}

export interface AppendResult {
  written: string;
  backup?: string;
  /** How many posts the calendar has now. */
  total: number;
}

export async function appendPosts(options: AppendOptions): Promise<AppendResult> {
  const file = await realPath(options.calendarFile);
  await refuseReadOnly(file);
  const lock = await acquireLock(file, options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {});
  try {
    await removeAbandonedTempFiles(calendarAndSidecars(file));
    const { text, bytes } = await readTextFile(file);
    const calendar = parseCalendar(options.calendarFile, text, options.config, bytes);
    const edited = editCalendarText(
      calendar.source,
      options.posts.map((post) => ({ op: "append" as const, post: { ...post } })),
    );
    // The calendar as it would be: the same checks as `validate` (duplicate ids against the
    // posts already there, channels, times). Its problems stop the write.
    const after = parseCalendar(options.calendarFile, edited, options.config);
    const backup = await writeWithBackup(file, keepBom(bytes, restoreLineBreaks(calendar.source, edited)), options.backup === false ? undefined : bytes);
    return { written: options.calendarFile, ...(backup ? { backup: backup.replace(file, options.calendarFile) } : {}), total: after.posts.length };
  } finally {
    await lock.release();
  }
}
