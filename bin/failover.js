#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build` (by `npm pack` through
// prepack, and by the test and demo commands when dist/ is missing or older than src/).
// Ctrl-C is handled inside main (exit 130), where the spinner and the files being written are known.
import module from "node:module";

// Node 22.1+ can keep V8's compiled code of the bundle on disk (in the OS temp folder, or where
// NODE_COMPILE_CACHE says) and skip most of the compiling on the next start. Node 20 has no such
// cache for ES modules: there the commands timed most run from a CommonJS bundle of their own with
// V8's code cache (bin/code-cache.js), the others from the bundle's lazy chunks (docs/performance.md).
// Turned on before the bundle is imported, hence the dynamic imports below.
const nodeCaches = module.enableCompileCache?.() !== undefined;
const cached = nodeCaches ? undefined : (await import("./code-cache.js")).cachedMain(process.argv, process.env);
const main = cached?.main ?? (await import("../dist/cli.js")).main;
main(process.argv).then(
  (code) => {
    process.exitCode = code;
    cached?.afterRun();
  },
  (error) => {
    process.stderr.write(`failover: unexpected failure: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
