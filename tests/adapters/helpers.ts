/** Posts and channels for adapter tests, with the defaults a loaded calendar and config would have. */
import { rewritePost, type Handles, type RewriteResult } from "../../src/adapters/rewrite.js";
import type { Post } from "../../src/calendar/model.js";
import type { Media } from "../../src/calendar/schema.js";
import type { Channel } from "../../src/config/model.js";
import type { Platform } from "../../src/platforms.js";

export function post(fields: Partial<Post> & { text: string }): Post {
  return {
    id: "p1",
    channel: "instagram",
    at: Date.UTC(2026, 6, 14, 14),
    atText: "2026-07-14T10:00",
    media: [],
    backups: [],
    variants: {},
    policy: "reroute",
    maxDelayMs: 6 * 3_600_000,
    status: "scheduled",
    index: 0,
    line: 1,
    col: 1,
    ...fields,
  };
}

export function channel(platform: Platform, extra: Partial<Channel> = {}): Channel {
  return {
    name: platform,
    platform,
    displayName: platform,
    windows: [],
    minGapMs: 0,
    health: [],
    healthOrigin: "builtin",
    thresholds: { failure: 3, success: 2 },
    declared: false,
    ...extra,
  };
}

export const image = (path: string, alt?: string): Media => ({ path, kind: "image", ...(alt ? { alt } : {}) });
export const video = (path: string): Media => ({ path, kind: "video" });
export const gif = (path: string): Media => ({ path, kind: "gif" });

export const HANDLES: Handles = {
  acme: { instagram: "@acme", x: "@acme_hq", bluesky: "@acme.bsky.social", mastodon: "@acme@mastodon.social", linkedin: "Acme Inc.", threads: "@acme" },
};

/** Rewrites for a platform with defaults: source Instagram, the handles above. */
export function to(platform: Platform, p: Post, extra: Partial<Channel> = {}): RewriteResult {
  return rewritePost(p, { channel: channel(platform, extra), source: channel("instagram") }, HANDLES);
}

export const LONG_LINK = "https://shop.acme.com/summer-bottle?utm_source=instagram&utm_medium=social&utm_campaign=summer_launch_2026";
/** LONG_LINK as it reads once the post moves from Instagram to `platform` (its utm_source retagged). */
export const longLinkOn = (platform: Platform): string => LONG_LINK.replace("utm_source=instagram", `utm_source=${platform}`);

/** A caption far over most limits: sentences of Latin and Japanese, emoji, a mention, tags. */
export const LONG_CAPTION = [
  "Big news ✨ Our Summer Bottle is here, made with @acme over eight months of sketches and prototypes.",
  "東京のみなさん、お待たせしました！7月14日から渋谷で先行販売がスタートします🎉",
  ...Array.from({ length: 12 }, (_, i) => `Reason ${i + 1}: it keeps drinks cold for 24 hours and every part of it can be recycled 👨‍👩‍👧‍👦.`),
  "Shop now: link in bio 👆",
  "",
  "#SummerLaunch #AcmeBottle #夏 #zerowaste",
].join(" ");
