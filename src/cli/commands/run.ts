/**
 * `failover run`: the autopilot. Each cycle (src/autopilot/cycle.ts) checks, plans, applies within
 * the guard rails, fails back, publishes (--publish); this file parses the flags, keeps the clock,
 * sends the alerts to the --notify channels of the config (src/publish/notify.ts) and prints one
 * line per cycle (stderr) or one JSON object per cycle (--json).
 * Ctrl-C or SIGTERM lets the cycle under way finish its write, then stops: 130 or 143.
 */
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { runCycle, type ApplyMode, type CycleReport } from "../../autopilot/cycle.js";
import { autopilotSettings } from "../../autopilot/guard.js";
import { jobUrlFrom, type Alert } from "../../autopilot/alerts.js";
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import type { Config } from "../../config/model.js";
import { didYouMeanChannel } from "../../platforms.js";
import type { ChannelHealth } from "../../health/types.js";
import type { Project } from "../../project.js";
import { publishProject, type PublishReport } from "../../publish/publish.js";
import { sendTeamMessage, teamChannelProblem } from "../../publish/notify.js";
import { LockedError } from "../../writer/lock.js";
import { loadConfigFor } from "../config-run.js";
import { renderPlanMarkdown } from "../report/plan-markdown.js";
import { runLoop } from "../../autopilot/loop.js";
import { ExitCode, UsageError } from "../../errors.js";
import { loadProject } from "../../project.js";
import { parseDuration } from "../../time/duration.js";
import { applyPlan } from "../../writer/apply.js";
import type { CliContext } from "../context.js";
import { runHealthCheck } from "../health-run.js";
import { parseWindowFlag } from "../plan-run.js";
import { plural } from "../../util/words.js";
import { sleep as wallSleep } from "../../util/sleep.js";

export interface RunFlags {
  once?: true;
  every?: string;
  apply?: string;
  window?: string;
  notify?: string[];
  publish?: true;
  cycles?: string;
  step?: string;
}

const MODES: readonly ApplyMode[] = ["auto", "ask", "never"];
const NOTIFY_TIMEOUT_MS = 10_000;

function durationFlag(value: string, flag: string): number {
  const r = parseDuration(value);
  if (!r.ok) throw new UsageError(r.reason, flag);
  if (r.ms === 0) throw new UsageError("a zero interval would run without pause; write e.g. 1m or 5m", flag);
  return r.ms;
}

function cyclesFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,6}$/.test(value)) throw new UsageError(`"${value}" is not a number of cycles; write e.g. --cycles 288`, "--cycles");
  return Number(value);
}

/** --notify names team channels of the config: checked before the first cycle, a typo is exit 2. */
function checkNotify(config: Config, names: readonly string[]): void {
  for (const name of names) {
    const problem = teamChannelProblem(config, name);
    if (!problem) continue;
    const team = [...config.channels.keys()].filter((c) => !teamChannelProblem(config, c));
    const hint = /^https?:/i.test(name)
      ? "; declare the webhook as a channel of the config (platform: webhook, with url and format: slack in its publish: block) and name it, e.g. --notify team (docs/autopilot.md)"
      : config.channels.has(name) ? "" : didYouMeanChannel(name, team.length > 0 ? team : config.channels.keys());
    throw new UsageError(`${problem}${hint}`, "--notify");
  }
}

/** An alert as the team reads it: an approval carries the plan as Markdown (as `reroute --format markdown`). */
function alertMessage(alert: Alert) {
  const text = alert.plan ? `${alert.text}\n\n${renderPlanMarkdown(alert.plan)}` : alert.text;
  return { id: `alert-${alert.kind}-${createHash("sha256").update(alert.text).digest("hex").slice(0, 16)}`, title: alert.title, text };
}

/** Sends each alert to each team channel; one not delivered is a warning, never a stop. */
async function sendAlerts(ctx: CliContext, config: Config, alerts: readonly Alert[], channels: readonly string[], now: number, baseDir: string): Promise<void> {
  for (const alert of alerts) {
    for (const name of channels) {
      try {
        await sendTeamMessage(config, name, alertMessage(alert), { now, baseDir, timeoutMs: NOTIFY_TIMEOUT_MS });
      } catch (error) {
        ctx.out.warn(`alert "${alert.title}" not delivered to ${name}: ${(error as Error).message}`);
      }
    }
  }
}

/** The cycle's health for the channels it checked; a publishing channel it did not check is read now. */
function healthFor(known: readonly ChannelHealth[], readMore: (names: string[]) => Promise<ChannelHealth[]>) {
  return async (names: string[]): Promise<ChannelHealth[]> => {
    const missing = names.filter((n) => !known.some((c) => c.name === n));
    return [...known.filter((c) => names.includes(c.name)), ...(missing.length > 0 ? await readMore(missing) : [])];
  };
}

/** The JSON line of a cycle: the alerts as sent (an approval's plan is its Markdown, not the plan object). */
function cycleJson(r: CycleReport): string {
  return JSON.stringify({ ...r, alerts: r.alerts.map((a) => ({ kind: a.kind, title: a.title, channels: a.channels, text: alertMessage(a).text })) });
}

function cycleLine(r: CycleReport): string {
  const parts = [`${r.at} ${r.verdict}`];
  if (r.down.length > 0) parts.push(`down: ${r.down.join(", ")}`);
  if (r.paused) parts.push(`paused (${r.paused})`);
  if (r.moved.length > 0) parts.push(`moved ${plural(r.moved.length, "post")}`);
  if (r.held.length > 0) parts.push(`${plural(r.held.length, "post")} held`);
  if (r.failedBack.length > 0) parts.push(`failed back ${plural(r.failedBack.length, "post")}`);
  if (r.publish) {
    const p = r.publish;
    parts.push([`published ${p.published.length}`, ...(p.failed.length ? [`${p.failed.length} failed`] : []), ...(p.uncertain.length ? [`${p.uncertain.length} uncertain`] : []), ...(p.held ? [`${p.held} held`] : [])].join(", "));
  }
  if (r.alerts.length > 0) parts.push(`${plural(r.alerts.length, "alert")}`);
  return `failover run: ${parts.join("; ")}`;
}

export async function run(ctx: CliContext, _args: string[], options: RunFlags): Promise<number> {
  const mode = (options.apply ?? "never") as ApplyMode;
  if (!MODES.includes(mode)) throw new UsageError(`--apply takes auto, ask or never; not "${options.apply}"`, "--apply");
  if (options.once && options.every !== undefined) throw new UsageError("--once and --every contradict each other; pick one", "--once");
  const windowMs = parseWindowFlag(options.window);
  const everyMs = options.every !== undefined ? durationFlag(options.every, "--every") : 60_000;
  const stepMs = options.step !== undefined ? durationFlag(options.step, "--step") : undefined;
  if (stepMs !== undefined && !ctx.nowGiven) throw new UsageError("--step simulates the clock from --now; give --now too (a drill)", "--step");
  const cycles = options.once ? 1 : cyclesFlag(options.cycles) ?? (stepMs !== undefined ? 1 : undefined);
  const notify = [...new Set(options.notify ?? [])];
  const calendarPath = ctx.calendarPath ?? DEFAULT_CALENDAR_PATH;
  if (notify.length > 0) checkNotify(await loadConfigFor(ctx, calendarPath), notify);

  // The clock: simulated for a drill (--now + --step per cycle, no waiting), else the wall clock
  // started at --now when given.
  const started = Date.now();
  let simulated = ctx.now;
  const clock = stepMs !== undefined ? () => simulated : () => ctx.now + (Date.now() - started);
  const sleep = stepMs !== undefined ? async (ms: number) => void (simulated += ms) : wallSleep;

  const stop = new AbortController();
  let stopCode: number | undefined;
  const onSignal = (code: number) => () => {
    if (stopCode !== undefined) return;
    stopCode = code;
    ctx.out.info(`failover run: ${code === ExitCode.Terminated ? "SIGTERM" : "Ctrl-C"}; finishing the cycle under way, then stopping`);
    stop.abort();
  };
  const onInt = onSignal(ExitCode.Interrupted);
  const onTerm = onSignal(ExitCode.Terminated);
  // The CLI's own Ctrl-C handler exits at once; here the cycle under way finishes its write first.
  const others = process.listeners("SIGINT");
  for (const l of others) process.off("SIGINT", l);
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);

  const jobUrl = jobUrlFrom(ctx.env);
  let last: CycleReport | undefined;
  try {
    await runLoop(
      async (_index, now) => {
        let config: Config | undefined;
        let health: ChannelHealth[] = [];
        const readHealth = (names: readonly string[]) => runHealthCheck({ ...ctx, now }, config!, names, calendarPath);
        const report = await runCycle(
          {
            loadProject: () => loadProject({ ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}), ...(ctx.configPath ? { config: ctx.configPath } : {}), env: ctx.env }),
            checkHealth: async (cycleConfig, names) => {
              config = cycleConfig;
              ctx.out.addSecrets(cycleConfig.secrets);
              return (health = await readHealth(names));
            },
            apply: (applyOptions) => applyPlan(applyOptions),
            ...(options.publish ? { publish: (project: Project) => publishDue(ctx, project, now, healthFor(health, readHealth)) } : {}),
          },
          { now, mode, windowMs, settings: autopilotSettings, ...(jobUrl ? { jobUrl } : {}) },
        );
        if (config && report.alerts.length > 0) await sendAlerts(ctx, config, report.alerts, notify, now, dirname(resolve(calendarPath)));
        last = report;
        if (ctx.out.format === "json") ctx.out.data(cycleJson(report));
        else ctx.out.info(cycleLine(report));
      },
      { everyMs: stepMs ?? everyMs, ...(cycles !== undefined ? { cycles } : {}), now: clock, sleep, signal: stop.signal },
    );
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
    for (const l of others) process.on("SIGINT", l as () => void);
  }
  if (stopCode !== undefined) return stopCode;
  return last?.verdict === "blocked" ? ExitCode.Blocked : ExitCode.Go;
}

/** `--publish`: what is due, through src/publish (its journal and lock: never sent twice, as `failover publish`). */
async function publishDue(ctx: CliContext, project: Project, now: number, readHealth: (names: string[]) => Promise<ChannelHealth[]>): Promise<PublishReport> {
  try {
    return await publishProject(project, { now, readHealth });
  } catch (error) {
    if (!(error instanceof LockedError)) throw error;
    // A `failover publish` under way sends them: this cycle leaves them to it.
    ctx.out.warn(error.message);
    return { schemaVersion: 1, now: new Date(now).toISOString(), dryRun: false, due: [], published: [], failed: [], held: [], uncertain: [], missed: [], recovered: [], calendar: {} };
  }
}
