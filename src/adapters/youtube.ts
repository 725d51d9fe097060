/** YouTube (a video upload: title and description). */
import { utf8Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const youtube: Adapter = {
  platform: "youtube",
  displayName: "YouTube",
  text: {
    // description: "a maximum length of 5000 bytes and may contain all valid UTF-8 characters except
    // < and >" (YouTube Data API v3, videos resource, snippet.description). A Japanese character is 3.
    limit: 5000,
    unit: "bytes",
    counting: "UTF-8 bytes (a Japanese character is 3, an emoji 4); the text is the video's description; < and > are refused",
    count: utf8Length,
    // snippet.title and snippet.description refuse < and >: written as the look-alike angle quotes.
    forbidden: { "<": "‹", ">": "›" },
  },
  // title: 2 to 100 characters, no < or > (Data API videos resource, snippet.title; Postiz youtube.provider.ts).
  title: { name: "title", limit: 100, min: 2, hard: true },
  media: {
    // Exactly one video (videos.insert). Community posts have no public API (unverified), so a
    // post without a video cannot go to YouTube.
    required: true,
    requiredKind: "video",
    maxImages: 0,
    maxVideos: 1,
    maxItems: 1,
    mixing: false,
    altText: false,
  },
  links: { mode: "text", card: false },
  // Over 15 hashtags and YouTube ignores them all (YouTube help, hashtag policies; unverified).
  hashtags: { max: 15, keep: true },
  mentions: "handles",
  threads: { maxParts: 1 },
  notes: ["The description is limited in UTF-8 bytes, not characters.", "< and > are refused in titles and descriptions: written as ‹ and ›, with a warning.", "Community posts have no public API: only a post with a video can go to YouTube."],
  sources: ["YouTube Data API v3, videos resource (snippet.title 100 characters, snippet.description 5000 bytes, no < or >)", "Postiz youtube.provider.ts", "YouTube help: hashtags"],
};
