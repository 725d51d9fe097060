/**
 * An exclusive lock on a calendar, so two runs never interleave their read-plan-write.
 *
 * The lock is a file beside the calendar (`calendar.yaml.lock`) holding the owner's pid, host and
 * start time. It is created whole or not at all: the content goes into a temp file first, which
 * is then hard-linked to the lock's name (link fails if the name exists, atomically, on every
 * local file system). A lock whose owner is gone (same host, pid not running) is stale and is
 * taken over; a lock from another host is trusted until it is older than STALE_FOREIGN_MS.
 */
import { hostname } from "node:os";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { FileError } from "../errors.js";

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface Lock {
  file: string;
  release(): Promise<void>;
}

/** The second run waits this long for the first before giving up. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;
const STALE_FOREIGN_MS = 60 * 60_000;
const POLL_MS = 50;

/** Locks held by this process, removed by the interrupt handler (Ctrl-C) on the way out. */
export const heldLocks = new Map<string, string>();

export class LockedError extends FileError {}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

export async function acquireLock(file: string, options: { waitMs?: number; sleep?: (ms: number) => Promise<void> } = {}): Promise<Lock> {
  const lockFile = lockPathFor(file);
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString("hex") };
  const deadline = performance.now() + waitMs;
  for (;;) {
    if (await tryCreate(lockFile, info)) {
      heldLocks.set(lockFile, info.token);
      return { file: lockFile, release: () => releaseLock(lockFile, info.token) };
    }
    const holder = await readLock(lockFile);
    if (holder === "gone") continue; // released between our attempt and our look: try again now
    if (holder === "unreadable" || isStale(holder)) {
      await breakStaleLock(lockFile, holder);
      continue;
    }
    if (performance.now() >= deadline) {
      throw new LockedError(
        file,
        `is being changed by another failover run (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); try again when it ends, or remove ${lockFile} if that run is gone`,
      );
    }
    await sleep(POLL_MS);
  }
}

async function tryCreate(lockFile: string, info: LockInfo): Promise<boolean> {
  const temp = `${lockFile}.${info.token}.tmp`;
  await writeFile(temp, JSON.stringify(info) + "\n", { mode: 0o644 });
  try {
    await link(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new FileError(lockFile, `cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readLock(lockFile: string): Promise<LockInfo | "gone" | "unreadable"> {
  let text: string;
  try {
    text = await readFile(lockFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    return "unreadable";
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") return value as LockInfo;
  } catch {
    /* fall through */
  }
  return "unreadable";
}

function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return Date.now() - Date.parse(holder.startedAt) > STALE_FOREIGN_MS;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it is alive.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Takes a stale lock out of the way without removing a fresh one another run may have put in its
 * place meanwhile: move it aside first, then check that what was moved is the stale one.
 */
async function breakStaleLock(lockFile: string, seen: LockInfo | "unreadable"): Promise<void> {
  const aside = `${lockFile}.${randomBytes(6).toString("hex")}.stale`;
  try {
    await rename(lockFile, aside);
  } catch {
    return; // someone else moved or released it
  }
  const moved = await readLock(aside);
  const same = seen === "unreadable" ? moved === "unreadable" : moved !== "gone" && moved !== "unreadable" && moved.token === seen.token;
  if (!same) {
    // A live run's lock: put it back (if the name is free again, which it is unless a third run won).
    await link(aside, lockFile).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(lockFile: string, token: string): Promise<void> {
  heldLocks.delete(lockFile);
  const holder = await readLock(lockFile);
  if (holder !== "gone" && holder !== "unreadable" && holder.token === token) await unlink(lockFile).catch(() => undefined);
}

/** For the interrupt handler: drop this process's locks synchronously before exiting. */
export function releaseHeldLocksSync(): void {
  for (const lockFile of heldLocks.keys()) {
    try {
      unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  }
  heldLocks.clear();
}
