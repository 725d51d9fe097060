#!/usr/bin/env node
// `failover publish` of 200 due posts (50 on each of Bluesky, Mastodon, a Slack webhook and a JSON
// webhook) to the loopback fakes (tests/fakes/platforms.mjs, answering after 100 ms like a real
// API), against the same HTTP calls made directly (bench/publish-direct.js), both as processes,
// both with 4 posts per channel at once and channels in parallel. The ratio is the cost of
// everything failover adds: loading, health, rendering, the fsynced journal, the write-back.
// Run alone (`node bench/publish.js`, after `npm run build`) or from bench/run.js.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "failover.js");
const PER_CHANNEL = 50;
const CONCURRENCY = 4;
// About what bsky.social and mastodon.social take to create a post; the fixed costs (start-up, loading,
// the write-back) then weigh as they do in real use.
const LATENCY_MS = 250;

function timed(args, options = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`${args.join(" ")} exited ${code}: ${err}`))));
  });
}

function project(work, base, prefix) {
  const dir = join(work, prefix);
  mkdirSync(join(dir, "config"), { recursive: true });
  const manual = "health: [{ kind: manual, status: operational }]";
  writeFileSync(join(dir, "config", "failover.yaml"), `version: 1
channels:
  bluesky: { platform: bluesky, ${manual}, publish: { service: "${base}/bsky", identifier: acme.test, password: "\${BLUESKY_APP_PASSWORD}" } }
  mastodon: { platform: mastodon, ${manual}, publish: { instance: "${base}/masto", token: "\${MASTODON_TOKEN}" } }
  team: { platform: webhook, ${manual}, publish: { url: "${base}/slack/T000/B000/secret-slack-hook", format: slack } }
  hook: { platform: webhook, ${manual}, publish: { url: "${base}/hook/json", format: slack } }
`);
  const posts = [];
  for (const channel of ["bluesky", "mastodon", "team", "hook"]) {
    for (let i = 0; i < PER_CHANNEL; i++) posts.push(`  - { id: ${prefix}-${channel}-${i}, channel: ${channel}, at: "2026-07-14T10:00", text: "Post ${i} on ${channel}: the bench's text, with a link https://acme.example/${i}" }`);
  }
  writeFileSync(join(dir, "calendar.yaml"), `version: 1\ntimezone: UTC\nposts:\n${posts.join("\n")}\n`);
  return dir;
}

export async function benchPublish({ runs = 3 } = {}) {
  const fake = spawn(process.execPath, [join(ROOT, "tests", "fakes", "platforms.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const { http } = JSON.parse(await new Promise((r) => createInterface({ input: fake.stdout }).once("line", r)));
  await fetch(`${http}/__faults`, { method: "POST", body: JSON.stringify({ latencyMs: LATENCY_MS }) });
  const work = mkdtempSync(join(tmpdir(), "failover-bench-publish-"));
  const env = { ...process.env, BLUESKY_APP_PASSWORD: "app-pass-1234", MASTODON_TOKEN: "masto-token-5678", CI: "true" };
  const failover = [];
  const direct = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Fresh ids each run, so both sides create new posts (never a repeat the fakes answer differently).
      const dir = project(work, http, `f${i}`);
      failover.push(await timed([BIN, "publish", "--yes", "-q", "--now", "2026-07-14T10:10:00Z", "--concurrency", String(CONCURRENCY)], { cwd: dir, env }));
      direct.push(await timed([join(ROOT, "bench", "publish-direct.js"), http, `d${i}`, String(PER_CHANNEL), String(CONCURRENCY)], { env }));
    }
  } finally {
    fake.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { failoverMs: median(failover), directMs: median(direct), posts: PER_CHANNEL * 4, latencyMs: LATENCY_MS, concurrency: CONCURRENCY, runs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchPublish({ runs: process.argv.includes("--quick") ? 1 : 3 });
  const ratio = r.failoverMs / r.directMs;
  const line = `| publish ${r.posts} due posts to the fakes (${r.latencyMs} ms an answer, ${r.concurrency} at once per channel) / the same HTTP calls made directly | ${ratio.toFixed(2)} x (${r.failoverMs.toFixed(0)} ms vs ${r.directMs.toFixed(0)} ms) | ≤ 1.5x | ${ratio <= 1.5 ? "yes" : "**no**"} |`;
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const load = (loadavg()[0] ?? 0).toFixed(1);
  writeFileSync(join(ROOT, "bench", "results", "publish.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAverage: Number(load), ...r, ratio }, null, 2) + "\n");
  writeFileSync(join(ROOT, "bench", "results", "publish.md"), `Medians of ${r.runs} runs, Node ${process.version}, load average ${load} when measured.\n\n| figure | value | target | holds |\n| --- | --- | --- | --- |\n${line}\n`);
  process.stdout.write(`${line}\nwrote bench/results/publish.json and publish.md\n`);
  process.exitCode = ratio <= 1.5 ? 0 : 1;
}
