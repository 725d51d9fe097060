/** X (formerly Twitter). */
import { xWeightedLength } from "../text/count.js";
import type { Adapter } from "./types.js";

export const x: Adapter = {
  platform: "x",
  displayName: "X",
  text: {
    // 280: twitter-text config/v3.json, maxWeightedTweetLength. Paid accounts post up to 4000
    // (X Premium help): set the channel's textLimit.
    limit: 280,
    unit: "weighted",
    counting:
      "twitter-text v3: NFC first; every link (bare domains too) 23; an emoji sequence 2; Latin, Cyrillic, Greek, Hebrew, Arabic and most punctuation 1; CJK, … and the rest 2",
    count: xWeightedLength,
  },
  media: {
    // 4 photos, or 1 video, or 1 GIF, never mixed: X API v2 POST /2/tweets media.media_ids (1–4);
    // Postiz x.provider.ts.
    required: false,
    maxImages: 4,
    maxVideos: 1,
    maxGifs: 1,
    maxItems: 4,
    mixing: false,
    // Alt text up to 1000 characters: X API POST /2/media/metadata (alt_text.text, max 1000).
    altText: true,
    altLimit: { limit: 1000, unit: "characters" },
  },
  // Links are wrapped in t.co and clickable, with a card: twitter-text, X help "About t.co".
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  mentions: "handles",
  // Replies chain into a thread (X API v2 reply.in_reply_to_tweet_id). X sets no count; 25 is
  // this tool's cap, the old composer's.
  threads: { maxParts: 25 },
  notes: ["'…' (U+2026) weighs 2 on X, not 1: the fitter counts it."],
  sources: ["twitter-text config/v3.json (weights, 280, 23)", "X API v2 POST /2/tweets (media, replies)", "Postiz x.provider.ts"],
};
