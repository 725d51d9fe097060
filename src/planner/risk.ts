/**
 * From a plan to the verdict `check` gives: each post in the window with its risk, and one word
 * for the whole calendar (contract: go / covered / blocked / unverified, exit 0 / 3 / 4 / 5).
 * Unknown is never "go": a post whose channel could not be read, and that the plan does not
 * already move, is `unverified`; blocked > covered > unverified > go.
 */
import type { Calendar } from "../calendar/model.js";
import { ExitCode } from "../errors.js";
import type { HealthStatus } from "../health/status.js";
import { formatInZone } from "../time/zone.js";
import { postsInWindow } from "./plan.js";
import type { Plan } from "./types.js";

export type Risk = "none" | "covered" | "blocked" | "unverified";
export type Verdict = "go" | "covered" | "blocked" | "unverified";

export interface PostRisk {
  id: string;
  channel: string;
  at: string;
  risk: Risk;
  /** Where and when it would go instead (reroute, mirror, delay). */
  reroute?: { channel: string; at: string };
  action?: string;
  reasons: string[];
  /** For a blocked post: what would unblock it (from the planner). */
  fixes?: string[];
  /** The post's line in the calendar, for annotations. */
  line: number;
}

export interface RiskAssessment {
  verdict: Verdict;
  posts: PostRisk[];
  /** Channels with a post in the window whose health could not be read, by name. */
  unverified: string[];
}

/** `health`: each channel's status as the plan saw it; a channel missing from it is unknown. */
export function assessRisk(plan: Plan, calendar: Calendar, now: number, windowMs: number, health: ReadonlyMap<string, HealthStatus> = new Map()): RiskAssessment {
  const unknown = (channel: string) => (health.get(channel) ?? "unknown") === "unknown";
  const actions = new Map(plan.actions.filter((a) => a.action !== "notice").map((a) => [a.postId, a]));
  const blocked = new Map(plan.unroutable.map((u) => [u.postId, u]));
  const zone = (z?: string) => z ?? calendar.timezone ?? "UTC";
  const posts: PostRisk[] = postsInWindow(calendar, now, windowMs)
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((p) => {
      const base = { id: p.id, channel: p.channel, at: formatInZone(p.at, zone(p.zone)), line: p.line };
      const u = blocked.get(p.id);
      if (u) return { ...base, risk: "blocked" as const, reasons: u.reasons, ...(u.fixes ? { fixes: u.fixes } : {}) };
      const a = actions.get(p.id);
      if (a) {
        return {
          ...base,
          risk: "covered" as const,
          action: a.action,
          ...(a.to ? { reroute: { channel: a.to.channel, at: a.to.at } } : {}),
          reasons: a.reasons,
        };
      }
      if (unknown(p.channel)) return { ...base, risk: "unverified" as const, reasons: [`${p.channel}'s health could not be read`] };
      return { ...base, risk: "none" as const, reasons: [] };
    });
  const unverified = [...new Set(posts.filter((p) => unknown(p.channel)).map((p) => p.channel))].sort();
  const verdict: Verdict = posts.some((p) => p.risk === "blocked")
    ? "blocked"
    : posts.some((p) => p.risk === "covered")
      ? "covered"
      : posts.some((p) => p.risk === "unverified")
        ? "unverified"
        : "go";
  return { verdict, posts, unverified };
}

/** The first post still to go out after `t` (for "nothing in the window; the next is …"). */
export function nextPostAfter(calendar: Calendar, t: number): { id: string; channel: string; at: string } | undefined {
  let next: Calendar["posts"][number] | undefined;
  for (const p of calendar.posts) if (p.status === "scheduled" && p.at > t && (!next || p.at < next.at)) next = p;
  return next && { id: next.id, channel: next.channel, at: formatInZone(next.at, next.zone ?? calendar.timezone ?? "UTC") };
}

const EXIT: Record<Verdict, number> = { go: ExitCode.Go, covered: ExitCode.Covered, blocked: ExitCode.Blocked, unverified: ExitCode.Unverified };

export function exitCodeFor(verdict: Verdict): number {
  return EXIT[verdict];
}

/**
 * `reroute` and `failback`: the verdict of what remains after the plan. Posts the plan covers are
 * no longer at risk (0, not check's 3); what it cannot fix keeps its code (4 blocked, and any
 * verdict worse than covered). The same for a dry run and an apply, so a dry run in CI says what
 * applying would leave.
 */
export function exitCodeAfterPlan(verdict: Verdict): number {
  return verdict === "covered" ? ExitCode.Go : exitCodeFor(verdict);
}
