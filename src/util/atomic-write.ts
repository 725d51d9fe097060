/**
 * Writing a file so that a crash at any moment leaves either the old bytes or the whole new
 * file: write a temp file in the same folder (same file system, so rename is atomic), fsync it,
 * rename it over the target, then fsync the folder so the rename itself survives a power cut.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from "node:fs";
import { open, readdir, rename, unlink, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { FileError } from "../errors.js";

/** Temp files being written right now, so an interrupt handler can remove them. */
export const pendingTempFiles = new Set<string>();

/**
 * A temp file beside `target`, named `.<name>.<pid>.<random>.tmp`: in the same folder so a rename
 * is atomic, hidden, and carrying the writer's pid so a later run can tell an abandoned one.
 */
export function tempFileFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(target);
  await removeAbandonedTempFiles([target]);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const temp = tempFileFor(target);
  try {
    // Created, written and closed in one step of the event loop, registered in the same step: a
    // Ctrl-C handler (which runs between steps) finds every temp file that exists, and only those.
    writeTempSync(temp, data, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw asFileError(target, error);
  } finally {
    pendingTempFiles.delete(temp);
  }
  await syncFolder(folder);
}

/** Creates the temp file (never over an existing one), writes it whole, fsyncs and closes it. */
export function writeTempSync(temp: string, data: string | Uint8Array, mode?: number): void {
  const fd = openSync(temp, "wx", mode ?? 0o644);
  pendingTempFiles.add(temp);
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (mode !== undefined) fchmodSync(fd, mode); // the umask may have narrowed it
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Temp files (see tempFileFor) that runs killed mid-write (SIGKILL, a power cut) left beside the
 * targets, all in one folder: a pid that no longer runs will never finish them. Under the lock.
 */
export async function removeAbandonedTempFiles(targets: readonly string[]): Promise<string[]> {
  const folder = dirname(targets[0]!);
  const names = new Set(targets.map((t) => basename(t)));
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    // `.calendar.yaml.bak.<pid>.<hex>.tmp` is the backup's, not the calendar's: the whole name
    // before the pid must be one of the targets.
    const m = TEMP_NAME.exec(name);
    if (!m || !names.has(m[1]!) || isProcessRunning(Number(m[2]))) continue;
    await unlink(join(folder, name)).then(() => removed.push(name), () => undefined);
  }
  return removed;
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/;

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Failures a person can fix (a missing folder, permissions, a full disk) are input errors, not
 * bugs. Every file failover writes starts as a temp file beside it: a refusal is the folder's.
 */
export function asFileError(target: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(target);
  const why: Record<string, string> = {
    ENOENT: `cannot be written: the folder ${folder} does not exist`,
    ENOTDIR: `cannot be written: ${folder} is not a folder`,
    EACCES: `cannot write in ${folder} (permission denied)`,
    EPERM: `cannot write in ${folder} (permission denied)`,
    EROFS: `cannot write in ${folder} (read-only file system)`,
    ENOSPC: "cannot be written (no space left on the device)",
    EISDIR: "cannot be written: it is a folder",
  };
  return code && why[code] ? new FileError(target, why[code]!, { cause: error }) : error;
}

async function syncFolder(folder: string): Promise<void> {
  // Not every platform can open a directory for fsync (Windows cannot); the rename is still atomic.
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
