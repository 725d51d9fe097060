/** Incoming webhooks (Slack and Discord style): one JSON message. */
import { utf16Length } from "../text/count.js";
import type { Adapter, Rendered } from "./types.js";
import { plural } from "../util/words.js";

export const webhook: Adapter = {
  platform: "webhook",
  displayName: "Webhook (Slack/Discord)",
  text: {
    // 2000: Discord Execute Webhook `content`, the lower of the two. Slack takes 40,000 in `text`
    // (chat.postMessage; crosspost uses 4000): for a Slack-only channel set textLimit.
    limit: 2000,
    unit: "characters",
    counting: "characters as UTF-16 units",
    count: utf16Length,
  },
  media: { required: false, maxImages: 10, maxVideos: 10, maxItems: 10, mixing: true, altText: false },
  // Both unfurl a plain URL into a clickable link with a preview.
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  mentions: "plain",
  threads: { maxParts: 1 },
  notes: ["The payload carries the text as both `text` (Slack) and `content` (Discord); each ignores the other's key. Files cannot be sent through an incoming webhook."],
  sources: ["Discord API: Execute Webhook (content 2000)", "Slack API: incoming webhooks, chat.postMessage (text)", "crosspost slack.js, discord-webhook.js"],
  finish(r: Rendered): Rendered {
    const warnings = [...r.warnings];
    if (r.media.length > 0) {
      warnings.push(`an incoming webhook cannot carry files: ${plural(r.media.length, "media item is", "media items are")} not sent`);
    }
    return { ...r, warnings, payload: { text: r.text, content: r.text } };
  },
};
