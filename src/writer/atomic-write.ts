/**
 * Writing a file so that a crash at any moment leaves either the old bytes or the whole new
 * file: write a temp file in the same folder (same file system, so rename is atomic), fsync it,
 * rename it over the target, then fsync the folder so the rename itself survives a power cut.
 */
import { open, readdir, rename, unlink, stat, chmod } from "node:fs/promises";
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
  const temp = tempFileFor(target);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  pendingTempFiles.add(temp);
  try {
    const handle = await open(temp, "wx", mode ?? 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw asFileError(target, error);
  } finally {
    pendingTempFiles.delete(temp);
  }
  await syncFolder(folder);
}

/**
 * Temp files (see tempFileFor) that runs killed mid-write (SIGKILL, a power cut) left beside the
 * targets, all in one folder: a pid that no longer runs will never finish them. Under the lock.
 */
export async function removeAbandonedTempFiles(targets: readonly string[]): Promise<string[]> {
  const folder = dirname(targets[0]!);
  const prefixes = targets.map((t) => `.${basename(t)}.`);
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    const m = prefix ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || isProcessRunning(Number(m[1]))) continue;
    await unlink(join(folder, name)).then(() => removed.push(name), () => undefined);
  }
  return removed;
}

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
