import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
const ROOT = process.cwd();
const fake = spawn(process.execPath, [join(ROOT, "tests", "fakes", "platforms.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const { http } = JSON.parse(await new Promise((r) => createInterface({ input: fake.stdout }).once("line", r)));
await fetch(`${http}/__faults`, { method: "POST", body: JSON.stringify({ latencyMs: Number(process.env.LAT ?? 250) }) });
const work = mkdtempSync(join(tmpdir(), "pp-"));
const env = { ...process.env, BLUESKY_APP_PASSWORD: "app-pass-1234", MASTODON_TOKEN: "masto-token-5678", CI: "true" };
for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
const prefix = `f${run}`; const dir = join(work, prefix); mkdirSync(join(dir, "config"), { recursive: true });
const manual = "health: [{ kind: manual, status: operational }]";
writeFileSync(join(dir, "config", "failover.yaml"), `version: 1
channels:
  bluesky: { platform: bluesky, ${manual}, publish: { service: "${http}/bsky", identifier: acme.test, password: "\${BLUESKY_APP_PASSWORD}" } }
  mastodon: { platform: mastodon, ${manual}, publish: { instance: "${http}/masto", token: "\${MASTODON_TOKEN}" } }
  team: { platform: webhook, ${manual}, publish: { url: "${http}/slack/T000/B000/secret-slack-hook", format: slack } }
  hook: { platform: webhook, ${manual}, publish: { url: "${http}/hook/json", format: slack } }
`);
const posts = [];
for (const channel of ["bluesky", "mastodon", "team", "hook"]) for (let i = 0; i < 50; i++) posts.push(`  - { id: ${prefix}-${channel}-${i}, channel: ${channel}, at: "2026-07-14T10:00", text: "Post ${i} on ${channel}: the bench's text, with a link https://acme.example/${i}" }`);
writeFileSync(join(dir, "calendar.yaml"), `version: 1\ntimezone: UTC\nposts:\n${posts.join("\n")}\n`);
const pre = (process.env.PRE ?? "").split(" ").filter(Boolean);
let t = performance.now();
const r = spawnSync(process.execPath, [...pre, join(ROOT, "bin/failover.js"), "publish", "--yes", "-q", "--now", "2026-07-14T10:10:00Z", "--concurrency", "4"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
const f = performance.now() - t; t = performance.now();
spawnSync(process.execPath, [join(ROOT, "bench", "publish-direct.js"), http, `d${run}`, "50", "4"], { env, stdio: "inherit" });
console.log(`exit ${r.status} failover ${f.toFixed(0)} ms direct ${(performance.now() - t).toFixed(0)} ms`);
}
fake.kill();
