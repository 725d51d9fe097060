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
  // 5 hashtags per post since December 2025 (Instagram's announcement of the 5-hashtag limit;
  // before, the Graph API refused more than 30). Extra ones become plain words or go.
  hashtags: { max: 5, keep: true },
  mentions: "handles",
  threads: { maxParts: 1 },
  notes: ["At most 5 hashtags (since December 2025): the first 5 are kept, later ones become plain words or go, with a warning.", "Links in a caption are not clickable: the link is removed, \"Link in bio.\" added, and a warning says what to put in the bio."],
  sources: ["Instagram Graph API (caption 2200, carousel 10)", "Instagram: 5 hashtags per post (December 2025)", "Postiz instagram.provider.ts"],
};
