// Runs the CLI in this process and reports its peak resident memory (maxRSS) on stderr, so the
// benchmark measures the real code path without a platform-specific `time -v`.
import { main } from "../dist/cli/main.js";

const code = await main(["node", "failover", ...process.argv.slice(2)]);
process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
