/**
 * The shape every platform adapter has: a plain typed object declaring the platform's rules
 * (each number with its source, in the adapter's file) and, where the platform needs it, a
 * `finish` step for its own rendering (email's attachments, a webhook's payload).
 */
import type { Media } from "../calendar/schema.js";
import type { Platform } from "../platforms.js";
import type { CountUnit } from "../text/count.js";

export interface TextRules {
  limit: number;
  unit: CountUnit;
  /** How the platform counts, in a sentence, for `failover platforms`. */
  counting: string;
  count(text: string): number;
  /** Further limits on the same text (Bluesky's 3000 bytes): a problem per breach. */
  check?(text: string): string[];
  /** Characters the platform refuses in the text and title (YouTube's < and >), each with what is written instead. */
  forbidden?: Readonly<Record<string, string>>;
}

export interface TitleRules {
  /** What the platform calls it: "subject", "title". */
  name: string;
  limit: number;
  min?: number;
  /** Over the limit: a warning only (an e-mail subject's 78 is advice), or shortened. */
  hard: boolean;
}

export interface MediaRules {
  required: boolean;
  /** The kind the platform insists on (YouTube: a video). */
  requiredKind?: "video";
  maxImages: number;
  maxVideos: number;
  /** GIFs as their own kind (X: one GIF alone); undefined counts a GIF as an image. */
  maxGifs?: number;
  maxItems: number;
  /** Images and video (or GIF) in one post. */
  mixing: boolean;
  altText: boolean;
  /** The longest alt text the platform takes: a longer one is shortened at a word, with a warning. */
  altLimit?: AltLimit;
}

export interface AltLimit {
  limit: number;
  unit: "characters" | "graphemes";
  /** Only for these kinds (Bluesky limits a video's alt, not an image's); default every kind. */
  kinds?: ReadonlyArray<Media["kind"]>;
}

export interface LinkRules {
  /** "text": clickable in the text; "field": a separate link field only; "none": not clickable at all. */
  mode: "text" | "field" | "none";
  /** Whether the platform shows a preview card for a link. */
  card: boolean;
  /** At most this many different links in one post (the same link twice counts once). */
  maxInText?: number;
  /** The separate field's length limit. */
  fieldLimit?: number;
}

export interface HashtagRules {
  /** At most this many; the first ones are kept, later inline ones become plain words. */
  max?: number;
  /** False: hashtags mean nothing there (e-mail): inline ones become words, trailing ones go. */
  keep: boolean;
}

export interface ThreadRules {
  /** Posts in a chain of replies; 1 = no threads: the text is shortened instead. */
  maxParts: number;
}

export interface MediaOut {
  path: string;
  kind: Media["kind"];
  alt?: string;
}

/** What `finish` may adjust: the rendered text, and the extras a platform carries. */
export interface Rendered {
  text: string;
  title?: string;
  link?: string;
  media: MediaOut[];
  warnings: string[];
  payload?: Record<string, unknown>;
}

export interface Adapter {
  platform: Platform;
  displayName: string;
  text: TextRules;
  title?: TitleRules;
  media: MediaRules;
  links: LinkRules;
  hashtags: HashtagRules;
  /** "handles": mentions are mapped to the target's handles; "plain": written as names. */
  mentions: "handles" | "plain";
  threads: ThreadRules;
  /** Anything else a user should know, shown by `failover platforms`. */
  notes: string[];
  /** Where the numbers come from, for `failover platforms --json` and docs/adapters.md. */
  sources: string[];
  finish?(rendered: Rendered): Rendered;
}
