/**
 * The whole pre-launch check as one library call: read the health of every channel that matters,
 * plan reroutes for posts at risk with the real adapters, and give the verdict. The CLI's `check`
 * and `reroute` are thin shells around these functions.
 */
import { rewritePost } from "./adapters/rewrite.js";
import { resolveChannel } from "./config/load.js";
import { checkHealth, healthMap, type CheckHealthOptions } from "./check-health.js";
import type { ChannelHealth } from "./health/types.js";
import { makeFailbackPlan } from "./planner/failback.js";
import { channelsToCheck, makePlan, type Rewriter } from "./planner/plan.js";
import { assessRisk, type PostRisk, type Verdict } from "./planner/risk.js";
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
  plan: Plan;
}

export function verdictFor(project: Project, health: ChannelHealth[], options: PlanOptions): CheckResult {
  const plan = planReroutes(project, health, options);
  const { verdict, posts } = assessRisk(plan, project.calendar, options.now, options.windowMs ?? DEFAULT_WINDOW_MS);
  return { verdict, channels: health, posts, plan };
}

/** Health, plan and verdict in one call. */
export async function checkProject(project: Project, options: PlanOptions & Omit<CheckHealthOptions, "now">): Promise<CheckResult> {
  const health = await checkHealth(project.config, channelsFor(project, options), options);
  return verdictFor(project, health, options);
}

/** The failback plan for known health: posts failover moved that can return to their channel. */
export function planFailback(project: Project, health: readonly ChannelHealth[], options: Pick<PlanOptions, "now">): Plan {
  return makeFailbackPlan({ calendar: project.calendar, config: project.config, health: healthMap(health), now: options.now, rewrite: adapterRewriter });
}
