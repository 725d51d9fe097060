/** Mastodon (any instance). */
import { mastodonLength } from "../text/count.js";
import type { Adapter } from "./types.js";

export const mastodon: Adapter = {
  platform: "mastodon",
  displayName: "Mastodon",
  text: {
    // 500: StatusLengthValidator::MAX_CHARS, the default; each instance may differ, read it at
    // /api/v2/instance (configuration.statuses.max_characters) and set the channel's textLimit.
    limit: 500,
    unit: "graphemes",
    counting:
      "grapheme clusters; every link with a scheme Mastodon links (http, https, dat, dweb, ipfs, ipns, ssb, gopher, gemini) counts 23; @user@instance counts as @user (StatusLengthValidator)",
    count: mastodonLength,
  },
  media: {
    // 4: configuration.statuses.max_media_attachments on a default instance; no mixing of
    // video and images (Mastodon API POST /api/v1/statuses).
    required: false,
    maxImages: 4,
    maxVideos: 1,
    maxItems: 4,
    mixing: false,
    // Media descriptions (alt text): POST /api/v2/media `description`, at most 1500 characters
    // (MediaAttachment::MAX_DESCRIPTION_LENGTH; /api/v2/instance media_attachments.description_limit).
    altText: true,
    altLimit: { limit: 1500, unit: "characters" },
  },
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  mentions: "handles",
  // Replies via in_reply_to_id; no count is set, 25 is this tool's cap.
  threads: { maxParts: 25 },
  notes: ["The limit is per instance: set textLimit on the channel when yours is not 500."],
  sources: [
    "Mastodon app/validators/status_length_validator.rb (500, links 23, mentions as @user)",
    "Mastodon config/initializers/twitter_regex.rb (the schemes it links)",
    "Mastodon app/models/media_attachment.rb (descriptions 1500)",
    "Mastodon API /api/v2/instance, POST /api/v1/statuses",
  ],
};
