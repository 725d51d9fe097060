/**
 * HTTP for health sources, built to fail honestly and on time: one dispatcher per run (through
 * the environment's proxy, see proxy.ts), one explicit timer per request that aborts its own
 * AbortController (covering connect, headers and the whole body: a trickling body cannot outlast
 * it), the run's signal forwarded to each request, a cap on the body, redirects followed by hand
 * (at most `maxRedirects`, and a request's own headers are never sent to another origin), retries
 * with jittered backoff for connection errors, 429 and 502/503/504 (honouring Retry-After only if
 * it fits before the deadline), and identical requests made once per run. `file:` URLs read
 * recorded payloads (regular files only). Failures are values with a short reason, never
 * exceptions; secrets are redacted.
 *
 * Why no `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on Node 20 such a combined signal
 * can be garbage-collected before it fires, and then nothing stops a trickling body. Timers that
 * we hold and clear ourselves always fire.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Dispatcher } from "undici";
import { expandEnv, redact, type Env } from "../util/env.js";
import { sleep } from "../util/sleep.js";
import { readRegularFile } from "../yaml/read-file.js";
import { readCapped, TooLarge } from "../util/read-capped.js";
import { createDispatcher, loadUndici, type ProxySettings } from "./proxy.js";

export interface FetchRequest {
  /** May contain `${ENV}`: expanded here, at request time. */
  url: string;
  method?: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type FetchResult =
  | { ok: true; status: number; headers: Record<string, string>; body: string; latencyMs: number; attempts: number }
  | { ok: false; error: string; latencyMs: number; attempts: number };

export type Fetcher = (req: FetchRequest) => Promise<FetchResult>;

export interface TransportOptions {
  env: Env;
  /** Folder that relative file: URLs are resolved against. */
  baseDir: string;
  /** performance.now() value after which nothing is started or waited for. */
  deadline: number;
  /** Aborts everything under way (the overall deadline, or Ctrl-C). */
  signal: AbortSignal;
  retries: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  userAgent: string;
  secrets: readonly string[];
  /** The config's proxy settings; by default the environment's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
  proxy?: ProxySettings;
  /** For tests: the random source behind the backoff jitter. */
  random?: () => number;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why a request was stopped: its own time limit, or the run's deadline (or Ctrl-C). */
class Stopped extends Error {
  constructor(readonly why: "timeout" | "deadline") {
    super(why);
  }
}

class TooManyRedirects extends Error {}

/** A short reason for a failed request, e.g. "timed out after 5000 ms" or "connection refused". */
export function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  if (error instanceof TooLarge) return e.message!;
  if (error instanceof TooManyRedirects) return e.message!;
  if (error instanceof Stopped) return error.why === "timeout" ? `timed out after ${timeoutMs} ms` : "stopped: the check's deadline was reached";
  if (e?.name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
    return `timed out after ${timeoutMs} ms`;
  }
  if (e?.name === "AbortError" || code === "ABORT_ERR") return "stopped: the check's deadline was reached";
  // undici's RequestAbortedError (named AbortError too), told by its code so undici need not be loaded.
  if (code === "UND_ERR_ABORTED" || code === "UND_ERR_ABORT") return "stopped: the check's deadline was reached";
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection reset";
    case "ENOTFOUND":
      return "host not found (DNS)";
    case "EAI_AGAIN":
      return "DNS lookup failed (temporary)";
    case "ENOENT":
      return "file not found";
    default:
      break;
  }
  if (code && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) return `TLS error (${code})`;
  const message = (e?.message ?? String(error)).split("\n")[0]!;
  return code ? `${code}: ${message}` : message;
}

function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A request's own AbortController: aborted by its timer after `timeoutMs`, or when the run's
 * signal aborts. `done()` clears the timer and the listener, so nothing outlives the request.
 */
function requestController(runSignal: AbortSignal, timeoutMs: number): { signal: AbortSignal; done: () => void } {
  const ctl = new AbortController();
  const onRunAbort = () => ctl.abort(new Stopped("deadline"));
  const timer = setTimeout(() => ctl.abort(new Stopped("timeout")), timeoutMs);
  if (runSignal.aborted) onRunAbort();
  else runSignal.addEventListener("abort", onRunAbort, { once: true });
  return {
    signal: ctl.signal,
    done: () => {
      clearTimeout(timer);
      runSignal.removeEventListener("abort", onRunAbort);
    },
  };
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
  return flat;
}

export function createTransport(options: TransportOptions): { fetch: Fetcher; close: () => Promise<void> } {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const random = options.random ?? Math.random;
  // undici (about 1 MB of code) is loaded on the first http(s) request, not at start-up: a check
  // that reads recorded file: payloads or --assume'd channels never needs it (docs/performance.md).
  let http: Promise<{ request: typeof import("undici").request; dispatcher: Dispatcher }> | undefined;
  const loadHttp = () =>
    (http ??= loadUndici().then(async ({ request }) => ({ request, dispatcher: await createDispatcher(options.env, options.proxy) })));
  const inflight = new Map<string, Promise<FetchResult>>();
  const clean = (text: string) => redact(text, options.secrets);

  async function readFileUrl(url: URL, started: number): Promise<FetchResult> {
    const latency = () => Math.round(performance.now() - started);
    try {
      // The same reader as calendars and configs: only regular files, the cap held while reading.
      const body = (await readRegularFile(fileURLToPath(url), maxBytes)).toString("utf8");
      return { ok: true, status: 200, headers: {}, body, latencyMs: latency(), attempts: 1 };
    } catch (error) {
      return { ok: false, error: describeError(error, 0), latencyMs: latency(), attempts: 1 };
    }
  }

  /**
   * One attempt: the request and its redirects, all within one time limit. On a redirect to
   * another origin the source's own headers (tokens, API keys) are dropped: they were written for
   * the first host, and a status page must not be able to forward them elsewhere.
   */
  async function once(start: URL, req: FetchRequest, baseHeaders: Record<string, string>, ownHeaders: Record<string, string>, timeoutMs: number) {
    const { request, dispatcher } = await loadHttp();
    const ctl = requestController(options.signal, timeoutMs);
    try {
      let url = start;
      let method = req.method ?? "GET";
      let body = req.body;
      let headers = { ...baseHeaders, ...ownHeaders };
      for (let hop = 0; ; hop++) {
        const res = await request(url, { method, headers, ...(body !== undefined ? { body } : {}), dispatcher, signal: ctl.signal });
        const location = res.headers.location;
        if (REDIRECTS.has(res.statusCode) && typeof location === "string") {
          // Read off the (small) redirect body so the connection is reused for the next hop.
          await res.body.dump({ limit: 64 * 1024, signal: ctl.signal }).catch(() => undefined);
          if (hop >= maxRedirects) throw new TooManyRedirects("too many redirects");
          const next = new URL(location, url);
          if (next.protocol !== "http:" && next.protocol !== "https:") throw new TooManyRedirects(`redirected to a ${next.protocol} URL; not followed`);
          if (next.origin !== url.origin) headers = { ...baseHeaders };
          if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")) {
            method = "GET";
            body = undefined;
          }
          url = next;
          continue;
        }
        const text = method === "HEAD" ? (res.body.on("error", () => undefined).destroy(), "") : (await readCapped(res.body, maxBytes, ctl.signal, () => new Stopped("deadline"))).toString("utf8");
        return { status: res.statusCode, headers: flatten(res.headers), body: text };
      }
    } catch (error) {
      // An abort surfaces as undici's own error; the controller's reason says which limit it was.
      if (ctl.signal.aborted && ctl.signal.reason instanceof Stopped) throw ctl.signal.reason;
      throw error;
    } finally {
      ctl.done();
    }
  }

  async function perform(req: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const expanded = expandEnv(req.url, options.env);
    let url: URL;
    try {
      url = new URL(expanded, pathToFileURL(options.baseDir.endsWith("/") ? options.baseDir : `${options.baseDir}/`));
    } catch {
      return { ok: false, error: "not a valid URL", latencyMs: 0, attempts: 0 };
    }
    if (url.protocol === "file:") return readFileUrl(url, started);
    if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: `cannot read a ${url.protocol} URL`, latencyMs: 0, attempts: 0 };
    const base: Record<string, string> = { "user-agent": options.userAgent, accept: "application/json, application/xml, text/xml, */*;q=0.5" };
    const own: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) own[k.toLowerCase()] = expandEnv(v, options.env);

    let attempts = 0;
    for (;;) {
      attempts++;
      const remaining = options.deadline - performance.now();
      if (remaining <= 0 || options.signal.aborted) {
        return { ok: false, error: "stopped: the check's deadline was reached", latencyMs: latency(), attempts };
      }
      const timeoutMs = Math.max(1, Math.floor(Math.min(req.timeoutMs, remaining)));
      let retryable: { reason: string; waitMs?: number } | undefined;
      try {
        const res = await once(url, req, base, own, timeoutMs);
        if (!RETRY_STATUSES.has(res.status) || attempts > options.retries) {
          return { ok: true, ...res, latencyMs: latency(), attempts };
        }
        const after = retryAfterMs(res.headers["retry-after"], Date.now());
        retryable = { reason: `HTTP ${res.status}`, ...(after !== undefined ? { waitMs: after } : {}) };
      } catch (error) {
        const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
        // A time limit cut short by the deadline is the deadline's doing, and says so.
        const clipped = error instanceof Stopped && error.why === "timeout" && timeoutMs < req.timeoutMs;
        const reason = clipped ? describeError(new Stopped("deadline"), timeoutMs) : describeError(error, timeoutMs);
        if (!code || !RETRY_CODES.has(code) || attempts > options.retries) {
          return { ok: false, error: clean(reason), latencyMs: latency(), attempts };
        }
        retryable = { reason };
      }
      // Exponential backoff with jitter (0.5x to 1.5x), or the server's Retry-After if it fits.
      const backoff = 250 * 2 ** (attempts - 1) * (0.5 + random());
      const wait = retryable.waitMs ?? backoff;
      if (performance.now() + wait >= options.deadline) {
        const why = retryable.waitMs !== undefined
          ? `${retryable.reason}; Retry-After ${Math.round(retryable.waitMs / 1000)}s is past the check's deadline`
          : `${retryable.reason}; no time left to retry`;
        return { ok: false, error: why, latencyMs: latency(), attempts };
      }
      await sleep(wait, options.signal);
    }
  }

  const fetch: Fetcher = (req) => {
    // One Meta or Statuspage answer serves every channel that reads it.
    const key = JSON.stringify([req.method ?? "GET", req.url, req.headers ?? {}, req.body ?? null]);
    let pending = inflight.get(key);
    if (!pending) {
      pending = perform(req);
      inflight.set(key, pending);
    }
    return pending;
  };

  // destroy, not close: close waits for requests still under way, and the run is over.
  return { fetch, close: async () => (http ? (await http).dispatcher.destroy().catch(() => undefined) : undefined) };
}

