/** The loaded, checked calendar: posts with their times resolved and their defaults applied. */
import type { Policy } from "../config/policy.js";
import type { YamlSource } from "../yaml/source.js";
import type { Diagnostic } from "../errors.js";
import type { Media, PostStatus } from "./schema.js";

export interface Post {
  id: string;
  channel: string;
  /** The instant it goes out, epoch milliseconds. */
  at: number;
  /** `at` as written in the file. */
  atText: string;
  /** The zone a local `at` was read in (and the one to show it in), if any. */
  zone?: string;
  text: string;
  title?: string;
  link?: string;
  media: Media[];
  /** Ordered backup channels, the config's default applied. */
  backups: string[];
  variants: Record<string, string>;
  policy: Policy;
  maxDelayMs: number;
  campaign?: string;
  status: PostStatus;
  reroutedFrom?: string;
  reroutedTo?: string;
  reason?: string;
  originalAt?: number;
  /** `originalAt` as written in the file, to restore it byte for byte on failback. */
  originalAtText?: string;
  /** A rerouted post split into a thread: every part, the first being `text`. */
  thread?: string[];
  originalChannel?: string;
  /** BCP 47 language tag, for platforms that take one. */
  lang?: string;
  /** Written by `failover publish`. */
  postedAt?: string;
  url?: string;
  error?: string;
  /** Index in the file's `posts` list. */
  index: number;
  /** Where the post starts in the file (1-based), for annotations and messages. */
  line: number;
  col: number;
}

export interface Calendar {
  file: string;
  timezone?: string;
  posts: Post[];
  /** SHA-256 of the exact bytes read: a saved plan is refused if the file changed since. */
  sha256: string;
  source: YamlSource;
  /** Problems that do not stop the run (a local time in a DST gap, say). */
  warnings: Diagnostic[];
  /**
   * The posts exactly as written (no defaults filled in), by index: kept only when asked for
   * (`keepWritten`), by `export --format csv`, which writes them so.
   */
  written?: ReadonlyArray<Record<string, unknown> | null>;
}
