/**
 * One autopilot cycle, as a library call: read the calendar and config afresh, check health,
 * record it, plan reroutes, apply what the guard rails allow (`auto`), ask (`ask`) or only report
 * (`never`), fail back what can return, publish what is due (when a publish step is given), and say
 * which team alerts are due. Every outside effect (loading, health, applying, publishing) is passed
 * in, so a drill or a test runs it on a simulated clock.
 */
import { dirname, resolve } from "node:path";
import { channelsFor, planFailback, verdictFor } from "../check.js";
import type { ChannelHealth } from "../health/types.js";
import { isDownStatus } from "../health/down.js";
import { failbackChannels } from "../planner/failback.js";
import { fixesClause } from "../planner/plan.js";
import type { Verdict } from "../planner/risk.js";
import type { Plan, PlanAction } from "../planner/types.js";
import type { Project } from "../project.js";
import type { Config } from "../config/model.js";
import type { ApplyOptions, ApplyResult } from "../writer/apply.js";
import { formatInZone } from "../time/zone.js";
import { STATE_FOLDER } from "../health/state-file.js";
import { appendHistory, historyEntries, historyFileIn } from "./history.js";
import { pauseFileIn, pausedReason } from "./pause.js";
import { guardPlan, trackOutages, type AutopilotSettings, type Outage } from "./guard.js";
import { alertKey, composeAlert, type Alert } from "./alerts.js";
import { readRegularFile } from "../yaml/read-file.js";
import { join } from "node:path";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { PublishReport } from "../publish/publish.js";

export type ApplyMode = "auto" | "ask" | "never";

/** What the autopilot remembers between cycles: `.failover/autopilot.json`. */
export interface AutopilotState {
  verdict?: Verdict;
  outages: Record<string, Outage>;
  /** Alerts not tied to one outage (a verdict going back to go), by key, cleared when the verdict changes. */
  alerted: string[];
  /** Alerts about one post's publishing (failed, uncertain), by key: kept across outages, the latest few hundred. */
  posts: string[];
}

/** Post alerts remembered; older ones are long decided (a failed post stays failed in the calendar). */
const MAX_POST_ALERTS = 500;

export interface CycleDeps {
  loadProject: () => Promise<Project>;
  /** Health with thresholds applied, as `check` reads it. */
  checkHealth: (config: Config, names: readonly string[]) => Promise<ChannelHealth[]>;
  apply: (options: ApplyOptions) => Promise<ApplyResult>;
  /** With `--publish`: sends what is due (src/publish, its journal and lock), after failback. */
  publish?: (project: Project) => Promise<PublishReport>;
}

export interface CycleOptions {
  now: number;
  mode: ApplyMode;
  windowMs: number;
  settings: (config: Config) => AutopilotSettings;
  /** Link to the job, for alerts (from GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_RUN_ID). */
  jobUrl?: string;
}

export interface CycleReport {
  at: string;
  verdict: Verdict;
  paused?: string;
  down: string[];
  moved: Array<{ postId: string; from: string; to: string; at: string }>;
  held: Array<{ postId: string; reason: string }>;
  failedBack: string[];
  /** With a publish step: what it sent, what failed or is uncertain, how many it held. */
  publish?: {
    published: Array<{ postId: string; channel: string; url: string | null }>;
    failed: Array<{ postId: string; channel: string; error: string; retryable: boolean }>;
    uncertain: Array<{ postId: string; channel: string; reason: string }>;
    held: number;
  };
  alerts: Alert[];
  written?: string;
}

export const AUTOPILOT_STATE_FILE = "autopilot.json";

export function autopilotStateFileIn(folder: string): string {
  return join(folder, STATE_FOLDER, AUTOPILOT_STATE_FILE);
}

export async function loadAutopilotState(file: string): Promise<AutopilotState> {
  try {
    // A regular file only, within the input cap (a FIFO there must not hang the loop).
    const raw = JSON.parse((await readRegularFile(file)).toString("utf8")) as Partial<AutopilotState>;
    return { ...(raw.verdict ? { verdict: raw.verdict } : {}), outages: raw.outages ?? {}, alerted: raw.alerted ?? [], posts: raw.posts ?? [] };
  } catch {
    // Missing or damaged: start afresh (at worst an alert is sent again, nothing is moved twice:
    // the calendar itself records what was moved).
    return { outages: {}, alerted: [], posts: [] };
  }
}

function movedOf(actions: readonly PlanAction[]): CycleReport["moved"] {
  return actions.map((a) => ({ postId: a.postId, from: `${a.from.channel} ${a.from.at}`, to: a.to ? `${a.to.channel} ${a.to.at}` : a.action, at: a.from.at }));
}

export async function runCycle(deps: CycleDeps, options: CycleOptions): Promise<CycleReport> {
  const at = formatInZone(options.now, "UTC");
  const project = await deps.loadProject();
  const folder = dirname(resolve(project.calendar.file));
  const stateFile = autopilotStateFileIn(folder);
  const state = await loadAutopilotState(stateFile);
  const paused = await pausedReason(pauseFileIn(folder));
  const settings = options.settings(project.config);

  const names = [...new Set([...channelsFor(project, { now: options.now, windowMs: options.windowMs }), ...failbackChannels(project.calendar)])];
  const health = await deps.checkHealth(project.config, names);
  await appendHistory(historyFileIn(folder), historyEntries(health, at));
  const down = health.filter((c) => isDownStatus(c.status, { rerouteOn: project.config.defaults.rerouteOn })).map((c) => c.name);
  const outages = trackOutages(state.outages, down, health.map((c) => c.name), at);

  const result = verdictFor(project, health, { now: options.now, windowMs: options.windowMs });
  const report: CycleReport = { at, verdict: result.verdict, ...(paused ? { paused } : {}), down, moved: [], held: [], failedBack: [], alerts: [] };
  const alerted = state.verdict === result.verdict ? [...state.alerted] : [];
  const posts = [...state.posts];
  // Where an alert's key is remembered: with each channel's outage (forgotten when it ends, so the
  // next outage alerts afresh), with the verdict for what no outage holds, or with the posts.
  const memories = (channels: readonly string[], perPost: boolean): string[][] =>
    perPost ? [posts] : channels.some((c) => outages[c]) ? channels.flatMap((c) => (outages[c] ? [outages[c].alerted] : [])) : [alerted];
  const alert = (kind: Alert["kind"], channels: readonly string[], detail: { plan?: Plan; lines?: string[] }, about: readonly string[] = [], perPost = false) => {
    const key = perPost ? [kind, ...channels, ...about].join("|") : alertKey(kind, channels, outages, about);
    const where = memories(channels, perPost);
    if (where.every((m) => m.includes(key))) return;
    for (const m of where) if (!m.includes(key)) m.push(key);
    report.alerts.push(composeAlert(kind, { channels, verdict: result.verdict, ...detail, ...(options.jobUrl ? { jobUrl: options.jobUrl } : {}) }));
  };

  if (state.verdict !== undefined && state.verdict !== result.verdict) alert(result.verdict === "go" ? "recovered" : "verdict", down, {}, [result.verdict]);
  else if (state.verdict === undefined && result.verdict !== "go") alert("verdict", down, {}, [result.verdict]);

  let calendar = project.calendar;
  if (result.plan.actions.length > 0) {
    const guarded = options.mode === "auto" && !paused ? guardPlan(result.plan, calendar, settings, outages, options.now) : { allowed: [], held: result.plan.actions.map((action) => ({ action, reason: paused ? `paused: ${paused}` : `--apply ${options.mode}` })) };
    report.held = guarded.held.map((h) => ({ postId: h.action.postId, reason: h.reason }));
    if (guarded.allowed.length > 0) {
      const plan = { ...result.plan, actions: guarded.allowed };
      const applied = await deps.apply({ calendarFile: calendar.file, config: project.config, plan, calendar, now: options.now });
      report.moved = movedOf(applied.plan.actions);
      if (applied.written) report.written = applied.written;
      for (const a of applied.plan.actions) {
        const o = outages[a.from.channel];
        if (o) o.moved += 1;
      }
      const channels = [...new Set(applied.plan.actions.map((a) => a.from.channel))];
      alert("applied", channels, { plan: applied.plan, lines: report.moved.map((m) => `${m.postId}: ${m.from} → ${m.to}`) }, report.moved.map((m) => m.postId));
      calendar = (await deps.loadProject()).calendar;
    }
    // `never` only reports; `ask` and the guard rails of `auto` ask a person, with the plan.
    const needPerson = options.mode === "never" ? [] : guarded.held.filter((h) => !("waiting" in h));
    if (needPerson.length > 0 && !paused) {
      const heldPlan = { ...result.plan, actions: needPerson.map((h) => h.action) };
      alert("approval", [...new Set(heldPlan.actions.map((a) => a.from.channel))], { plan: heldPlan, lines: needPerson.map((h) => `${h.action.postId}: ${h.reason}`) }, heldPlan.actions.map((a) => a.postId));
    }
  }
  if (result.plan.unroutable.length > 0) alert("blocked", down, { lines: result.plan.unroutable.map((u) => `${u.postId} (${u.channel} ${u.at}): ${u.reasons.join("; ")}${fixesClause(u.fixes)}`) }, result.plan.unroutable.map((u) => u.postId));

  if (options.mode === "auto" && !paused) {
    const back = planFailback({ ...project, calendar }, health, { now: options.now });
    if (back.actions.length > 0) {
      const applied = await deps.apply({ calendarFile: calendar.file, config: project.config, plan: back, now: options.now });
      report.failedBack = applied.plan.actions.map((a) => a.postId);
      if (applied.written) report.written = applied.written;
      alert("failback", [], { lines: applied.plan.actions.map((a) => `${a.postId}: back to ${a.to?.channel ?? a.from.channel} ${a.to?.at ?? ""}`.trim()), plan: applied.plan }, report.failedBack);
    }
  }

  if (deps.publish && !paused) {
    const published = await deps.publish(await deps.loadProject());
    report.publish = {
      published: published.published.map(({ postId, channel, url }) => ({ postId, channel, url })),
      failed: published.failed.map(({ postId, channel, error, retryable }) => ({ postId, channel, error, retryable })),
      uncertain: published.uncertain,
      held: published.held.length,
    };
    if (published.calendar.written) report.written = published.calendar.written;
    for (const f of published.failed) alert("failed", [f.channel], { lines: [`${f.postId} on ${f.channel}: ${f.error}${f.retryable ? " (left due: the next cycle tries again)" : ""}`] }, [f.postId], true);
    for (const u of published.uncertain) alert("uncertain", [u.channel], { lines: [`${u.postId} on ${u.channel}: ${u.reason}`, "check the channel by hand, then set its status to posted or remove it"] }, [u.postId], true);
  }

  const remembered = posts.slice(-MAX_POST_ALERTS);
  await writeFileAtomic(stateFile, JSON.stringify({ verdict: result.verdict, outages, alerted, posts: remembered } satisfies AutopilotState, null, 2) + "\n");
  return report;
}
