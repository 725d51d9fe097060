/**
 * An exclusive lock on a calendar, so two runs never interleave their read-plan-write.
 *
 * The lock is a file beside the calendar (`calendar.yaml.lock`) holding the owner's pid, host and
 * start time. It is created whole or not at all: the content goes into a temp file first, which
 * is then hard-linked to the lock's name (link fails if the name exists, atomically, on every
 * local file system). A lock whose owner is gone (same host, pid not running) is stale and is
 * taken over; so is one older than STALE_MS (a run holds it for seconds: an hour-old lock on this
 * host is a reused pid, common in containers), and one from another host past the same age.
 * Only one run at a time may take a stale lock over (the `.takeover` guard, made the same way),
 * so two runs that both see it stale cannot both end up holding the lock.
 */
import { hostname } from "node:os";
import { stat, unlink } from "node:fs/promises";
import { readRegularFile } from "../yaml/read-file.js";
import { linkSync, lstatSync, unlinkSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { FileError } from "../errors.js";
import { asFileError, isProcessRunning, pendingTempFiles, tempFileFor, writeTempSync } from "../util/atomic-write.js";

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
const STALE_MS = 60 * 60_000;
/** A takeover guard older than this was left by a run killed while taking over: ignore it. */
const STALE_GUARD_MS = 10_000;
const POLL_MS = 50;

/** Locks held by this process, removed by the interrupt handler (Ctrl-C) on the way out. */
export const heldLocks = new Map<string, string>();
/** Takeover guards held right now (see breakStaleLock), removed by the interrupt handler too. */
const heldGuards = new Map<string, string>();

export class LockedError extends FileError {}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

/** The calendar and every file failover keeps beside it: what a killed run may have left temp files of. */
export function calendarAndSidecars(file: string): string[] {
  return [file, `${file}.bak`, lockPathFor(file), `${lockPathFor(file)}.takeover`];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function acquireLock(file: string, options: { waitMs?: number } = {}): Promise<Lock> {
  const lockFile = lockPathFor(file);
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString("hex") };
  const deadline = performance.now() + waitMs;
  // Each pass either takes the lock or waits a little: a lock that is "gone" again and again or
  // that cannot be broken must not turn this into a busy loop.
  let retryAtOnce = true;
  for (;;) {
    if (await tryCreate(lockFile, info, heldLocks)) {
      return { file: lockFile, release: () => releaseLock(lockFile, info.token) };
    }
    const holder = await readLock(lockFile);
    if (holder === "gone" && retryAtOnce) {
      retryAtOnce = false; // released between our attempt and our look: try again now
      continue;
    }
    // Someone else's (see readLock): it never frees itself, so waiting is pointless, and it is never ours to remove.
    if (holder === "foreign") throw lockedError(file, lockFile, holder);
    if (holder !== "gone" && (holder === "unreadable" || isStale(holder)) && (await breakStaleLock(lockFile, holder))) {
      retryAtOnce = true;
      continue;
    }
    if (performance.now() >= deadline) throw lockedError(file, lockFile, holder);
    retryAtOnce = true;
    await sleep(POLL_MS);
  }
}

function lockedError(file: string, lockFile: string, holder: LockHolder): LockedError {
  if (typeof holder === "string") {
    return new LockedError(file, `is locked by ${lockFile}, which is not a lock failover can read or take over; remove it if no failover run is going on`);
  }
  return new LockedError(
    file,
    `is being changed by another failover run (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); try again when it ends, or remove ${lockFile} if that run is gone`,
  );
}

async function tryCreate(lockFile: string, info: LockInfo, held: Map<string, string>): Promise<boolean> {
  const temp = tempFileFor(lockFile);
  try {
    writeTempSync(temp, JSON.stringify(info) + "\n", 0o644);
    // Linked and registered in one step of the event loop: a Ctrl-C handler sees the lock as
    // ours exactly when it exists (see writeTempSync).
    linkSync(temp, lockFile);
    held.set(lockFile, info.token);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    const known = asFileError(lockFile, error);
    throw known instanceof FileError ? known : new FileError(lockFile, `cannot be created (${code ?? String(error)})`, { cause: error });
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      /* not created */
    }
    pendingTempFiles.delete(temp);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Who holds a lock: a run's info; "gone" (no lock now); "unreadable" (not a lock we can read: a
 * torn write, a run killed mid-write, garbage, which may be broken when stale); or "foreign": a
 * symbolic link. failover makes its lock by hard-linking a regular file, so a link is never one of
 * ours, whatever it points at (a dangling one would read as "gone" for ever).
 */
type LockHolder = LockInfo | "gone" | "unreadable" | "foreign";

async function readLock(lockFile: string): Promise<LockHolder> {
  if (isSymbolicLink(lockFile)) return "foreign";
  let text: string;
  try {
    text = (await readRegularFile(lockFile, 64 * 1024)).toString("utf8");
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
  const age = Date.now() - Date.parse(holder.startedAt);
  if (!(age <= STALE_MS)) return true; // too old, or no readable time
  if (holder.host !== hostname()) return false;
  // Our own pid with a token we do not hold: a run before a restart whose pid we were given again.
  if (holder.pid === process.pid) return ![...heldLocks.values()].includes(holder.token);
  return !isProcessRunning(holder.pid);
}

/**
 * Removes a lock judged stale, unless it changed since it was judged. Under the takeover guard,
 * so no other run can replace the lock between our second look and the removal.
 */
async function breakStaleLock(lockFile: string, seen: LockInfo | "unreadable"): Promise<boolean> {
  const guard = `${lockFile}.takeover`;
  const guardInfo: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString("hex") };
  if (!(await tryCreate(guard, guardInfo, heldGuards))) {
    // Another run is taking over right now; a guard left by a killed run expires.
    const age = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > STALE_GUARD_MS) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    const now = await readLock(lockFile);
    const same = seen === "unreadable" ? now === "unreadable" : typeof now !== "string" && now.token === seen.token;
    if (!same) return true; // taken over by another run meanwhile: look again
    await unlink(lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return true;
    // Not a file (a folder), or a folder we may not change: it cannot be broken, now or later.
    throw new LockedError(lockFile, `looks abandoned but cannot be removed (${code ?? String(error)}); remove it by hand if no failover run is going on`, { cause: error });
  } finally {
    heldGuards.delete(guard);
    await unlink(guard).catch(() => undefined);
  }
}

async function releaseLock(lockFile: string, token: string): Promise<void> {
  heldLocks.delete(lockFile);
  const holder = await readLock(lockFile);
  if (typeof holder !== "string" && holder.token === token) await unlink(lockFile).catch(() => undefined);
}

/** For the interrupt handler: drop this process's locks synchronously before exiting. */
export function releaseHeldLocksSync(): void {
  for (const lockFile of [...heldLocks.keys(), ...heldGuards.keys()]) {
    try {
      unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  }
  heldLocks.clear();
  heldGuards.clear();
}
