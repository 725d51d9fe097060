/**
 * The kill switch: while `.failover/pause` exists beside the calendar, `failover run` changes
 * nothing (it still checks health and records history). A file, not a flag, so a person can stop
 * a CI schedule or a server's loop with one commit or one `touch`, without touching the job.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { STATE_FOLDER } from "../health/state-file.js";
import { readRegularFile } from "../yaml/read-file.js";

/** The reason is one line: a pause file bigger than this is still a pause, its text is not read. */
const MAX_PAUSE_BYTES = 64 * 1024;

export const PAUSE_FILE = "pause";

/** The kill switch's path for a calendar folder. */
export function pauseFileIn(folder: string): string {
  return join(folder, STATE_FOLDER, PAUSE_FILE);
}

/** Why the autopilot is paused (the file's text, or "paused"), or undefined when it is not. */
export async function pausedReason(file: string): Promise<string | undefined> {
  try {
    // A regular file only, capped: a FIFO or device here must not hang every cycle of `run`.
    const text = (await readRegularFile(file, MAX_PAUSE_BYTES)).toString("utf8").trim();
    return text.split("\n")[0] || "paused";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // A pause file that cannot be read still means someone wanted it stopped.
    return `paused (${file} unreadable: ${(error as Error).message})`;
  }
}

/** Creates the kill switch with a reason and the time; returns false when it already existed. */
export async function pause(file: string, reason: string, at: string): Promise<boolean> {
  const before = await pausedReason(file);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${reason} (since ${at})\n`);
  return before === undefined;
}

/** Removes the kill switch; returns false when there was none. */
export async function resume(file: string): Promise<boolean> {
  const before = await pausedReason(file);
  await rm(file, { force: true });
  return before !== undefined;
}
