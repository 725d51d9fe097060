#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build` (run by `npm ci` too).
import { cleanupOnInterrupt, main } from "../dist/cli.js";

process.on("SIGINT", () => {
  // Writes are atomic (temp file + rename), so stopping here never leaves a half-written file;
  // what a write in progress leaves aside (its temp file, the calendar's lock) is removed.
  cleanupOnInterrupt();
  process.stderr.write("\ninterrupted\n");
  process.exit(130);
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`failover: unexpected failure: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
