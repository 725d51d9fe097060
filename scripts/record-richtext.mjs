// Records the official @atproto/api RichText facets for the texts in
// fixtures/bluesky/richtext-cases.json into fixtures/bluesky/richtext-official.json, which
// tests/publish/bluesky-richtext.test.ts compares failover's own facets against.
// @atproto/api is not a dependency (it wants Node 22 and is 26 MB): run this where it is installed,
//   mkdir /tmp/atp && cd /tmp/atp && npm i @atproto/api && node <repo>/scripts/record-richtext.mjs <repo>
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const repo = process.argv[2] ?? process.cwd();
const require = createRequire(join(process.cwd(), "noop.js"));
const api = await import(pathToFileURL(require.resolve("@atproto/api")).href);
const version = JSON.parse(readFileSync(join(process.cwd(), "node_modules/@atproto/api/package.json"), "utf8")).version;
const cases = JSON.parse(readFileSync(join(repo, "fixtures/bluesky/richtext-cases.json"), "utf8"));
const out = cases.map((text) => {
  const rt = new api.RichText({ text });
  rt.detectFacetsWithoutResolution();
  // Only what the record carries: the index and the features.
  return { text, facets: (rt.facets ?? []).map((f) => ({ index: f.index, features: f.features.map(({ $type, ...rest }) => ({ $type, ...rest })) })) };
});
writeFileSync(join(repo, "fixtures/bluesky/richtext-official.json"), JSON.stringify({ source: `@atproto/api ${version} RichText#detectFacetsWithoutResolution`, cases: out }, null, 2) + "\n");
console.log(`recorded ${out.length} cases with @atproto/api ${version}`);
