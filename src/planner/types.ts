/** The reroute plan: the contract's JSON (shared/CONTRACT.md), what `reroute --plan` applies. */
import type { HealthStatus } from "../health/status.js";

export const ACTION_KINDS = ["reroute", "delay", "mirror", "skip", "notice", "failback"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface TextLength {
  used: number;
  limit: number;
  unit: string;
}

export interface PlannedPost {
  channel: string;
  platform: string;
  /** ISO 8601 with the offset of the zone the post is shown in. */
  at: string;
  text: string;
  thread?: string[];
  title?: string;
  /** The media as the platform takes them (e.g. Bluesky's first four images), alt text kept. */
  media?: Array<{ path: string; kind: "image" | "video" | "gif"; alt?: string }>;
  length: TextLength;
}

export interface PlanAction {
  /** The post acted on; for a notice, the id of the notice post to add. */
  postId: string;
  action: ActionKind;
  /** Where and when the post is now, and its text there (the "before" of a readable plan). */
  from: { channel: string; at: string; text?: string };
  to?: PlannedPost;
  /** The id of the post the action adds (reroute, mirror, notice). */
  newPostId?: string;
  /** Failback: the ids of the posts that stood in for this one, removed when it is restored. */
  removes?: string[];
  reasons: string[];
  warnings: string[];
  /** The post's line in the calendar, for annotations; absent for notices. */
  line?: number;
}

export interface Unroutable {
  postId: string;
  channel: string;
  at: string;
  reasons: string[];
  /** What would unblock it, worked out by the planner: "x is healthy and free at …: add it to backups". */
  fixes?: string[];
  line: number;
}

export interface Plan {
  schemaVersion: 1;
  /** What made the plan: `failover reroute` or `failover failback` (each applies only its own). */
  kind: "reroute" | "failback";
  now: string;
  calendar: string;
  calendarSha256: string;
  /** The config file the plan was made with (absent: built-in defaults). */
  config?: string;
  /** SHA-256 of the config's text when the plan was made (absent: built-in defaults). */
  configSha256?: string;
  window: { from: string; to: string };
  /** The health each channel had when the plan was made. */
  health: Record<string, HealthStatus>;
  actions: PlanAction[];
  unroutable: Unroutable[];
  /** Problems that block nothing: a notice that cannot go out, say. */
  warnings: string[];
}

/** The outcome of rewriting a post for one target channel (an adapter's answer). */
export interface RewriteOutcome {
  ok: boolean;
  text: string;
  thread?: string[];
  title?: string;
  /** The media the target takes; absent when the rewriter does not say (then all of them). */
  media?: PlannedPost["media"];
  length: TextLength;
  problems: string[];
  warnings: string[];
}
