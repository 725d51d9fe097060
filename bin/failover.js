#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build` (run by `npm ci` too).
// Ctrl-C is handled inside main (exit 130), where the spinner and the files being written are known.
import { main } from "../dist/cli.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`failover: unexpected failure: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
