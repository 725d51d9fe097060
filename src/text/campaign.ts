/**
 * Campaign tags that follow a post to the platform it moves to: `utm_source=instagram` on a post
 * rerouted to X would credit Instagram in the campaign's analytics. A `utm_source` (and a
 * `utm_medium`) whose value names the old platform is rewritten to the new platform's name; any
 * other value (a newsletter, "social", a partner) is the author's and stays.
 */
import type { Platform } from "../platforms.js";

/** The names a tag may use for each platform (lower case). */
const NAMES: Record<Platform, readonly string[]> = {
  instagram: ["instagram", "ig", "insta"],
  facebook: ["facebook", "fb"],
  threads: ["threads"],
  x: ["x", "twitter", "tw"],
  bluesky: ["bluesky", "bsky"],
  mastodon: ["mastodon"],
  linkedin: ["linkedin", "li"],
  tiktok: ["tiktok", "tt"],
  pinterest: ["pinterest", "pin"],
  youtube: ["youtube", "yt"],
  email: ["email", "e-mail", "newsletter"],
  webhook: ["webhook", "slack", "discord"],
};

const TAG = /([?&](?:amp;)?utm_(?:source|medium)=)([^&#\s"'<>]*)/giu;

export interface Retagged {
  text: string;
  /** "utm_source=instagram → x", once per kind of change. */
  changes: string[];
}

/** `text` (a link, or a text with links in it) with the old platform's campaign tags naming the new one. */
export function retag(text: string, from: Platform, to: Platform): Retagged {
  const changes = new Set<string>();
  if (from === to || !text.includes("utm_")) return { text, changes: [] };
  const old = NAMES[from];
  const out = text.replace(TAG, (whole, key: string, raw: string) => {
    // A full stop or a bracket after the link ends the sentence, not the tag.
    const value = raw.replace(/[.,!?;:)\]…]+$/u, "");
    let decoded: string;
    try {
      decoded = decodeURIComponent(value).toLowerCase();
    } catch {
      return whole;
    }
    if (!old.includes(decoded)) return whole;
    changes.add(`${key.replace(/^[?&](?:amp;)?/, "")}${value} → ${to}`);
    return key + to + raw.slice(value.length);
  });
  return { text: out, changes: [...changes] };
}
