/**
 * `failover preview` and `failover platforms` through the real bin. The Done-when scenario: a
 * 1,500-character Instagram caption (emoji, Japanese, mentions, hashtags, "link in bio", a long
 * UTM link) previews for X, Bluesky, Mastodon, Threads and LinkedIn as texts or threads each
 * platform accepts as is, with the right handles and the link whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mastodonLength, threadsLength } from "../../src/text/count.js";
import { ROOT, runCli } from "../helpers/cli.js";

const twitter = createRequire(import.meta.url)("twitter-text") as { parseTweet(t: string): { weightedLength: number; valid: boolean } };
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (t: string): number => [...segmenter.segment(t)].length;

const FILES = ["-c", "fixtures/calendars/launch/calendar.yaml", "--config", "fixtures/calendars/launch/failover.yaml"];
const LINK = "https://shop.acme.com/summer-bottle?utm_source=instagram&utm_medium=social&utm_campaign=summer_launch_2026&utm_content=caption_link_v2";

interface Target {
  channel: string;
  platform: string;
  ok: boolean;
  text: string;
  thread?: string[];
  length: { used: number; limit: number; unit: string };
  problems: string[];
}

/** Each platform's acceptance, checked independently of the code under test where a reference exists. */
const ACCEPTS: Record<string, (post: string) => boolean> = {
  x: (p) => twitter.parseTweet(p).valid,
  bluesky: (p) => graphemes(p) <= 300 && Buffer.byteLength(p) <= 3000,
  mastodon: (p) => mastodonLength(p) <= 500,
  threads: (p) => threadsLength(p) <= 500,
  linkedin: (p) => p.length <= 3000,
};

describe("failover preview", () => {
  it("previews the 1,500-character Instagram caption for X, Bluesky, Mastodon, Threads and LinkedIn", async () => {
    const r = await runCli(["preview", "summer-launch", ...FILES, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; postId: string; targets: Target[] };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.postId).toBe("summer-launch");
    expect(doc.targets.map((t) => t.channel)).toEqual(["x", "bluesky", "mastodon", "threads", "linkedin"]);
    for (const t of doc.targets) {
      expect(t.ok, `${t.channel}: ${t.problems.join("; ")}`).toBe(true);
      const posts = t.thread ?? [t.text];
      for (const p of posts) expect(ACCEPTS[t.platform]!(p), `${t.channel} would refuse:\n${p}`).toBe(true);
      // The campaign tag follows the post: utm_source names the platform it goes out on.
      const link = LINK.replace("utm_source=instagram", `utm_source=${t.platform}`);
      expect(posts.filter((p) => p.includes(link)), `${t.channel}: the link whole, once, retagged`).toHaveLength(1);
      const all = posts.join("\n");
      expect(all).not.toMatch(/link in bio/i);
      expect(all).not.toContain("@tokyo_popup");
      expect(all).toContain("東京のみなさん");
    }
    const text = (channel: string): string => {
      const t = doc.targets.find((x) => x.channel === channel)!;
      return (t.thread ?? [t.text]).join("\n");
    };
    expect(text("x")).toContain("@mayadesigns");
    expect(text("x")).toContain("@acme_hq");
    expect(text("bluesky")).toContain("@maya.bsky.social");
    expect(text("bluesky")).toContain("@acme.bsky.social");
    expect(text("mastodon")).toContain("@acme@mastodon.social");
    expect(text("linkedin")).toContain("Maya Tanaka");
    expect(doc.targets.find((t) => t.channel === "x")!.thread!.length).toBeGreaterThan(1);
    expect(doc.targets.find((t) => t.channel === "linkedin")!.thread).toBeUndefined();
  });

  it("prints a summary and each target's text with its count", async () => {
    const r = await runCli(["preview", "summer-launch", ...FILES, "--to", "x", "--to", "linkedin"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^channel\s+platform\s+ok\s+length/m);
    expect(r.stdout).toMatch(/^x\s+x\s+yes\s+\d+\/280 weighted\s+thread of \d+/m);
    expect(r.stdout).toMatch(/── x \(X\)\s+✓ ok/);
    expect(r.stdout).toMatch(/post 1 of \d+, \d+ weighted:/);
    expect(r.stdout).toMatch(/^linkedin\s+linkedin\s+yes\s+\d+\/3000 characters\s+one post/m);
    expect(r.stdout).not.toContain("bluesky");
  });

  it("shows what a target lacks, and a hand-written variant", async () => {
    const r = await runCli(["preview", "teaser", ...FILES, "--json"]);
    const doc = JSON.parse(r.stdout) as { targets: Array<Target & { from: string; link?: string }> };
    const instagram = doc.targets.find((t) => t.channel === "instagram")!;
    expect(instagram.ok).toBe(false);
    expect(instagram.problems).toEqual(["Instagram needs an image or a video; the post has no media"]);
    expect(instagram.link).toBe("https://acme.com/launch");
    const newsletter = doc.targets.find((t) => t.channel === "newsletter")!;
    expect(newsletter.from).toBe("variant");
    expect(newsletter.text).toBe("Tomorrow we launch the Summer Bottle. Read more at https://acme.com/launch");
  });

  it("exits 2 with a did-you-mean for an unknown post or channel", async () => {
    const post = await runCli(["preview", "summer-lanch", ...FILES]);
    expect(post.code).toBe(2);
    expect(post.stderr).toContain('no post "summer-lanch"');
    expect(post.stderr).toContain('did you mean "summer-launch"?');
    const channel = await runCli(["preview", "summer-launch", "--to", "blusky", ...FILES]);
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain('--to: no channel "blusky"');
    expect(channel.stderr).toContain('did you mean "bluesky"?');
    expect(channel.stdout).toBe("");
  });
});

describe("failover platforms", () => {
  it("lists every platform's rules in a table", async () => {
    const r = await runCli(["platforms"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^x\s+280 weighted/m);
    expect(r.stdout).toMatch(/^bluesky\s+300 graphemes/m);
    expect(r.stdout).toMatch(/^instagram\s+2200 characters.*needs media.*not clickable/m);
    expect(r.stdout).toContain("How each counts");
  });

  it("prints the rules as JSON, with their sources", async () => {
    const r = await runCli(["platforms", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; platforms: Array<{ platform: string; text: { limit: number; unit: string }; sources: string[] }> };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.platforms.map((p) => p.platform)).toEqual(["instagram", "facebook", "threads", "x", "bluesky", "mastodon", "linkedin", "tiktok", "pinterest", "youtube", "email", "webhook"]);
    expect(doc.platforms.find((p) => p.platform === "mastodon")!.text).toEqual({ limit: 500, unit: "graphemes", counting: expect.any(String) });
    for (const p of doc.platforms) expect(p.sources.length).toBeGreaterThan(0);
  });

  it("shows the rules as published today: Pinterest 800, Instagram 5 hashtags, YouTube in bytes, alt-text limits", async () => {
    const doc = JSON.parse((await runCli(["platforms", "--json"])).stdout) as {
      platforms: Array<{ platform: string; text: { limit: number; unit: string; refuses?: string[] }; hashtags: { max?: number }; links: { maxInText?: number }; media: { altLimit?: { limit: number; unit: string; kinds?: string[] } } }>;
    };
    const p = Object.fromEntries(doc.platforms.map((x) => [x.platform, x]));
    expect(p.pinterest!.text).toMatchObject({ limit: 800, unit: "characters" });
    expect(p.instagram!.hashtags.max).toBe(5);
    expect(p.youtube!.text).toMatchObject({ limit: 5000, unit: "bytes", refuses: ["<", ">"] });
    expect(p.threads!.links.maxInText).toBe(5);
    expect(p.x!.media.altLimit).toEqual({ limit: 1000, unit: "characters" });
    expect(p.mastodon!.media.altLimit).toEqual({ limit: 1500, unit: "characters" });
    expect(p.pinterest!.media.altLimit).toEqual({ limit: 500, unit: "characters" });
    expect(p.bluesky!.media.altLimit).toEqual({ limit: 1000, unit: "graphemes", kinds: ["video"] });
  });

  it("shows where each platform's health is read when a channel names no source", async () => {
    const table = await runCli(["platforms"]);
    expect(table.stdout).toContain("Health, when a channel names no source");
    expect(table.stdout).toMatch(/^ {2}threads: meta "graph-api" from https:\/\/metastatus\.com\/data\/orgs\.json; http https:\/\/www\.threads\.net\/$/m);
    expect(table.stdout).toMatch(/^ {2}tiktok: none: health is unknown unless the config names a source or --assume sets it\n {4}TikTok publishes no machine-readable status\.$/m);
    const doc = JSON.parse((await runCli(["platforms", "--json"])).stdout) as { platforms: Array<{ platform: string; health: { sources: Array<{ kind: string }>; note?: string } }> };
    const health = Object.fromEntries(doc.platforms.map((p) => [p.platform, p.health]));
    expect(health.bluesky!.sources.map((s) => s.kind)).toEqual(["uptimerobot"]);
    expect(health.webhook).toMatchObject({ sources: [{ kind: "slack" }], note: expect.stringMatching(/Discord/) });
    expect(health.youtube).toMatchObject({ sources: [], note: expect.any(String) });
  });
});

describe("campaign tags in the plan", () => {
  // Every channel's health assumed: nothing is read from the network.
  const UP = ["x", "bluesky", "mastodon", "threads", "linkedin", "newsletter", "pins"].flatMap((c) => ["--assume", `${c}=operational`]);
  // --no-state: a drill's made-up answers must not be recorded beside the fixture.
  const ASSUME = ["--assume", "instagram=major_outage", ...UP, "--now", "2026-07-14T08:00:00Z", "--no-state"];
  const actions = (stdout: string): Array<{ postId: string; to?: { channel: string; text: string; thread?: string[] }; warnings: string[] }> =>
    (JSON.parse(stdout) as { actions: Array<{ postId: string; to?: { channel: string; text: string; thread?: string[] }; warnings: string[] }> }).actions;

  it("shows the retagged link and says so", async () => {
    const r = await runCli(["reroute", "--dry-run", "--json", ...FILES, ...ASSUME]);
    const launch = actions(r.stdout).find((a) => a.postId === "summer-launch")!;
    expect(launch.to!.channel).toBe("x");
    expect((launch.to!.thread ?? [launch.to!.text]).join("\n")).toContain(LINK.replace("utm_source=instagram", "utm_source=x"));
    expect(launch.warnings.join()).toMatch(/campaign tags retagged for x: utm_source=instagram → x/);
    const table = await runCli(["reroute", "--dry-run", ...FILES, ...ASSUME]);
    expect(table.stdout).toContain("campaign tags retagged for x: utm_source=instagram → x");
  });

  it("keeps them with defaults.retag: false in the config", async () => {
    const dir = mkdtempSync(join(tmpdir(), "failover-retag-"));
    const config = readFileSync(join(ROOT, "fixtures/calendars/launch/failover.yaml"), "utf8").replace("defaults:\n", "defaults:\n  retag: false\n");
    writeFileSync(join(dir, "failover.yaml"), config);
    const r = await runCli(["reroute", "--dry-run", "--json", "-c", join(ROOT, "fixtures/calendars/launch/calendar.yaml"), "--config", join(dir, "failover.yaml"), ...ASSUME]);
    const launch = actions(r.stdout).find((a) => a.postId === "summer-launch")!;
    expect((launch.to!.thread ?? [launch.to!.text]).join("\n")).toContain(LINK);
    expect(launch.warnings.join()).not.toMatch(/retag/);
  });
});
