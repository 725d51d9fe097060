/**
 * `failover preview` and `failover platforms` through the real bin. The Done-when scenario: a
 * 1,500-character Instagram caption (emoji, Japanese, mentions, hashtags, "link in bio", a long
 * UTM link) previews for X, Bluesky, Mastodon, Threads and LinkedIn as texts or threads each
 * platform accepts as is, with the right handles and the link whole.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { mastodonLength, threadsLength } from "../../src/text/count.js";
import { runCli } from "../helpers/cli.js";

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
      expect(posts.filter((p) => p.includes(LINK)), `${t.channel}: the link whole, once`).toHaveLength(1);
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

  it("shows where each platform's health is read when a channel names no source", async () => {
    const table = await runCli(["platforms"]);
    expect(table.stdout).toContain("Health, when a channel names no source");
    expect(table.stdout).toMatch(/^ {2}threads: meta "Threads" from https:\/\/metastatus\.com\/data\/orgs\.json$/m);
    expect(table.stdout).toMatch(/^ {2}tiktok: none: health is unknown unless the config names a source or --assume sets it\n {4}TikTok publishes no machine-readable status\.$/m);
    const doc = JSON.parse((await runCli(["platforms", "--json"])).stdout) as { platforms: Array<{ platform: string; health: { sources: Array<{ kind: string }>; note?: string } }> };
    const health = Object.fromEntries(doc.platforms.map((p) => [p.platform, p.health]));
    expect(health.bluesky!.sources.map((s) => s.kind)).toEqual(["uptimerobot"]);
    expect(health.webhook).toMatchObject({ sources: [{ kind: "slack" }], note: expect.stringMatching(/Discord/) });
    expect(health.youtube).toMatchObject({ sources: [], note: expect.any(String) });
  });
});
