/**
 * Checking channels' health: every source of every channel at once (bounded concurrency), each
 * within its own time limit, the whole within the deadline. A channel's status is the worst among
 * its sources that answered, `unknown` if none did. `assume` overrides a channel with no network.
 */
import { setMaxListeners } from "node:events";
import { dirname, resolve } from "node:path";
import { builtinDefaults } from "./config/builtin.js";
import { resolveChannel } from "./config/load.js";
import type { Channel, Config } from "./config/model.js";
import { envRefs, redact, type Env } from "./util/env.js";
import { VERSION } from "./version.js";
import { pool } from "./util/pool.js";
import { checkerFor } from "./health/registry.js";
import { mastodonEndpoint } from "./health/sources/mastodon.js";
import type { HealthSourceConfig } from "./health/source-schema.js";
import { combineStatuses, type HealthStatus } from "./health/status.js";
import { createTransport, type Fetcher } from "./health/transport.js";
import type { ChannelHealth, SourceAnswer, SourceResult } from "./health/types.js";

export interface CheckHealthOptions {
  /** The clock for time-based sources (feeds), from --now. */
  now: number;
  /** --assume: these channels get this status and no source is read. */
  assume?: ReadonlyMap<string, HealthStatus>;
  /** Ctrl-C. */
  signal?: AbortSignal;
  /** Called as sources finish, for a spinner. */
  onProgress?: (done: number, total: number) => void;
  /** For tests: a transport of their own. */
  fetch?: Fetcher;
}

/** The URL a source reads, as written (with `${ENV}` unexpanded); none for manual sources. */
export function sourceUrlOf(source: HealthSourceConfig): string | undefined {
  if (source.kind === "manual") return undefined;
  if (source.kind === "mastodon") return source.url ?? (source.instance ? mastodonEndpoint(source.instance) : undefined);
  return source.url;
}

/**
 * A source as it is read for one channel: a Mastodon probe with no instance of its own probes
 * the channel's `instance` (the built-in default for mastodon channels is just `{ kind: mastodon }`).
 */
export function sourceForChannel(source: HealthSourceConfig, channel: Channel, mirrors: Readonly<Record<string, string>> = {}): HealthSourceConfig {
  const own = source.kind === "mastodon" && !source.url && !source.instance && channel.instance ? { ...source, instance: channel.instance } : source;
  return mirrored(own, mirrors);
}

/**
 * A source read through `health.mirrors`: the longest prefix of its URL that has a mirror is
 * replaced, so built-in URLs can point at a proxy, a recorded copy or a drill's loopback server.
 */
function mirrored(source: HealthSourceConfig, mirrors: Readonly<Record<string, string>>): HealthSourceConfig {
  const url = sourceUrlOf(source);
  if (url === undefined) return source;
  const prefix = Object.keys(mirrors)
    .filter((p) => url.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return source;
  return { ...source, url: mirrors[prefix] + url.slice(prefix.length) } as HealthSourceConfig;
}

export function sourceName(source: HealthSourceConfig): string {
  if (source.name) return source.name;
  if (source.kind === "manual") return "manual";
  const url = sourceUrlOf(source);
  if (url === undefined) return source.kind;
  if (url.startsWith("file:")) return `${source.kind} ${url.slice(5).split("/").pop()}`;
  try {
    return `${source.kind} ${new URL(url.replace(/\$\{[^}]*\}/g, "x")).host}`;
  } catch {
    return source.kind;
  }
}

/** The `${NAME}` variables a source uses (URL, headers, body) that the environment does not set. */
export function unsetVariables(source: HealthSourceConfig, env: Env): string[] {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      for (const name of envRefs(v)) if (env[name] === undefined) names.add(name);
    } else if (v && typeof v === "object") {
      for (const item of Object.values(v)) walk(item);
    }
  };
  walk(source);
  return [...names];
}

export async function checkHealth(config: Config, channelNames: readonly string[], options: CheckHealthOptions): Promise<ChannelHealth[]> {
  const channels = channelNames.map((name) => resolveChannel(config, name)).filter((c): c is Channel => c !== undefined);
  const toRead = channels.filter((c) => !options.assume?.has(c.name));
  const jobs = toRead.flatMap((c) => c.health.map((source) => ({ channel: c.name, source: sourceForChannel(source, c, config.health.mirrors) })));

  // The run's own controller, aborted by one explicit timer (the deadline) or by the caller's
  // signal (Ctrl-C). No AbortSignal.any/timeout: on Node 20 those can be collected unfired.
  const run = new AbortController();
  const deadline = performance.now() + config.health.deadlineMs;
  const timer = setTimeout(() => run.abort(), config.health.deadlineMs);
  const onCallerAbort = () => run.abort();
  if (options.signal?.aborted) run.abort();
  else options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const signal = run.signal;
  // Every source listens for the deadline: many listeners on one signal are expected here.
  setMaxListeners(0, signal);
  const transport = options.fetch
    ? undefined
    : createTransport({
        env: config.env,
        baseDir: config.file ? dirname(resolve(config.file)) : process.cwd(),
        deadline,
        signal,
        retries: config.health.retries,
        userAgent: `failover/${VERSION} (+https://www.npmjs.com/package/failover)`,
        secrets: config.secrets,
        ...(config.health.proxy ? { proxy: config.health.proxy } : {}),
      });
  const fetch = options.fetch ?? transport!.fetch;
  const baseDir = config.file ? dirname(resolve(config.file)) : process.cwd();

  let done = 0;
  // The deadline's timer and the connections are let go however the run ends (a throw included).
  const results = await pool(
    jobs.map(({ source }) => async (): Promise<SourceResult> => {
      const started = performance.now();
      const ctx = { fetch, now: options.now, env: config.env, baseDir, timeoutMs: config.health.timeoutMs };
      // A source that ignores its own limits still cannot hold the run past the deadline.
      let lateTimer: NodeJS.Timeout | undefined;
      const stopped: SourceAnswer = { status: "unknown", error: "stopped: the check's deadline was reached" };
      let onAbort: (() => void) | undefined;
      const late = new Promise<SourceAnswer>((resolveLate) => {
        onAbort = () => resolveLate(stopped);
        lateTimer = setTimeout(onAbort, Math.max(0, deadline - performance.now()));
        signal.addEventListener("abort", onAbort, { once: true });
      });
      let answer: SourceAnswer;
      const unset = unsetVariables(source, config.env);
      try {
        // A source whose secret is not set is not read (it would send an empty token): unknown, saying which.
        answer = unset.length > 0
          ? { status: "unknown", error: `environment variable${unset.length === 1 ? "" : "s"} ${unset.join(", ")} ${unset.length === 1 ? "is" : "are"} not set` }
          : await Promise.race([checkerFor(source.kind).check(source as never, ctx), late]);
      } catch (error) {
        // A checker throwing is a bug in it; the run still answers, with the reason.
        answer = { status: "unknown", error: `internal error in the ${source.kind} source: ${(error as Error).message}` };
      } finally {
        clearTimeout(lateTimer);
        if (onAbort) signal.removeEventListener("abort", onAbort);
      }
      options.onProgress?.(++done, jobs.length);
      const result: SourceResult = {
        kind: source.kind,
        name: sourceName(source),
        ...(sourceUrlOf(source) !== undefined ? { url: sourceUrlOf(source) } : {}),
        status: answer.status,
        latencyMs: Math.round(performance.now() - started),
        ...(answer.status === "unknown" ? { error: redact(answer.error, config.secrets) } : {}),
        ...(answer.detail ? { detail: redact(answer.detail, config.secrets) } : {}),
      };
      return result;
    }),
    config.health.concurrency,
  ).finally(async () => {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
    // Whatever a source left under way is stopped now, so no socket or timer keeps the process up.
    run.abort();
    await transport?.close();
  });

  let cursor = 0;
  const bySource = new Map<string, SourceResult[]>();
  for (const { channel } of jobs) {
    const list = bySource.get(channel) ?? [];
    list.push(results[cursor++]!);
    bySource.set(channel, list);
  }
  return channels.map((c) => {
    const assumed = options.assume?.get(c.name);
    if (assumed !== undefined) return { name: c.name, platform: c.platform, status: assumed, sources: [], assumed: true };
    const sources = bySource.get(c.name) ?? [];
    const status = combineStatuses(sources.map((s) => s.status));
    if (sources.length > 0) return { name: c.name, platform: c.platform, status, sources };
    const why = builtinDefaults()[c.platform].note ?? "";
    return { name: c.name, platform: c.platform, status, sources, note: `no health source: add one under channels.${c.name}.health, or use --assume. ${why}`.trim() };
  });
}

/** Status per channel name, for the planner. */
export function healthMap(channels: readonly ChannelHealth[]): Map<string, HealthStatus> {
  return new Map(channels.map((c) => [c.name, c.status]));
}
