/**
 * No flapping: a channel that only a probe (http, mastodon) says is down is taken down only after
 * `failureThreshold` bad answers in a row and brought back only after `successThreshold` good
 * ones (defaults 3 and 2, as Gatus). An incident an official status page declares is believed at
 * once, going down and coming back (see applyThresholds). "Bad" is
 * what the config reroutes on (`rerouteOn`); moves within one side (degraded to maintenance,
 * partial to major outage) pass at once, since they change no decision.
 *
 * With no state for a channel (a first run, a fresh CI checkout, `--no-state`) the answer seen
 * stands: an outage must be reportable by a run that has nothing to compare with, and holding
 * an unknown past would be inventing one. Thresholds apply only to changes from a known state.
 * `unknown` is no evidence either way: it is shown as it is and leaves the counts alone.
 *
 * Answers count once per ANSWER_SPACING_MS: thresholds are about time, not about how many commands
 * a person runs. `failback --dry-run` then `failback --yes` a few seconds apart are one answer.
 */
import type { HealthStatus, KnownStatus } from "./status.js";

export interface Thresholds {
  failure: number;
  success: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { failure: 3, success: 2 };

/** For an answer taken on its own word: one is enough either way. */
export const AT_ONCE: Thresholds = { failure: 1, success: 1 };

/**
 * Source kinds that probe the platform themselves, and so flap (a slow answer, one lost packet).
 * Only their answers wait for the thresholds; every other kind reads an incident the platform
 * declared on its status page, which is taken at once.
 */
export const PROBE_KINDS: ReadonlySet<string> = new Set(["http", "mastodon"]);

/** Disagreeing answers closer together than this count as one. */
export const ANSWER_SPACING_MS = 60_000;

/** What is remembered of a channel between runs. */
export interface ChannelState {
  /** The decided status. */
  status: KnownStatus;
  /** When the channel entered the decided side (up or down), ISO 8601. */
  since: string;
  /** Answers in a row that disagree with the decided side, not yet enough to flip it. */
  pending?: { status: KnownStatus; count: number; since: string; /** the last answer counted */ last?: string };
}

/** A status kept against what the sources said, for output. */
export interface Held {
  /** What the sources said this time. */
  raw: KnownStatus;
  /** When the disagreeing answers began. */
  since: string;
  count: number;
  threshold: number;
}

export interface Decision {
  status: HealthStatus;
  /** The state to remember; undefined keeps what was there. */
  next?: ChannelState;
  held?: Held;
}

export function decide(prev: ChannelState | undefined, raw: HealthStatus, now: string, t: Thresholds, isDown: (s: KnownStatus) => boolean): Decision {
  if (raw === "unknown") return { status: "unknown" };
  if (!prev) return { status: raw, next: { status: raw, since: now } };
  const rawDown = isDown(raw);
  if (isDown(prev.status) === rawDown) return { status: raw, next: { status: raw, since: prev.since } };
  const threshold = rawDown ? t.failure : t.success;
  const continuing = prev.pending && isDown(prev.pending.status) === rawDown ? prev.pending : undefined;
  const lastCounted = continuing ? Date.parse(continuing.last ?? continuing.since) : NaN;
  const elapsed = Date.parse(now) - lastCounted;
  // Times that do not parse (or a drill going back in time) count every answer, as before.
  const tooSoon = continuing !== undefined && elapsed >= 0 && elapsed < ANSWER_SPACING_MS;
  const count = tooSoon ? continuing.count : (continuing?.count ?? 0) + 1;
  const last = tooSoon ? (continuing.last ?? continuing.since) : now;
  const since = continuing?.since ?? now;
  if (count >= threshold) return { status: raw, next: { status: raw, since: now } };
  return {
    status: prev.status,
    next: { status: prev.status, since: prev.since, pending: { status: raw, count, since, last } },
    held: { raw, since, count, threshold },
  };
}
