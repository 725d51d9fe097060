/** Bluesky (AT Protocol, app.bsky.feed.post). */
import { countGraphemes, utf8Length } from "../text/count.js";
import type { Adapter } from "./types.js";

// app.bsky.feed.post lexicon, record.text: maxGraphemes 300, maxLength 3000 (bytes of UTF-8).
const MAX_GRAPHEMES = 300;
const MAX_BYTES = 3000;

export const bluesky: Adapter = {
  platform: "bluesky",
  displayName: "Bluesky",
  text: {
    limit: MAX_GRAPHEMES,
    unit: "graphemes",
    counting: `grapheme clusters (an emoji family is 1), and at most ${MAX_BYTES} UTF-8 bytes; links count in full`,
    count: countGraphemes,
    check(text) {
      const bytes = utf8Length(text);
      return bytes > MAX_BYTES ? [`the text is ${bytes} UTF-8 bytes, over Bluesky's ${MAX_BYTES}`] : [];
    },
  },
  media: {
    // app.bsky.embed.images: images maxLength 4, each with `alt`; app.bsky.embed.video: one video.
    required: false,
    maxImages: 4,
    maxVideos: 1,
    maxItems: 4,
    mixing: false,
    altText: true,
    // app.bsky.embed.video: alt maxGraphemes 1000; an image's alt (app.bsky.embed.images) has no limit.
    altLimit: { limit: 1000, unit: "graphemes", kinds: ["video"] },
  },
  // Links are clickable only through richtext facets (byte offsets), which the poster adds; a link
  // card is app.bsky.embed.external.
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  mentions: "handles",
  // Replies carry root and parent refs (app.bsky.feed.post#replyRef); no count is set, 25 is this tool's cap.
  threads: { maxParts: 25 },
  notes: ["A link in the text needs a link facet to be clickable: the poster adds it from the text."],
  sources: ["atproto lexicons/app/bsky/feed/post.json", "lexicons/app/bsky/embed/images.json", "lexicons/app/bsky/embed/video.json (alt 1000 graphemes)"],
};
