/**
 * `failover run`: the autopilot. Each cycle (src/autopilot/cycle.ts) checks, plans, applies within
 * the guard rails, fails back; this file parses the flags, keeps the clock, sends the alerts to
 * --notify webhooks and prints one line per cycle (stderr) or one JSON object per cycle (--json).
 * Ctrl-C or SIGTERM lets the cycle under way finish its write, then stops: 130 or 143.
 */
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { runCycle, type ApplyMode, type CycleReport } from "../../autopilot/cycle.js";
import { autopilotSettings } from "../../autopilot/guard.js";
import { jobUrlFrom, type Alert } from "../../autopilot/alerts.js";
import { runLoop } from "../../autopilot/loop.js";
import { ExitCode, UsageError } from "../../errors.js";
import { loadProject } from "../../project.js";
import { parseDuration } from "../../time/duration.js";
import { applyPlan } from "../../writer/apply.js";
import type { CliContext } from "../context.js";
import { runHealthCheck } from "../health-run.js";
import { parseWindowFlag } from "../plan-run.js";
import { plural } from "../../util/words.js";

export interface RunFlags {
  once?: true;
  every?: string;
  apply?: string;
  window?: string;
  notify?: string[];
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

function checkNotify(urls: readonly string[]): void {
  for (const url of urls) {
    if (!/^https?:\/\/[^\s]+$/.test(url)) throw new UsageError(`"${url}" is not a webhook URL (Slack, Discord or any that takes {"text": ...}); write e.g. --notify "$SLACK_WEBHOOK_URL"`, "--notify");
  }
}

/** Posts an alert as `{text, content}`: Slack reads `text`, Discord `content`. A failure is a warning, never a stop. */
async function sendAlert(url: string, alert: Alert): Promise<string | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), NOTIFY_TIMEOUT_MS);
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: alert.text, content: alert.text }), signal: controller.signal });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? undefined : `alert "${alert.title}" not delivered: the webhook answered ${res.status}`;
  } catch (error) {
    return `alert "${alert.title}" not delivered: ${controller.signal.aborted ? `no answer in ${NOTIFY_TIMEOUT_MS / 1000}s` : (error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

function cycleLine(r: CycleReport): string {
  const parts = [`${r.at} ${r.verdict}`];
  if (r.down.length > 0) parts.push(`down: ${r.down.join(", ")}`);
  if (r.paused) parts.push(`paused (${r.paused})`);
  if (r.moved.length > 0) parts.push(`moved ${plural(r.moved.length, "post")}`);
  if (r.held.length > 0) parts.push(`${plural(r.held.length, "post")} held`);
  if (r.failedBack.length > 0) parts.push(`failed back ${plural(r.failedBack.length, "post")}`);
  if (r.alerts.length > 0) parts.push(`${plural(r.alerts.length, "alert")}`);
  return `failover run: ${parts.join("; ")}`;
}

/** A sleep that ends early on a stop signal. */
function wallSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    }
    signal.addEventListener("abort", finish, { once: true });
  });
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
  const notify = options.notify ?? [];
  checkNotify(notify);
  ctx.out.addSecrets(notify);

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
        const report = await runCycle(
          {
            loadProject: () => loadProject({ ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}), ...(ctx.configPath ? { config: ctx.configPath } : {}), env: ctx.env }),
            checkHealth: (config, names) => {
              ctx.out.addSecrets(config.secrets);
              return runHealthCheck({ ...ctx, now }, config, names, ctx.calendarPath ?? DEFAULT_CALENDAR_PATH);
            },
            apply: (applyOptions) => applyPlan(applyOptions),
          },
          { now, mode, windowMs, settings: autopilotSettings, ...(jobUrl ? { jobUrl } : {}) },
        );
        for (const alert of report.alerts) {
          for (const url of notify) {
            const failed = await sendAlert(url, alert);
            if (failed) ctx.out.warn(failed);
          }
        }
        last = report;
        if (ctx.out.format === "json") ctx.out.data(JSON.stringify(report));
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
