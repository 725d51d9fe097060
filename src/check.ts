/**
 * The whole pre-launch check as one library call: read the health of every channel that matters,
 * plan reroutes for posts at risk with the real adapters, and give the verdict. The CLI's `check`
 * and `reroute` are thin shells around these functions.
 */
import { rewritePost } from "./adapters/rewrite.js";
import { resolveChannel } from "./config/load.js";
import { healthMap } from "./check-health.js";
import { runHealth, type HealthRunOptions } from "./run-health.js";
import type { ChannelHealth } from "./health/types.js";
import { makeFailbackPlan } from "./planner/failback.js";
import { channelsToCheck, makePlan, type Rewriter } from "./planner/plan.js";
import { assessRisk, nextPostAfter, type PostRisk, type Verdict } from "./planner/risk.js";
import type { Plan } from "./planner/types.js";
import type { Project } from "./project.js";

/** The planner's rewriter: the platform adapters, with the config's handles. */
export const adapterRewriter: Rewriter = (post, channel, config) => {
  const source = resolveChannel(config, post.channel);
  return rewritePost(post, { channel, ...(source ? { source } : {}), retag: config.defaults.retag }, config.handles);
};

export interface PlanOptions {
  now: number;
  /** How far ahead to look; default 48h. */
  windowMs?: number;
  /** Count unknown health as down. */
  strict?: boolean;
}

export const DEFAULT_WINDOW_MS = 48 * 3_600_000;

/** The channels whose health a check of this project needs. */
export function channelsFor(project: Project, options: PlanOptions): string[] {
  return channelsToCheck(project.calendar, project.config, options.now, options.windowMs ?? DEFAULT_WINDOW_MS);
}

/** The plan for known health: pure, deterministic. */
export function planReroutes(project: Project, health: readonly ChannelHealth[], options: PlanOptions): Plan {
  return makePlan({
    calendar: project.calendar,
    config: project.config,
    health: healthMap(health),
    now: options.now,
    windowMs: options.windowMs ?? DEFAULT_WINDOW_MS,
    strict: options.strict ?? false,
    rewrite: adapterRewriter,
  });
}

export interface CheckResult {
  verdict: Verdict;
  channels: ChannelHealth[];
  posts: PostRisk[];
  /** Channels with posts in the window whose health could not be read. */
  unverified: string[];
  plan: Plan;
  /** With nothing in the window: the first post after it, if any. */
  nextPost?: { id: string; channel: string; at: string };
}

export function verdictFor(project: Project, health: ChannelHealth[], options: PlanOptions): CheckResult {
  const plan = planReroutes(project, health, options);
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const { verdict, posts, unverified } = assessRisk(plan, project.calendar, options.now, windowMs, healthMap(health));
  const nextPost = posts.length === 0 ? nextPostAfter(project.calendar, options.now + windowMs) : undefined;
  return { verdict, channels: health, posts, unverified, plan, ...(nextPost ? { nextPost } : {}) };
}

/**
 * Health, plan and verdict in one call, as `failover check` gives them: with `statePath` the
 * answers are held to the thresholds with that state file, exactly as the CLI does.
 */
export async function checkProject(project: Project, options: PlanOptions & Omit<HealthRunOptions, "now">): Promise<CheckResult & { warnings: string[] }> {
  const { channels, warnings } = await runHealth(project.config, channelsFor(project, options), options);
  return { ...verdictFor(project, channels, options), warnings };
}

/** The failback plan for known health: posts failover moved that can return to their channel. */
export function planFailback(project: Project, health: readonly ChannelHealth[], options: Pick<PlanOptions, "now">): Plan {
  return makeFailbackPlan({ calendar: project.calendar, config: project.config, health: healthMap(health), now: options.now, rewrite: adapterRewriter });
}
