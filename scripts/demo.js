// `npm run demo`: the bundled launch-week demo, offline (recorded status payloads), with the
// clock fixed at launch morning so it always tells the same story. The plan is applied to a copy
// of the calendar in a temp folder (the demo's own files are never changed), then failed back.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const demo = fileURLToPath(new URL("../fixtures/demo/", import.meta.url));
const bin = fileURLToPath(new URL("../bin/failover.js", import.meta.url));
const now = "2026-07-14T08:30:00-04:00";
const copy = mkdtempSync(join(tmpdir(), "failover-demo-"));
cpSync(demo, copy, { recursive: true });

/** @type {Array<[title: string, args: string[], cwd: string]>} */
const steps = [
  ["Is the calendar sound?", ["validate"], demo],
  ["How are the platforms? (recorded status payloads: Instagram is down)", ["status"], demo],
  ["Which posts are at risk, and where would they go? (exit 3 covered, 4 blocked)", ["check"], demo],
  ["The reroute plan, each post rewritten for its backup", ["reroute", "--dry-run"], demo],
  [`Apply it (to a copy in ${copy}): comments and untouched lines stay byte for byte`, ["reroute", "--yes", "-q", "--format", "json"], copy],
  ["Instagram is back: what would return to it", ["failback", "--dry-run", "--assume", "instagram=operational"], copy],
];

let worst = 0;
for (const [title, args, cwd] of steps) {
  process.stdout.write(`\n$ failover ${args.join(" ")}    # ${title}\n`);
  const quietJson = args.includes("--yes");
  const r = spawnSync(process.execPath, [bin, ...args, "--now", now, "--no-state"], { cwd, stdio: ["inherit", quietJson ? "pipe" : "inherit", "inherit"] });
  if (quietJson && r.status !== null && r.status !== 1 && r.status !== 2) {
    const applied = JSON.parse(r.stdout.toString()).applied;
    const before = readFileSync(join(demo, "calendar.yaml"), "utf8").split("\n").length;
    const after = readFileSync(join(copy, "calendar.yaml"), "utf8").split("\n").length;
    process.stdout.write(`applied ${applied.actions} actions to ${join(copy, "calendar.yaml")} (${before} → ${after} lines; the old one is in calendar.yaml.bak)\n`);
  }
  // 3 and 4 are answers (at risk: covered, blocked), not failures of the demo.
  if (r.status === null || r.status === 1 || r.status === 2) worst = Math.max(worst, r.status ?? 1);
  process.stdout.write(`(exit ${r.status})\n`);
}
process.stdout.write(`\nThe demo lives in fixtures/demo (calendar.yaml, config/failover.yaml); try the commands there.\n`);
process.exit(worst);
