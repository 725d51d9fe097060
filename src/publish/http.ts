/**
 * HTTP for publishers: one undici Agent per run, a time limit per request (explicit timer and
 * AbortController: no AbortSignal.any over AbortSignal.timeout on Node 20), a cap on answers,
 * secrets redacted from every message, and one mapping from an answer to a PublishFailure
 * (4xx refused for good, except 408 and 429; 5xx, 408, 429 and network faults worth a retry).
 * Publishers call `request` and `failure`; retrying is the run's job (publish.ts).
 */
import { Agent, FormData, request, type Dispatcher } from "undici";
import { redact } from "../util/env.js";
import { describeError } from "../health/transport.js";
import { PublishFailure } from "./errors.js";
import { readCapped, TooLarge } from "../util/read-capped.js";

export interface HttpRequest {
  method?: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON with content-type application/json. */
  json?: unknown;
  body?: string | Uint8Array | FormData;
  timeoutMs?: number;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  bytes: Buffer;
  /** The body as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface HttpOptions {
  userAgent: string;
  timeoutMs: number;
  secrets: readonly string[];
  maxBodyBytes?: number;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Failures before anything reached the server: a retry cannot make a double. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);

export class PublishHttp {
  private readonly agent = new Agent({ connections: 32, connect: { timeout: 10_000 }, keepAliveTimeout: 4_000 });

  constructor(private readonly options: HttpOptions) {}

  redact(text: string): string {
    return redact(text, this.options.secrets);
  }

  async request(req: HttpRequest, signal: AbortSignal): Promise<HttpAnswer> {
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), timeoutMs);
    const onAbort = () => controller.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    const headers: Record<string, string> = { "user-agent": this.options.userAgent, accept: "application/json, */*;q=0.5", ...lower(req.headers ?? {}) };
    let body = req.body;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers["content-type"] = "application/json";
    }
    const where = `${req.method ?? "GET"} ${this.redact(safeUrl(req.url))}`;
    try {
      const res = await request(req.url, {
        method: req.method ?? "GET",
        headers,
        ...(body !== undefined ? { body: body as Dispatcher.RequestOptions["body"] } : {}),
        dispatcher: this.agent,
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
      const bytes = await readCapped(res.body, this.options.maxBodyBytes ?? MAX_BODY_BYTES, controller.signal);
      const text = bytes.toString("utf8");
      return { status: res.statusCode, headers: flat, text, bytes, json: parseJson(text) };
    } catch (error) {
      if (error instanceof TooLarge) throw new PublishFailure("transient", this.redact(`${where}: ${error.message}`), { maybeSent: true });
      const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      const timedOut = controller.signal.reason instanceof DOMException && controller.signal.reason.name === "TimeoutError";
      const reason = timedOut ? `timed out after ${timeoutMs} ms` : signal.aborted ? "stopped: the run's deadline was reached" : describeError(error, timeoutMs);
      throw new PublishFailure("transient", this.redact(`${where}: ${reason}`), { maybeSent: !(code && NOT_SENT_CODES.has(code)) });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    }
  }

  /**
   * The failure an unsuccessful answer means. `message` is the platform's own words (from its
   * error body); `hint` what a person can do.
   */
  failure(answer: HttpAnswer, message: string, hint?: string): PublishFailure {
    const status = answer.status;
    const text = this.redact(`HTTP ${status}: ${message}`);
    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterMs = retryAfter(answer.headers);
      return new PublishFailure("transient", text, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    }
    const why = hint ?? (status === 401 || status === 403 ? "the credentials were refused: check the token or app password (has it expired or been revoked?)" : undefined);
    return new PublishFailure("permanent", text, { status, ...(why ? { hint: why } : {}) });
  }

  close(): Promise<void> {
    return this.agent.close().catch(() => undefined);
  }
}

/** A short form of an answer's body for a message: a JSON error field, else the text's first line. */
export function answerMessage(answer: HttpAnswer, ...fields: string[]): string {
  const body = answer.json as Record<string, unknown> | undefined;
  if (body && typeof body === "object") {
    const found = fields.map((f) => body[f]).filter((v): v is string => typeof v === "string" && v.length > 0);
    if (found.length) return found.join(": ").slice(0, 500);
  }
  return answer.text.trim().split("\n")[0]!.slice(0, 300) || "(no message)";
}

/** Retry-After as seconds, or as a date read against the answer's own Date header (no local clock). */
function retryAfter(headers: Record<string, string>): number | undefined {
  const value = headers["retry-after"]?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  const date = Date.parse(headers.date ?? "");
  return Number.isNaN(at) || Number.isNaN(date) ? undefined : Math.max(0, at - date);
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** A URL without its query and user info, for messages (webhook URLs carry their token in the path: redacted as a secret). */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

function parseJson(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}


export { FormData };

/**
 * The answer's JSON object when it carries every field named, else a transient failure that may
 * have been sent: a 200 whose body is garbage, truncated, HTML from a gateway or the wrong shape
 * says nothing about whether the platform acted, and a publisher must never read fields off it.
 */
export function answerObject<T extends object>(http: PublishHttp, answer: HttpAnswer, what: string, ...fields: string[]): T {
  const body = answer.json;
  const missing = typeof body === "object" && body !== null && !Array.isArray(body) ? fields.filter((f) => (body as Record<string, unknown>)[f] == null) : fields;
  if (missing.length === 0) return body as T;
  const seen = answer.text.trim().split("\n")[0]!.slice(0, 120) || "an empty body";
  return failWith(new PublishFailure("transient", http.redact(`${what}: HTTP ${answer.status}, but the answer is not what the platform sends (no ${missing.join(", ")}): ${seen}`), { maybeSent: true }));
}

function failWith(failure: PublishFailure): never {
  throw failure;
}

/** A configured base URL (`api`, `instance`, a PDS) without its trailing slashes, ready for `${base}/path`. */
export function baseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}
