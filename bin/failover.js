#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm install` / `npm run build`).
import { main } from "../dist/cli/main.js";

process.on("SIGINT", () => {
  // Writes are atomic (temp file + rename), so stopping here never leaves a half-written file.
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
