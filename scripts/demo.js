// `npm run demo`: the bundled launch-week demo, offline (recorded status payloads), with the
// clock fixed at launch morning so it always tells the same story.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const demo = fileURLToPath(new URL("../fixtures/demo/", import.meta.url));
const bin = fileURLToPath(new URL("../bin/failover.js", import.meta.url));
const now = "2026-07-14T08:30:00-04:00";

const steps = [
  ["Is the calendar sound?", ["validate"]],
  ["How are the platforms? (recorded status payloads: Instagram is down)", ["status"]],
  ["Which posts are at risk, and where would they go? (exit 3 covered, 4 blocked)", ["check"]],
  ["The reroute plan, each post rewritten for its backup", ["reroute", "--dry-run"]],
];

let worst = 0;
for (const [title, args] of steps) {
  process.stdout.write(`\n$ failover ${args.join(" ")}    # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, ...args, "--now", now, "--no-state"], { cwd: demo, stdio: "inherit" });
  // 3 and 4 are answers (at risk: covered, blocked), not failures of the demo.
  if (r.status === null || r.status === 1 || r.status === 2) worst = Math.max(worst, r.status ?? 1);
  process.stdout.write(`(exit ${r.status})\n`);
}
process.stdout.write(`\nThe demo lives in fixtures/demo (calendar.yaml, config/failover.yaml); try the commands there.\n`);
process.exit(worst);
