/** Facebook (Page posts). */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const facebook: Adapter = {
  platform: "facebook",
  displayName: "Facebook",
  text: {
    // 63,206 characters: Postiz facebook.provider.ts, Mixpost.
    limit: 63_206,
    unit: "characters",
    counting: "characters as UTF-16 units",
    count: utf16Length,
  },
  media: {
    // 10 photos or 1 video, not mixed: Postiz, Mixpost.
    required: false,
    maxImages: 10,
    maxVideos: 1,
    maxItems: 10,
    mixing: false,
    // alt_text_custom on photos (Graph API).
    altText: true,
  },
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  mentions: "handles",
  threads: { maxParts: 1 },
  notes: [],
  sources: ["Postiz facebook.provider.ts", "Mixpost (Facebook limits)"],
};
