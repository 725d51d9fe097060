/** Pinterest (Pins). */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const pinterest: Adapter = {
  platform: "pinterest",
  displayName: "Pinterest",
  text: {
    // description: 800 characters: Pinterest API v5 OpenAPI, PinCreate.description maxLength 800
    // (Postiz's pinterest.dto.ts still says 500).
    limit: 800,
    unit: "characters",
    counting: "characters as UTF-16 units; the text is the Pin's description",
    count: utf16Length,
  },
  // title: 100 characters: Pinterest API v5 OpenAPI, PinCreate.title maxLength 100.
  title: { name: "title", limit: 100, hard: true },
  media: {
    // 1 to 5 items (a carousel of images, or one video): Postiz pinterest.dto.ts. A Pin needs media.
    required: true,
    maxImages: 5,
    maxVideos: 1,
    maxItems: 5,
    mixing: false,
    // alt_text on a Pin: Pinterest API v5 OpenAPI, PinCreate.alt_text maxLength 500.
    altText: true,
    altLimit: { limit: 500, unit: "characters" },
  },
  // The only link is the Pin's `link` field, up to 2048 characters (API v5); text links are dead.
  links: { mode: "field", card: false, fieldLimit: 2048 },
  hashtags: { keep: true },
  mentions: "plain",
  threads: { maxParts: 1 },
  notes: ["The link goes in the Pin's link field, not in the description."],
  sources: ["Pinterest API v5 OpenAPI: PinCreate (description 800, title 100, alt_text 500, link 2048)", "Postiz pinterest.dto.ts (media)"],
};
