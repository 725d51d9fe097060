/** Threads (Meta). */
import { threadsLength } from "../text/count.js";
import type { Adapter } from "./types.js";

export const threads: Adapter = {
  platform: "threads",
  displayName: "Threads",
  text: {
    // 500 characters, "emojis count by their UTF-8 byte length": Meta Threads API docs, Posts.
    limit: 500,
    unit: "characters",
    counting: "characters (UTF-16 units), each emoji (keycaps like 1️⃣ included) by its UTF-8 byte length (Meta's rule)",
    count: threadsLength,
  },
  media: {
    // Carousel of up to 20 items, images and videos mixed (Threads API carousel posts; unverified).
    required: false,
    maxImages: 20,
    maxVideos: 20,
    maxItems: 20,
    mixing: true,
    altText: true,
  },
  // At most 5 links in a post, counted once each however often they appear: Threads API docs,
  // Posts (text posts, "a maximum of 5 unique links").
  links: { mode: "text", card: true, maxInText: 5 },
  // One topic tag per post (Threads help "tags"; unverified: a documented default).
  hashtags: { max: 1, keep: true },
  mentions: "handles",
  // Replies via reply_to_id; 10 is this tool's cap (unverified: no documented count).
  threads: { maxParts: 10 },
  notes: ["One hashtag (topic tag) per post: the first is kept, others become plain words."],
  sources: ["Meta Threads API docs (Posts: 500 characters, emoji bytes, 5 unique links)", "Threads help (tags; unverified)"],
};
