/** YouTube (a video upload: title and description). */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const youtube: Adapter = {
  platform: "youtube",
  displayName: "YouTube",
  text: {
    // description: 5000 characters (YouTube Data API videos.snippet.description; Postiz youtube.provider.ts).
    limit: 5000,
    unit: "characters",
    counting: "characters as UTF-16 units; the text is the video's description",
    count: utf16Length,
  },
  // title: 2 to 100 characters (Data API videos.snippet.title; Postiz youtube.provider.ts).
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
  notes: ["Community posts have no public API: only a post with a video can go to YouTube."],
  sources: ["YouTube Data API v3 (videos.insert snippet)", "Postiz youtube.provider.ts", "YouTube help: hashtags"],
};
