#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build` (run by `npm ci` too).
// Ctrl-C is handled inside main (exit 130), where the spinner and the files being written are known.
import module from "node:module";

// Node 22.1+ can keep V8's compiled code of the bundle on disk (in the OS temp folder, or where
// NODE_COMPILE_CACHE says) and skip most of the compiling on the next start. Node 20 has no such
// cache: there the bundle's small size and lazy per-command chunks are what keep start-up short
// (docs/performance.md). Turned on before the bundle is imported, hence the dynamic import below.
module.enableCompileCache?.();

const { main } = await import("../dist/cli.js");
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`failover: unexpected failure: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
