/** `failover status` through the real bin, against a loopback server playing the platforms. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnCli, tempProject } from "../helpers/cli.js";
import { startStatusServer, type StatusServer } from "../helpers/status-server.js";

let server: StatusServer;
beforeAll(async () => {
  server = await startStatusServer();
});
afterAll(() => server.close());

const config = (url: string) => `version: 1
health: { timeout: 1s, deadline: 5s, retries: 0 }
channels:
  instagram:
    platform: instagram
    health: [{ kind: statuspage, url: "${url}/outage", components: [Feed] }]
  x:
    platform: x
    health: [{ kind: statuspage, url: "${url}/slow-summary" }, { kind: http, url: "${url}/slow", degradedAfter: 200ms }]
  linkedin:
    platform: linkedin
    health: [{ kind: http, url: "${url}/hang" }]
`;

describe("failover status", () => {
  it("reads Instagram down, X slow and a hanging probe, within the time limit", async () => {
    const dir = tempProject({ "config/failover.yaml": config(server.url) });
    const started = performance.now();
    // A process of its own: its exit is part of "within the time limit".
    const r = await spawnCli(["status"], { cwd: dir });
    // The hang ends at its 1 s timeout (and a retry): far under 20 s even with a loaded machine's start-up; a hang would reach the kill.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^channel\s+platform\s+status\s+source\s+latency\s+answer$/);
    expect(r.stdout).toMatch(/instagram\s+instagram\s+major outage\s+statuspage 127\.0\.0\.1:\d+\s+\d+ ms\s+Feed: major_outage/);
    expect(r.stdout).toMatch(/x\s+x\s+degraded\s+statuspage 127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/http 127\.0\.0\.1:\d+\s+\d+ ms\s+answered in \d+ ms, slower than 200 ms/);
    expect(r.stdout).toMatch(/linkedin\s+linkedin\s+unknown\s+http 127\.0\.0\.1:\d+\s+\d+ ms\s+timed out after 1000 ms/);
    expect(r.stderr).toMatch(/warning: linkedin: health unknown \(http 127\.0\.0\.1:\d+: timed out after 1000 ms\)/);
  });

  it("gives the contract's JSON, names the channels asked for, and counts unknown as down with --strict", async () => {
    const dir = tempProject({ "config/failover.yaml": config(server.url) });
    const r = await runCli(["status", "linkedin", "--json", "--now", "2026-07-14T12:00:00Z"], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, now: "2026-07-14T12:00:00Z", channels: [{ name: "linkedin", platform: "linkedin", status: "unknown" }] });
    expect(doc.channels[0].sources[0]).toMatchObject({ kind: "http", url: `${server.url}/hang`, status: "unknown", error: "timed out after 1000 ms" });
    expect(typeof doc.channels[0].sources[0].latencyMs).toBe("number");
    expect((await runCli(["status", "linkedin", "--strict"], { cwd: dir })).code).toBe(3);
  });

  it("answers from --assume with nothing listening at all", async () => {
    const dir = tempProject({ "config/failover.yaml": "version: 1\nchannels:\n  instagram: { platform: instagram, health: [{ kind: http, url: \"http://127.0.0.1:9/\" }] }\n" });
    const r = await runCli(["status", "--assume", "instagram=major_outage", "--json"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).channels).toEqual([{ name: "instagram", platform: "instagram", status: "major_outage", assumed: true, sources: [] }]);
    const bare = await runCli(["status", "x", "--assume", "x=operational"], { cwd: tempProject() });
    expect(bare.code).toBe(0);
  });

  it("refuses an unknown channel with a did-you-mean, exit 2", async () => {
    const dir = tempProject({ "config/failover.yaml": config(server.url) });
    const r = await runCli(["status", "instagarm"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no channel "instagarm".*did you mean "instagram"/);
    const a = await runCli(["status", "--assume", "linkdin=major_outage"], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--assume: no channel "linkdin".*did you mean "linkedin"/);
  });

  it("never prints a secret, even with -v and an echoing server", async () => {
    const dir = tempProject({
      "config/failover.yaml": `version: 1\nchannels:\n  c: { platform: webhook, health: [{ kind: statuspage, url: "${server.url}/auth", headers: { Authorization: "Bearer x-\${TOKEN}" } }] }\n`,
    });
    for (const args of [["status", "-v"], ["status", "--json", "-v"], ["status", "--format", "github", "-v"]]) {
      const r = await runCli(args, { cwd: dir, env: { TOKEN: "s3cr3t-token-value" } });
      expect(r.stdout + r.stderr).not.toContain("s3cr3t-token-value");
    }
  });
});
