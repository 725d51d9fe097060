/** Instagram (feed posts through the Graph API). */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const instagram: Adapter = {
  platform: "instagram",
  displayName: "Instagram",
  text: {
    // 2200 characters: Instagram Graph API media `caption`; Postiz instagram.provider.ts.
    limit: 2200,
    unit: "characters",
    counting: "characters as UTF-16 units (an emoji is 2)",
    count: utf16Length,
  },
  media: {
    // Media is required; a carousel holds up to 10 images and videos: Graph API carousel posts.
    required: true,
    maxImages: 10,
    maxVideos: 10,
    maxItems: 10,
    mixing: true,
    // alt_text on image containers (Graph API, 2024).
    altText: true,
  },
  // Captions do not link: a link goes in the bio, and the caption says so.
  links: { mode: "none", card: false },
  // 30 hashtags (Graph API error 9004 above 30); newer reports say 5: conflicting, 30 is the
  // documented default.
  hashtags: { max: 30, keep: true },
  mentions: "handles",
  threads: { maxParts: 1 },
  notes: ["Links in a caption are not clickable: the link is removed, \"Link in bio.\" added, and a warning says what to put in the bio."],
  sources: ["Instagram Graph API (caption 2200, carousel 10, hashtags 30)", "Postiz instagram.provider.ts"],
};
