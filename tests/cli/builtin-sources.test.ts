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

describe("no flapping across runs (state in .failover/state.json)", () => {
  const NOW = ["--now", "2026-07-14T12:00:00Z"];
  const write = (dir: string, states: { meta: string; bluesky: string; slack: string }) =>
    writeFileSync(join(dir, "config/failover.yaml"), channelsOnlyConfig(server().url, states));
  const statuses = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as { channels: Array<{ name: string; status: string }> }).channels.map((c) => [c.name, c.status]));

  it("does not flip a channel on one bad answer, holds it with a note, and flips on the third", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "operational", bluesky: "operational", slack: "operational" }) });
    expect((await runCli(["status", ...NOW], { cwd: dir })).code).toBe(0);
    const state = join(dir, ".failover", "state.json"); // next to the config: the folder holding config/
    expect(JSON.parse(readFileSync(state, "utf8")).channels.instagram).toEqual({ status: "operational", since: "2026-07-14T12:00:00Z" });

    write(dir, { meta: "outage", bluesky: "operational", slack: "operational" });
    const once = await runCli(["status", "--now", "2026-07-14T12:05:00Z"], { cwd: dir });
    expect(once.code).toBe(0);
    expect(once.stdout).toMatch(/^instagram\s+instagram\s+operational\s+meta 127\.0\.0\.1:\d+\s+\d+ ms\s+major outage: Posting: High disruptions\n\s+held\s+held: 1\/3 bad answers \(the sources say major outage since 2026-07-14T12:05:00Z\)$/m);
    const json = await runCli(["status", "instagram", "--json", "--now", "2026-07-14T12:10:00Z"], { cwd: dir });
    expect(JSON.parse(json.stdout).channels[0]).toMatchObject({ status: "operational", held: { raw: "major_outage", since: "2026-07-14T12:05:00Z", count: 2, threshold: 3 } });
    const third = await runCli(["status", "--json", "--now", "2026-07-14T12:15:00Z"], { cwd: dir });
    expect(third.code).toBe(3);
    expect(statuses(third.stdout)).toMatchObject({ instagram: "major_outage", facebook: "operational" });
  });

  it("brings a channel back after two good answers, with its own thresholds from the config", async () => {
    const dir = tempProject({ "config/failover.yaml": channelsOnlyConfig(server().url, { meta: "outage", bluesky: "operational", slack: "operational" }) });
    // First run, no state: the outage seen stands, so a fresh CI checkout still reports it.
    expect(statuses((await runCli(["status", "--json", ...NOW], { cwd: dir })).stdout)).toMatchObject({ instagram: "major_outage", facebook: "partial_outage" });
    write(dir, { meta: "operational", bluesky: "operational", slack: "operational" });
    const at = (t: string) => ["--now", `2026-07-14T${t}:00Z`];
    expect(statuses((await runCli(["status", "--json", ...at("12:05")], { cwd: dir })).stdout)).toMatchObject({ instagram: "major_outage" });
    // A second look seconds later is the same answer, not a second one: still held.
    expect(statuses((await runCli(["status", "--json", ...at("12:05")], { cwd: dir })).stdout)).toMatchObject({ instagram: "major_outage" });
    expect(statuses((await runCli(["status", "--json", ...at("12:10")], { cwd: dir })).stdout)).toMatchObject({ instagram: "operational" });

    const cfg = readFileSync(join(dir, "config/failover.yaml"), "utf8").replace("  instagram: { platform: instagram }", "  instagram: { platform: instagram, failureThreshold: 1 }");
    writeFileSync(join(dir, "config/failover.yaml"), cfg.replace("fx/meta/operational.json", "fx/meta/outage.json"));
    expect(statuses((await runCli(["status", "--json", ...at("12:15")], { cwd: dir })).stdout)).toMatchObject({ instagram: "major_outage", facebook: "operational" });
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
    expect(statuses(assumed.stdout)).toMatchObject({ instagram: "operational", threads: "major_outage" });

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
