// The baseline for planning: a bare yaml.parse of the same calendar, in its own process. Reports
// its peak memory (maxRSS) on stderr; under --expose-gc also the parsed data's own size (what
// stays on the heap once the parse is done), the "parsed size" memory figures are compared to.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const file = process.argv[2];
if (!file) throw new Error("usage: node bench/yaml-parse.js <calendar.yaml>");
const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
gc?.();
const before = process.memoryUsage().heapUsed;
const data = parse(readFileSync(file, "utf8"));
process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
if (gc) {
  gc();
  process.stderr.write(`BENCH_PARSED_KB=${Math.round((process.memoryUsage().heapUsed - before) / 1024)} ${typeof data}\n`);
}
