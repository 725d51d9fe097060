// `npm run demo`: the bundled launch-week demo, offline (recorded status payloads), with the
// clock fixed at launch morning so it always tells the same story. The plan is applied to a copy
// of the calendar in a temp folder (the demo's own files are never changed), then failed back.
// Every line under a `$ failover …` heading is what that command prints, as you would see it
// running it yourself; `(exit N)` is its exit code (see the README's exit-code table).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const demo = fileURLToPath(new URL("../fixtures/demo/", import.meta.url));
const bin = fileURLToPath(new URL("../bin/failover.js", import.meta.url));
const now = "2026-07-14T08:30:00-04:00";
const copy = mkdtempSync(join(tmpdir(), "failover-demo-"));
cpSync(demo, copy, { recursive: true });

// --no-state: a demo remembers nothing between runs, and writes nothing into fixtures/demo.
/** @type {Array<[title: string, args: string[], cwd: string]>} */
const steps = [
  ["Is the calendar sound?", ["validate"], demo],
  ["How are the platforms? (recorded status payloads: Instagram is down; exit 3: a channel is down)", ["status"], demo],
  ["Which posts are at risk, and where would they go? (exit 3 covered, 4 blocked)", ["check"], demo],
  ["The reroute plan, each post rewritten for its backup (exit 4: one post stays blocked after it)", ["reroute", "--dry-run"], demo],
  [`Apply it, in a copy of the demo (${copy}): comments and untouched lines stay byte for byte`, ["reroute", "--yes"], copy],
  ["The calendar now: stand-ins beside their originals, the notices, the delayed post", ["list"], copy],
  ["Instagram is back: what would return to it", ["failback", "--dry-run", "--assume", "instagram=operational"], copy],
];

let worst = 0;
for (const [title, args, cwd] of steps) {
  const full = [...args, "--now", now, "--no-state"];
  process.stdout.write(`\n$ failover ${full.join(" ")}    # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, ...full], { cwd, stdio: "inherit" });
  // 3 and 4 are answers (at risk: covered, blocked), not failures of the demo.
  if (r.status === null || r.status === 1 || r.status === 2) worst = Math.max(worst, r.status ?? 1);
  process.stdout.write(`(exit ${r.status})\n`);
}
rmSync(copy, { recursive: true, force: true });
process.stdout.write(`\nThe demo lives in fixtures/demo (calendar.yaml, config/failover.yaml); try the commands there.\n`);
process.exit(worst);
