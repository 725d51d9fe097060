/**
 * Guard rails for applying without a person (`autopilot:` in the config): a quiet period before
 * acting on a new outage, at most `maxAutoMoves` posts moved per outage, and never a post whose
 * policy is `skip` or whose campaign is listed. What is held back waits for a person (`ask`).
 */
import type { Calendar } from "../calendar/model.js";
import type { PlanAction, Plan } from "../planner/types.js";

export interface AutopilotSettings {
  maxAutoMoves: number;
  confirmForMs: number;
  /** Campaigns never moved automatically. */
  neverMoveCampaigns: string[];
}

export const DEFAULT_AUTOPILOT: AutopilotSettings = { maxAutoMoves: 10, confirmForMs: 5 * 60_000, neverMoveCampaigns: [] };

/** One outage of one channel, as the autopilot remembers it between cycles. */
export interface Outage {
  /** ISO time the channel was first seen down in this outage. */
  since: string;
  /** Posts moved automatically in this outage. */
  moved: number;
  /** Alerts already sent for this outage, by key: never the same twice. */
  alerted: string[];
}

export interface Guarded {
  allowed: PlanAction[];
  held: Array<{ action: PlanAction; reason: string; /** Only waiting for the quiet period: no person needed yet. */ waiting?: true }>;
}

/** Splits a reroute plan's actions into those the autopilot may apply now and those held for a person. */
export function guardPlan(plan: Plan, calendar: Calendar, settings: AutopilotSettings, outages: Readonly<Record<string, Outage>>, now: number): Guarded {
  const posts = new Map(calendar.posts.map((p) => [p.id, p]));
  const movedSoFar = new Map(Object.entries(outages).map(([name, o]) => [name, o.moved]));
  const result: Guarded = { allowed: [], held: [] };
  for (const action of plan.actions) {
    const post = posts.get(action.postId);
    const channel = action.from.channel;
    const outage = outages[channel];
    const hold = (reason: string, waiting = false) => result.held.push({ action, reason, ...(waiting ? { waiting: true as const } : {}) });
    if (post?.policy === "skip") hold("policy: skip is never applied automatically");
    else if (post?.campaign !== undefined && settings.neverMoveCampaigns.includes(post.campaign)) hold(`campaign ${post.campaign} is in autopilot.neverMove`);
    else if (!outage || now - Date.parse(outage.since) < settings.confirmForMs) hold(`${channel} has not been down for autopilot.confirmFor yet`, true);
    else if ((movedSoFar.get(channel) ?? 0) >= settings.maxAutoMoves) hold(`${settings.maxAutoMoves} posts already moved in this ${channel} outage (autopilot.maxAutoMoves)`);
    else {
      movedSoFar.set(channel, (movedSoFar.get(channel) ?? 0) + 1);
      result.allowed.push(action);
    }
  }
  return result;
}

/**
 * The outages after a check: a channel newly down starts one (at `at`), one still down keeps its
 * own, one up again ends it (its record is dropped, so the next outage alerts afresh).
 */
export function trackOutages(previous: Readonly<Record<string, Outage>>, down: readonly string[], checked: readonly string[], at: string): Record<string, Outage> {
  const next: Record<string, Outage> = {};
  for (const [name, o] of Object.entries(previous)) if (!checked.includes(name)) next[name] = o;
  for (const name of down) next[name] = previous[name] ?? { since: at, moved: 0, alerted: [] };
  return next;
}

/** The config's `autopilot:` with the defaults filled in. */
export function autopilotSettings(config: { autopilot?: Partial<AutopilotSettings> }): AutopilotSettings {
  return { ...DEFAULT_AUTOPILOT, ...config.autopilot };
}
