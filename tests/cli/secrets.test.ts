/**
 * A secret that is not set stops only what needs it: `validate` warns with the variable's name
 * and exits 0 (a fork's CI has no secrets), `status` reads that source unknown saying which
 * variable, the other sources are read, and `--assume` needs nothing.
 */
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";
import { startStatusServer } from "../helpers/status-server.js";

async function project() {
  const server = await startStatusServer();
  return tempProject({
    "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - { id: a, channel: graph, at: 2026-07-14T14:00, text: hi }\n",
    "config/failover.yaml": `version: 1
channels:
  graph:
    platform: instagram
    health: [{ kind: http, url: "${server.url}/health", headers: { Authorization: "Bearer \${GRAPH_TOKEN}" } }]
  open: { platform: x, health: [{ kind: statuspage, url: "${server.url}/operational" }] }
`,
  });
}

describe("an unset secret", () => {
  it("is a warning for validate, naming the variable, with exit 0", async () => {
    const dir = await project();
    const r = await runCli(["validate"], { cwd: dir, env: { GRAPH_TOKEN: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toMatch(/config\/failover\.yaml:5:\d+ warning: channels\.graph\.health\[0\]\.headers\.Authorization: environment variable GRAPH_TOKEN is not set; this health source reads unknown until it is set/);
  });

  it("makes only the source that needs it unknown, with the variable's name; --assume needs nothing", { timeout: 120_000 }, async () => {
    const dir = await project();
    const r = await runCli(["status", "--json", "--no-state"], { cwd: dir, env: { GRAPH_TOKEN: undefined } });
    expect(r.code).toBe(0);
    const channels = JSON.parse(r.stdout).channels as Array<{ name: string; status: string; sources: Array<{ error?: string }> }>;
    expect(channels.map((c) => [c.name, c.status, c.sources[0]!.error])).toEqual([
      ["graph", "unknown", "environment variable GRAPH_TOKEN is not set"],
      ["open", "operational", undefined],
    ]);
    const assumed = await runCli(["check", "--assume", "graph=operational", "--now", "2026-07-14T12:00:00Z", "--no-state"], { cwd: dir, env: { GRAPH_TOKEN: undefined } });
    expect(assumed.code).toBe(0);
    const unread = await runCli(["check", "--now", "2026-07-14T12:00:00Z", "--no-state"], { cwd: dir, env: { GRAPH_TOKEN: undefined } });
    expect(unread.code).toBe(5);
    expect(unread.stdout).toMatch(/graph: http 127\.0\.0\.1:\d+: environment variable GRAPH_TOKEN is not set/);
  });
});
