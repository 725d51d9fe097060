#!/usr/bin/env node
/**
 * Writes src/text/tlds.ts from the twitter-text package's own top-level domain lists
 * (dist/esm/regexp/validGTLD.js and validCCTLD.js), in the package's order: X finds links
 * with exactly these, so the tool must too. Run after upgrading twitter-text:
 *   node scripts/tlds-from-twitter-text.js
 * tests/text/tlds.test.ts compares the checked-in copy with the package, whole.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

/** The alternatives of one of twitter-text's TLD regexps, in order. */
export function twitterTextTlds(name) {
  const dir = dirname(require.resolve("twitter-text/package.json"));
  const source = readFileSync(join(dir, "dist", "esm", "regexp", `${name}.js`), "utf8");
  const body = source.match(/RegExp\('\(\?:\(\?:'\s*\+([\s\S]*?)\+\s*'\)\(\?=/);
  if (!body) throw new Error(`twitter-text ${name}.js: the TLD alternation was not found`);
  const joined = [...(body[1] ?? "").matchAll(/'([^']*)'/g)].map((m) => m[1]).join("");
  return joined.split("|").filter(Boolean);
}

const version = JSON.parse(readFileSync(join(dirname(require.resolve("twitter-text/package.json")), "package.json"), "utf8")).version;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wrap = (list) => {
    const lines = [];
    let line = "";
    for (const tld of list) {
      if (line.length + tld.length + 1 > 110) {
        lines.push(line);
        line = "";
      }
      line += (line ? " " : "") + tld;
    }
    if (line) lines.push(line);
    return lines.join("\n");
  };
  const out = `/**
 * The top-level domains X links, generated from twitter-text ${version}'s own data
 * (dist/esm/regexp/validGTLD.js and validCCTLD.js) by scripts/tlds-from-twitter-text.js, in the
 * package's order (a regexp alternation: the first that matches wins). Do not edit by hand:
 * tests/text/tlds.test.ts compares this copy with the package, whole.
 */
const GTLDS = \`
${wrap(twitterTextTlds("validGTLD"))}
\`;

const CCTLDS = \`
${wrap(twitterTextTlds("validCCTLD"))}
\`;

const split = (list: string): string[] => list.split(/\\s+/).filter(Boolean);

/** Generic, then country-code TLDs, in twitter-text's order. */
export const TWITTER_TEXT_TLDS: { readonly generic: readonly string[]; readonly country: readonly string[] } = {
  generic: split(GTLDS),
  country: split(CCTLDS),
};
`;
  writeFileSync(join(root, "src", "text", "tlds.ts"), out);
  console.log(`src/text/tlds.ts: ${twitterTextTlds("validGTLD").length} generic and ${twitterTextTlds("validCCTLD").length} country-code TLDs from twitter-text ${version}`);
}
