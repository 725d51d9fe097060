import { describe, expect, it } from "vitest";
import { builtinDefaults, checkBuiltinDefaults } from "../../src/config/builtin.js";
import { PLATFORMS } from "../../src/platforms.js";

describe("built-in platform defaults (config/platforms.yaml)", () => {
  it("is valid, with an entry for every platform", () => {
    expect(checkBuiltinDefaults()).toEqual([]);
    expect(Object.keys(builtinDefaults()).sort()).toEqual([...PLATFORMS].sort());
  });

  it("would catch a broken file", () => {
    expect(checkBuiltinDefaults("version: 1\nplatforms:\n  x: { displayName: X, health: [{ kind: statuspag, url: https://a.example }] }\n").length).toBeGreaterThan(0);
    expect(checkBuiltinDefaults("version: 1\nplatforms: {}\n").join("\n")).toMatch(/instagram/);
  });
});

describe("built-in health sources", () => {
  const d = builtinDefaults();

  it("reads Instagram, Facebook and Threads from the Graph API's org in one Meta file, plus a probe of each app", () => {
    const meta = (["instagram", "facebook", "threads"] as const).map((p) => d[p].health);
    const graphApi = { kind: "meta", url: "https://metastatus.com/data/orgs.json", service: "graph-api" };
    expect(meta).toEqual([
      [graphApi, { kind: "http", url: "https://www.instagram.com/", degradedAfter: "3s" }],
      [graphApi, { kind: "http", url: "https://www.facebook.com/", degradedAfter: "3s" }],
      [graphApi, { kind: "http", url: "https://www.threads.net/", degradedAfter: "3s" }],
    ]);
  });

  it("reads Bluesky's UptimeRobot page, Slack for webhooks, and a Mastodon channel's own instance", () => {
    expect(d.bluesky.health).toEqual([{ kind: "uptimerobot", url: expect.stringMatching(/^https:\/\/status\.bsky\.app\/api\/getMonitorList\/\w+$/) }]);
    expect(d.webhook.health).toEqual([{ kind: "slack", url: "https://slack-status.com/api/v2.0.0/current" }]);
    expect(d.mastodon.health).toEqual([{ kind: "mastodon" }]);
  });

  it("leaves platforms with nothing machine-readable without a source, and says why", () => {
    for (const p of ["tiktok", "youtube", "pinterest", "email"] as const) {
      expect(d[p].health).toEqual([]);
      expect(d[p].note).toMatch(/\w/);
    }
  });
});
