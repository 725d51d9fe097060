/**
 * On Ctrl-C the process exits at once; this removes what a write in progress leaves behind: its
 * temp files (the target itself is untouched until the final rename) and the calendar's lock.
 */
import { unlinkSync } from "node:fs";
import { pendingTempFiles } from "../util/atomic-write.js";
import { releaseHeldLocksSync } from "./lock.js";

export function cleanupOnInterrupt(): void {
  for (const temp of pendingTempFiles) {
    try {
      unlinkSync(temp);
    } catch {
      /* never created, or already renamed */
    }
  }
  pendingTempFiles.clear();
  releaseHeldLocksSync();
}
