// Bundles the CLI (dist/cli/main.js and everything it imports, dependencies included) into
// dist/cli.js plus one chunk per lazily loaded command. Why: on Node 20, start-up is dominated by
// resolving and loading a few hundred small ES modules (zod, yaml, our own); one bundle loads in a
// fraction of that (see bench/). The library entry (dist/index.js) stays unbundled for importers.
// The bundle sits directly in dist/, like the tsc output's top level, so paths computed from
// import.meta.url ("../package.json", "../config/") resolve the same way in both.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";

const outdir = new URL("../dist/", import.meta.url).pathname;
for (const f of readdirSync(outdir)) if (/^cli(-chunk-[A-Z0-9]+)?\.js$|^cli-command-[\w-]+\.cjs$|^cli-commands\.json$/.test(f)) rmSync(outdir + f);

// zod's classic entry re-exports every message locale (about 330 kB of code for ~130 languages);
// failover speaks English only, and loading that much code costs start-up time on every run.
const englishOnlyZod = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: "en-only", namespace: "zod-locales", pluginData: { dir: new URL("../locales/", `file://${args.importer}`).pathname } }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: args.pluginData.dir,
      loader: "js",
    }));
  },
};

/** What both builds share: the CLI's entry, minified whitespace and syntax. @type {import("esbuild").BuildOptions} */
const common = {
  entryPoints: { cli: new URL("../dist/cli/main.js", import.meta.url).pathname },
  bundle: true,
  platform: "node",
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  // Less text to parse and compile at every start (about a third less): whitespace and syntax only,
  // so names stay readable in stack traces (`-v`) and profiles.
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({
  ...common,
  plugins: [englishOnlyZod],
  outdir,
  splitting: true,
  format: "esm",
  chunkNames: "cli-chunk-[hash]",
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __failoverRequire } from 'node:module'; const require = __failoverRequire(import.meta.url);" },
});

// The commands whose start-up is measured and typed most (bench/, issue 22) also get a CommonJS
// bundle of their own: the CLI with that one command, run by bin/code-cache.js through
// vm.Script with V8's code cache, which Node 20 offers to scripts and not to ES modules. Each is
// self-contained (the other commands are left out: the launcher only picks it when that command
// is the one named), ASCII where esbuild can make it so (then read as latin1: no UTF-8 decoding),
// and named by its content's hash, so a cache kept for one build is never offered to another. Other commands, and any
// command named after a global option, run the ES module bundle above.
const CACHED_COMMANDS = ["validate", "check", "status", "__complete"];
/** @type {Record<string, { file: string, encoding: "latin1" | "utf8" }>} */
const manifest = {};
for (const command of CACHED_COMMANDS) {
  const outfile = `${outdir}cli-command-${command}.cjs`;
  await build({
    ...common,
    plugins: [englishOnlyZod, onlyCommand(command)],
    outfile,
    format: "cjs",
    charset: "ascii",
    // The paths computed from import.meta.url ("../package.json", "../config/") resolve from dist/, as in the ES module bundle.
    define: { "import.meta.url": "__failoverUrl" },
    banner: { js: 'var __failoverUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const bytes = readFileSync(outfile);
  const named = `cli-command-${command}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.cjs`;
  renameSync(outfile, outdir + named);
  // esbuild escapes strings but leaves a regular expression's literal characters as written.
  manifest[command] = { file: named, encoding: bytes.some((b) => b > 0x7f) ? "utf8" : "latin1" };
}
writeFileSync(`${outdir}cli-commands.json`, `${JSON.stringify(manifest, null, 2)}\n`);

/** Leaves every command but `keep` out of a bundle: loading one of them there is a bug, said so. */
function onlyCommand(keep) {
  return {
    name: "only-command",
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/[\w-]+\.js$/ }, (args) =>
        args.path === `./commands/${keep.replace(/^__/, "")}.js` || args.path === `./commands/${keep}.js` ? undefined : { path: args.path, namespace: "other-command" },
      );
      b.onLoad({ filter: /.*/, namespace: "other-command" }, (args) => ({
        contents: `throw new Error("failover: ${args.path} is not in the ${keep} bundle (a bug in bin/code-cache.js's choice)");`,
        loader: "js",
      }));
    },
  };
}
