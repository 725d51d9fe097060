/**
 * HTTP for health sources, built to fail honestly and on time: one shared undici Agent, a
 * per-request time limit covering connect, headers and body (a trickling body cannot outlast it),
 * the run's overall deadline, a cap on the body, a limit on redirects, retries with jittered
 * backoff for connection errors, 429 and 502/503/504 (honouring Retry-After only if it fits
 * before the deadline), and identical requests made once per run. `file:` URLs read recorded
 * payloads. Failures are values with a short reason, never exceptions; secrets are redacted.
 */
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Agent, errors as undiciErrors, interceptors, request, type Dispatcher } from "undici";
import { expandEnv, redact, type Env } from "../util/env.js";

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
  /** For tests: the random source behind the backoff jitter. */
  random?: () => number;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);

class TooLarge extends Error {}

/** A short reason for a failed request, e.g. "timed out after 5000 ms" or "connection refused". */
export function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  if (error instanceof TooLarge) return e.message!;
  if (e?.name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
    return `timed out after ${timeoutMs} ms`;
  }
  if (e?.name === "AbortError" || code === "ABORT_ERR") return "stopped: the check's deadline was reached";
  if (error instanceof undiciErrors.RequestAbortedError) return "stopped: the check's deadline was reached";
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
    case "UND_ERR_MAX_REDIRECTIONS":
    case "UND_ERR_REQ_RETRY":
      return "too many redirects";
    default:
      break;
  }
  if (code && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) return `TLS error (${code})`;
  const message = (e?.message ?? String(error)).split("\n")[0]!;
  if (/redirect/i.test(message)) return "too many redirects";
  return code ? `${code}: ${message}` : message;
}

function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readCapped(body: Dispatcher.ResponseData["body"], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new TooLarge(`the answer is larger than ${Math.round(maxBytes / 1024)} KiB; stopped reading`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createTransport(options: TransportOptions): { fetch: Fetcher; close: () => Promise<void> } {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const random = options.random ?? Math.random;
  const agent = new Agent({ connections: 64, connect: { timeout: 10_000 }, keepAliveTimeout: 1_000 });
  const dispatcher = agent.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 5 }));
  const inflight = new Map<string, Promise<FetchResult>>();
  const clean = (text: string) => redact(text, options.secrets);

  async function readFileUrl(url: URL, started: number): Promise<FetchResult> {
    const latency = () => Math.round(performance.now() - started);
    try {
      const path = fileURLToPath(url);
      const info = await stat(path);
      if (info.size > maxBytes) return { ok: false, error: `the file is larger than ${Math.round(maxBytes / 1024)} KiB`, latencyMs: latency(), attempts: 1 };
      const body = await readFile(path, "utf8");
      return { ok: true, status: 200, headers: {}, body, latencyMs: latency(), attempts: 1 };
    } catch (error) {
      return { ok: false, error: describeError(error, 0), latencyMs: latency(), attempts: 1 };
    }
  }

  async function once(url: string, req: FetchRequest, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]);
    const res = await request(url, {
      method: req.method ?? "GET",
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      dispatcher,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
    const body = req.method === "HEAD" ? "" : await readCapped(res.body, maxBytes);
    return { status: res.statusCode, headers: flat, body };
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
    const headers: Record<string, string> = { "user-agent": options.userAgent, accept: "application/json, application/xml, text/xml, */*;q=0.5" };
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = expandEnv(v, options.env);

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
        const res = await once(url.href, req, headers, timeoutMs);
        if (!RETRY_STATUSES.has(res.status) || attempts > options.retries) {
          return { ok: true, ...res, latencyMs: latency(), attempts };
        }
        const after = retryAfterMs(res.headers["retry-after"], Date.now());
        retryable = { reason: `HTTP ${res.status}`, ...(after !== undefined ? { waitMs: after } : {}) };
      } catch (error) {
        const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
        const reason = describeError(error, timeoutMs);
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
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        options.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
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

  return { fetch, close: () => agent.close().catch(() => undefined) };
}
