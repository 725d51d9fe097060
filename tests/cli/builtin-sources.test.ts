/**
 * The Done-when scenario for built-in sources: a config naming channels only (no health of its
 * own), with the built-in URLs pointed at a loopback server by `health.mirrors`. Instagram,
 * Facebook and Threads come from one Meta payload, Bluesky from its UptimeRobot page, a Slack
 * webhook from Slack's status API.
 */
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";
import { useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

/** Only channel names and platforms; every source is a built-in default, read through mirrors. */
function channelsOnlyConfig(url: string, states: { meta: string; bluesky: string; slack: string }): string {
  return `version: 1
health:
  retries: 0
  mirrors:
    "https://metastatus.com/data/orgs.json": "${url}/fx/meta/${states.meta}.json"
    "https://status.bsky.app/api/getMonitorList/": "${url}/fx/uptimerobot/${states.bluesky}.json?key="
    "https://slack-status.com/": "${url}/fx/slack/${states.slack}.json?"
channels:
  instagram: { platform: instagram }
  facebook: { platform: facebook }
  threads: { platform: threads }
  bluesky: { platform: bluesky }
  slack: { platform: webhook }
`;
}

describe("built-in status sources, out of the box", () => {
  it("reads Instagram, Facebook and Threads from one Meta payload, Bluesky and Slack from theirs", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "outage", bluesky: "outage", slack: "maintenance" }) });
    const before = server().hits.get("/fx/meta/outage.json") ?? 0;
    const r = await runCli(["status", "--json", "--now", "2026-07-14T12:00:00Z"], { cwd: dir });
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { channels: Array<{ name: string; status: string; sources: Array<{ kind: string; url: string; detail?: string }> }> };
    expect(doc.channels.map((c) => [c.name, c.status, c.sources.map((s) => s.kind).join()])).toEqual([
      ["instagram", "major_outage", "meta"],
      ["facebook", "partial_outage", "meta"],
      ["threads", "operational", "meta"],
      ["bluesky", "partial_outage", "uptimerobot"],
      ["slack", "maintenance", "slack"],
    ]);
    expect(doc.channels[0]!.sources[0]).toMatchObject({ url: `${server().url}/fx/meta/outage.json`, detail: "Posting: High disruptions" });
    expect((server().hits.get("/fx/meta/outage.json") ?? 0) - before).toBe(1);
  });

  it("reads all clear when the pages say so", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    const r = await runCli(["status"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^threads\s+threads\s+operational\s+meta 127\.0\.0\.1:\d+\s+\d+ ms\s+Threads: No known issues$/m);
    expect(r.stdout).toMatch(/^bluesky\s+bluesky\s+operational\s+uptimerobot 127\.0\.0\.1:\d+\s+\d+ ms\s+20 monitors up$/m);
  });
});
