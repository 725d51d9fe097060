// Bundles the CLI (dist/cli/main.js and everything it imports, dependencies included) into
// dist/cli.js plus one chunk per lazily loaded command. Why: on Node 20, start-up is dominated by
// resolving and loading a few hundred small ES modules (zod, yaml, our own); one bundle loads in a
// fraction of that (see bench/). The library entry (dist/index.js) stays unbundled for importers.
// The bundle sits directly in dist/, like the tsc output's top level, so paths computed from
// import.meta.url ("../package.json", "../config/") resolve the same way in both.
import { build } from "esbuild";
import { rmSync, readdirSync } from "node:fs";

const outdir = new URL("../dist/", import.meta.url).pathname;
for (const f of readdirSync(outdir)) if (/^cli(-chunk-[A-Z0-9]+)?\.js$/.test(f)) rmSync(outdir + f);

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

await build({
  plugins: [englishOnlyZod],
  entryPoints: { cli: new URL("../dist/cli/main.js", import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "cli-chunk-[hash]",
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __failoverRequire } from 'node:module'; const require = __failoverRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
  // Less text to parse and compile at every start (about a third less): whitespace and syntax only,
  // so names stay readable in stack traces (`-v`) and profiles.
  minifyWhitespace: true,
  minifySyntax: true,
});
