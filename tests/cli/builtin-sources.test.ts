/**
 * The Done-when scenario for built-in sources: a config naming channels only (no health of its
 * own), with the built-in URLs pointed at a loopback server by `health.mirrors`. Instagram,
 * Facebook and Threads come from one Meta payload, Bluesky from its UptimeRobot page, a Slack
 * webhook from Slack's status API.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";
import { useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

/** Only channel names and platforms; every source is a built-in default, read through mirrors. */
function channelsOnlyConfig(url: string, states: { meta: string; bluesky: string; slack: string; app?: string }): string {
  const app = states.app ?? "/health";
  return `version: 1
health:
  retries: 0
  mirrors:
    "https://metastatus.com/data/orgs.json": "${url}/fx/meta/${states.meta}.json"
    "https://www.instagram.com/": "${url}${app}?"
    "https://www.facebook.com/": "${url}${app}?"
    "https://www.threads.net/": "${url}${app}?"
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
    const before = await server().hits("/fx/meta/outage.json");
    const r = await runCli(["status", "--json", "--now", "2026-07-14T12:00:00Z"], { cwd: dir });
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { channels: Array<{ name: string; status: string; sources: Array<{ kind: string; url: string; detail?: string }> }> };
    expect(doc.channels.map((c) => [c.name, c.status, c.sources.map((s) => s.kind).join()])).toEqual([
      // One Graph API incident: every Meta channel posts through it.
      ["instagram", "major_outage", "meta,http"],
      ["facebook", "major_outage", "meta,http"],
      ["threads", "major_outage", "meta,http"],
      ["bluesky", "partial_outage", "uptimerobot"],
      ["slack", "maintenance", "slack"],
    ]);
    expect(doc.channels[0]!.sources[0]).toMatchObject({ url: `${server().url}/fx/meta/outage.json`, detail: "Graph API: High disruptions" });
    expect(doc.channels[0]!.sources[1]).toMatchObject({ kind: "http", url: `${server().url}/health?`, status: "operational" });
    expect((await server().hits("/fx/meta/outage.json")) - before).toBe(1);
  });

  it("reads all clear when the pages say so", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    const r = await runCli(["status"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^threads\s+threads\s+operational\s+meta 127\.0\.0\.1:\d+\s+\d+ ms\s+graph-api: no known issues\n\s+http 127\.0\.0\.1:\d+\s+\d+ ms\s+HTTP 200$/m);
    expect(r.stdout).toMatch(/^bluesky\s+bluesky\s+operational\s+uptimerobot 127\.0\.0\.1:\d+\s+\d+ ms\s+20 monitors up$/m);
  });
});

describe("no flapping across runs (state in .failover/state.json)", () => {
  const NOW = ["--now", "2026-07-14T12:00:00Z"];
  const write = (dir: string, states: { meta: string; bluesky: string; slack: string; app?: string }) =>
    writeFileSync(join(dir, "config/failover.yaml"), channelsOnlyConfig(server().url, states));
  const statuses = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as { channels: Array<{ name: string; status: string }> }).channels.map((c) => [c.name, c.status]));

  it("takes an outage Meta's status page declares on the first answer, and its end too", { timeout: 120_000 }, async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    expect((await runCli(["status", ...NOW], { cwd: dir })).code).toBe(0);
    const state = join(dir, ".failover", "state.json"); // next to the config: the folder holding config/
    expect(JSON.parse(readFileSync(state, "utf8")).channels.instagram).toEqual({ status: "operational", since: "2026-07-14T12:00:00Z" });

    write(dir, { meta: "outage", bluesky: "operational", slack: "operational" });
    const down = await runCli(["status", "--json", "--now", "2026-07-14T12:05:00Z"], { cwd: dir });
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout).channels[0]).toMatchObject({ name: "instagram", status: "major_outage" });
    expect(JSON.parse(down.stdout).channels[0]).not.toHaveProperty("held");
    write(dir, { meta: "operational", bluesky: "operational", slack: "operational" });
    expect(statuses((await runCli(["status", "--json", "--now", "2026-07-14T12:10:00Z"], { cwd: dir })).stdout)).toMatchObject({ instagram: "operational" });
  });

  it("holds the built-in app probe to the thresholds while the Graph API's status is fine", { timeout: 120_000 }, async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    expect((await runCli(["status", ...NOW], { cwd: dir })).code).toBe(0);
    write(dir, { meta: "operational", bluesky: "operational", slack: "operational", app: "/error500" });
    const r = await runCli(["status", "--json", "--now", "2026-07-14T12:05:00Z"], { cwd: dir });
    const instagram = (JSON.parse(r.stdout) as { channels: Array<{ name: string; status: string; sources: Array<{ kind: string; status: string }> }> }).channels[0]!;
    expect(instagram.sources.map((s) => [s.kind, s.status])).toEqual([["meta", "operational"], ["http", "major_outage"]]);
    // One bad probe answer after healthy runs is not an outage yet: 1/3.
    expect(instagram.status).toBe("operational");
    expect(instagram).toMatchObject({ held: { raw: "major_outage", count: 1, threshold: 3 } });
  });

  it("holds a probe's answer to the thresholds: back after two good answers, with a channel's own thresholds from the config", { timeout: 180_000 }, async () => {
    const probe = (path: string, extra = "") => `version: 1\nhealth: { retries: 0 }\nchannels:\n  site: { platform: webhook${extra}, health: [{ kind: http, url: "${server().url}${path}" }] }\n`;
    const dir = tempProject({ "config/failover.yaml": probe("/error500") });
    const cfg = join(dir, "config/failover.yaml");
    // First run, no state: the outage seen stands, so a fresh CI checkout still reports it.
    expect(statuses((await runCli(["status", "--json", ...NOW], { cwd: dir })).stdout)).toMatchObject({ site: "major_outage" });
    writeFileSync(cfg, probe("/health"));
    const at = (t: string) => ["--now", `2026-07-14T${t}:00Z`];
    const held = await runCli(["status", ...at("12:05")], { cwd: dir });
    expect(held.stdout).toMatch(/held: 1\/2 good answers \(the sources say operational since 2026-07-14T12:05:00Z\)/);
    // A second look seconds later is the same answer, not a second one: still held.
    expect(statuses((await runCli(["status", "--json", ...at("12:05")], { cwd: dir })).stdout)).toMatchObject({ site: "major_outage" });
    expect(statuses((await runCli(["status", "--json", ...at("12:10")], { cwd: dir })).stdout)).toMatchObject({ site: "operational" });
    writeFileSync(cfg, probe("/error500", ", failureThreshold: 1"));
    expect(statuses((await runCli(["status", "--json", ...at("12:15")], { cwd: dir })).stdout)).toMatchObject({ site: "major_outage" });
  });

  it("bypasses the thresholds with --assume and --no-state, and rebuilds a corrupt state with a warning", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    await runCli(["status", ...NOW], { cwd: dir });
    write(dir, { meta: "outage", bluesky: "operational", slack: "operational" });
    const state = join(dir, ".failover", "state.json"); // next to the config: the folder holding config/
    const before = readFileSync(state, "utf8");
    const oneOff = await runCli(["status", "--json", "--no-state", ...NOW], { cwd: dir });
    expect(statuses(oneOff.stdout)).toMatchObject({ instagram: "major_outage" });
    expect(readFileSync(state, "utf8")).toBe(before);
    const assumed = await runCli(["status", "--json", "--assume", "threads=major_outage", ...NOW], { cwd: dir });
    expect(statuses(assumed.stdout)).toMatchObject({ instagram: "major_outage", threads: "major_outage" });
    // The simulated channel neither read nor changed its state.
    expect(JSON.parse(readFileSync(state, "utf8")).channels.threads).toEqual(JSON.parse(before).channels.threads);

    writeFileSync(state, "{ half a file");
    const rebuilt = await runCli(["status", "--json", ...NOW], { cwd: dir });
    expect(rebuilt.stderr).toMatch(/warning: .*state\.json: the health state is not JSON; it is rebuilt from this run/);
    expect(statuses(rebuilt.stdout)).toMatchObject({ instagram: "major_outage" });
    expect(JSON.parse(readFileSync(state, "utf8")).version).toBe(1);
  });

  it("keeps the state where --state says, else next to the config for check too", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    await runCli(["status", "--state", "ci/health.json", ...NOW], { cwd: dir });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, "ci/health.json"), "utf8")).channels)).toEqual(["instagram", "facebook", "threads", "bluesky", "slack"]);
    writeFileSync(join(dir, "calendar.yaml"), "version: 1\ntimezone: UTC\nposts:\n  - { id: a, channel: instagram, at: 2026-07-14T13:00, text: hi, media: [{ path: a.jpg, kind: image }], backups: [facebook] }\n");
    writeFileSync(join(dir, "a.jpg"), "");
    write(dir, { meta: "outage", bluesky: "operational", slack: "operational" });
    const check = await runCli(["check", ...NOW], { cwd: dir });
    // No state there yet (status wrote to --state): a first run, so the outage stands.
    expect(check.stdout).toMatch(/^instagram\s+instagram\s+major outage/m);
    expect(JSON.parse(readFileSync(join(dir, ".failover", "state.json"), "utf8")).channels.instagram.status).toBe("major_outage");
  });
});
