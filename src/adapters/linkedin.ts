/** LinkedIn (member or organization posts). */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const linkedin: Adapter = {
  platform: "linkedin",
  displayName: "LinkedIn",
  text: {
    // 3000 characters: LinkedIn Posts API `commentary`; crosspost linkedin.js, Postiz.
    limit: 3000,
    unit: "characters",
    counting: "characters as UTF-16 units (an emoji is 2), the way the API measures",
    count: utf16Length,
  },
  media: {
    // One video, or images (MultiImage: 2–20; count unverified); no mixing (Posts API content).
    required: false,
    maxImages: 20,
    maxVideos: 1,
    maxItems: 20,
    mixing: false,
    // altText on images: Images API / Posts API media.altText.
    altText: true,
  },
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  // A text mention is not a LinkedIn mention (that needs an URN): mapped to the configured name.
  mentions: "plain",
  threads: { maxParts: 1 },
  notes: ["Mentions are written as the configured name (handles.<id>.linkedin), e.g. \"Acme Inc.\", or, given as \"@[Acme Inc.](urn:li:organization:2414183)\", as a LinkedIn mention that tags the Page."],
  sources: ["LinkedIn Posts API (commentary, content.multiImage)", "crosspost linkedin.js", "Postiz linkedin.provider.ts"],
};
