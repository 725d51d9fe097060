/** TikTok (Content Posting API). */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const tiktok: Adapter = {
  platform: "tiktok",
  displayName: "TikTok",
  text: {
    // 2200: a video's caption (Content Posting API post_info.title); Postiz tiktok.provider.ts.
    // A photo post's description allows 4000 and its title 90 (unverified): 2200 fits both.
    limit: 2200,
    unit: "characters",
    counting: "characters as UTF-16 units",
    count: utf16Length,
  },
  media: {
    // One video, or up to 35 photos; media is required (Content Posting API; Postiz).
    required: true,
    maxImages: 35,
    maxVideos: 1,
    maxItems: 35,
    mixing: false,
    altText: false,
  },
  // Links in captions are not clickable (unverified): treated like Instagram.
  links: { mode: "none", card: false },
  hashtags: { keep: true },
  mentions: "handles",
  threads: { maxParts: 1 },
  notes: ["No clickable links in captions (unverified): \"Link in bio.\" is used instead."],
  sources: ["TikTok Content Posting API", "Postiz tiktok.provider.ts"],
};
