/**
 * What Threads, Instagram and Facebook Pages share: Meta's Graph API errors, public media URLs,
 * and containers (Threads and Instagram publish in two steps: create a container, then publish it).
 *
 * Errors are `{error: {message, type, code, error_subcode, is_transient, fbtrace_id}}`
 * (developers.facebook.com/docs/graph-api/guides/error-handling). The HTTP status says little (a
 * rate limit is often a 400 or 403), so the code decides: 190 an expired or revoked token, 10 and
 * 200-299 a missing permission, 4/17/32/613/80001-80014 a rate limit (the usage headers say when it
 * lifts: `estimated_time_to_regain_access`, minutes), 1/2 and `is_transient` a passing fault,
 * 9004 and 2207xxx subcodes a media file the platform could not fetch or refused.
 */
import { PublishFailure, held, permanent } from "./errors.js";
import type { HttpAnswer, PublishHttp } from "./http.js";
import type { MediaOut } from "../adapters/types.js";

interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_msg?: string;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 368, 613]);

/** Minutes until a rate limit lifts, from X-App-Usage / X-Business-Use-Case-Usage / X-Page-Usage. */
export function regainAccessMs(headers: Record<string, string>): number | undefined {
  let minutes: number | undefined;
  for (const name of ["x-business-use-case-usage", "x-app-usage", "x-page-usage", "x-ad-account-usage"]) {
    const raw = headers[name];
    if (!raw) continue;
    const found = [...raw.matchAll(/"estimated_time_to_regain_access"\s*:\s*(\d+)/g)].map((m) => Number(m[1]));
    for (const m of found) minutes = Math.max(minutes ?? 0, m);
  }
  return minutes === undefined ? undefined : minutes * 60_000;
}

/** One Graph API answer that is not a success, as the run treats it. */
export function graphFailure(http: PublishHttp, answer: HttpAnswer, what: string, platform: string): PublishFailure {
  const e: GraphError = (answer.json as { error?: GraphError } | undefined)?.error ?? {};
  const code = e.code;
  const message = http.redact(`${what}: HTTP ${answer.status}: ${e.error_user_msg ?? e.message ?? (answer.text.trim().slice(0, 300) || "(no message)")}${code !== undefined ? ` (code ${code}${e.error_subcode ? `, subcode ${e.error_subcode}` : ""})` : ""}`);
  const status = answer.status;
  if (code === 190 || code === 102 || (code === undefined && status === 401)) {
    const expired = e.error_subcode === 463 || /expired/i.test(e.message ?? "");
    return new PublishFailure("permanent", message, { status, hint: expired ? `the ${platform} token has expired: make a new long-lived token (docs/publishing.md) and set it in the environment` : `the ${platform} token was refused (revoked, or the password changed): make a new one` });
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return new PublishFailure("permanent", message, { status, hint: `the token lacks a permission this needs: make a new one with the scopes docs/publishing.md lists for ${platform}` });
  }
  if ((code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014))) || status === 429) {
    const retryAfterMs = regainAccessMs(answer.headers);
    const when = retryAfterMs !== undefined ? `; access returns in about ${Math.ceil(retryAfterMs / 60_000)} min` : "";
    return new PublishFailure("transient", `${message}: rate limit reached${when}`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), hint: "left due: the next run tries again" });
  }
  if (e.is_transient || code === 1 || code === 2 || status >= 500 || status === 408) {
    return new PublishFailure("transient", message, { status });
  }
  if (code === 9004 || code === 352 || (e.error_subcode !== undefined && e.error_subcode >= 2207000 && e.error_subcode < 2208000) || code === 324) {
    return new PublishFailure("permanent", message, { status, hint: `${platform} could not fetch or refused the media: check that its URL is public (mediaBaseUrl) and the file is a JPEG or PNG it takes` });
  }
  return new PublishFailure("permanent", message, { status });
}

/**
 * The public URL a Graph API fetches a post's media from: the item's own URL, or `mediaBaseUrl` +
 * its path. Without a `mediaBaseUrl` the post is held (left due), saying so.
 */
export function publicMediaUrl(item: MediaOut, mediaBaseUrl: string | undefined, channel: string, platform: string): string {
  if (/^https?:\/\//i.test(item.path)) return item.path;
  if (!mediaBaseUrl) {
    throw held(`${platform} fetches images from public URLs and ${channel} has no publish.mediaBaseUrl: set it to where the calendar's folder (its assets/) is served, e.g. https://cdn.acme.example/`);
  }
  if (item.path.split("/").includes("..")) throw permanent(`${item.path}: a media path that leaves the calendar's folder has no public URL`);
  return new URL(item.path.replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/"), mediaBaseUrl.endsWith("/") ? mediaBaseUrl : `${mediaBaseUrl}/`).toString();
}

/** A container's state: Threads says `status`, Instagram `status_code`. */
export type ContainerStatus = "IN_PROGRESS" | "FINISHED" | "PUBLISHED" | "ERROR" | "EXPIRED";

export interface ContainerApi {
  http: PublishHttp;
  signal: AbortSignal;
  /** GET the container's status (and error message, if any). */
  status(id: string): Promise<{ status: ContainerStatus | string; error?: string }>;
  pollMs: number;
  polls: number;
  platform: string;
}

/** Waits (bounded) until a container is ready to publish; ERROR and EXPIRED are refused, too long is worth a later try. */
export async function waitForContainer(api: ContainerApi, id: string): Promise<ContainerStatus> {
  for (let n = 0; ; n++) {
    const { status, error } = await api.status(id);
    if (status === "FINISHED" || status === "PUBLISHED") return status;
    if (status === "ERROR") throw permanent(`${api.platform} could not process the media (container ${id}): ${error ?? "ERROR"}`, "check that the media URL is public and the file is a format the platform takes");
    if (status === "EXPIRED") return "EXPIRED";
    if (n >= api.polls) throw new PublishFailure("transient", `${api.platform} is still processing container ${id} after ${n} checks; the next run publishes it`);
    await new Promise((r) => setTimeout(r, api.pollMs));
  }
}

export interface GraphCall {
  http: PublishHttp;
  signal: AbortSignal;
  token: string;
  platform: string;
}

/**
 * One Graph API call: POST as a form body, GET with a query; the token as `access_token` (the
 * documented way for both Threads and the Facebook Graph). Answers the JSON of a 200, or throws.
 */
export async function graph<T>(call: GraphCall, method: "GET" | "POST", url: string, params: Record<string, string | undefined>, what: string): Promise<T> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, v);
  form.set("access_token", call.token);
  const answer =
    method === "GET"
      ? await call.http.request({ url: `${url}?${form}` }, call.signal)
      : await call.http.request({ method: "POST", url, headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() }, call.signal);
  if (answer.status !== 200 || answer.json === undefined || (answer.json as { error?: unknown }).error) throw graphFailure(call.http, answer, what, call.platform);
  return answer.json as T;
}
