/** E-mail (a newsletter or list send: subject and plain-text body). */
import { utf16Length } from "../text/count.js";
import type { Adapter, Rendered } from "./types.js";

export const email: Adapter = {
  platform: "email",
  displayName: "Email",
  text: {
    // No protocol limit on a body; 100,000 is this tool's sanity cap (Postiz listmonk.provider.ts
    // sets none).
    limit: 100_000,
    unit: "characters",
    counting: "characters as UTF-16 units (no real limit: a sanity cap)",
    count: utf16Length,
  },
  // Subject: RFC 5322 §2.1.1 recommends lines of at most 78 characters; longer subjects work but
  // get cut off in inboxes, so this is advice (a warning), not a cut.
  title: { name: "subject", limit: 78, hard: false },
  media: { required: false, maxImages: 100, maxVideos: 100, maxItems: 100, mixing: true, altText: true },
  links: { mode: "text", card: false },
  // Hashtags mean nothing in a mail: inline ones become words, a trailing block is left out.
  hashtags: { keep: false },
  mentions: "plain",
  threads: { maxParts: 1 },
  notes: ["Renders a subject (the post's title, or its first sentence) and a plain-text body with the link in place of \"link in bio\" or on its own line and the attachments listed with their alt text."],
  sources: ["RFC 5322 §2.1.1 (78-character lines)", "Postiz listmonk.provider.ts"],
  finish(r: Rendered): Rendered {
    if (r.media.length === 0) return r;
    const list = r.media.map((m) => `- ${m.path}${m.alt ? ` (${m.alt})` : ""}`).join("\n");
    return { ...r, text: `${r.text}\n\nAttached:\n${list}` };
  },
};
