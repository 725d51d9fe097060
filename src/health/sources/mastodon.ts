/**
 * A Mastodon instance: there is no status page, so the instance's own `/api/v2/instance`
 * (public, no token, Mastodon 4.0+) is probed, as the http kind probes a URL. Consistent with
 * http.ts: the server saying it is failing (5xx, after the transport's retries) is a major
 * outage; slower than `degradedAfter` is degraded; no answer at all (timeout, DNS, TLS) is
 * `unknown`, since our own network failing looks the same. Beyond http.ts, an answer that is
 * about the request rather than the instance (404: no v2 API, or not Mastodon; 401/403: blocked;
 * 429: rate limited) or that is not an instance document is `unknown` with the reason, not an
 * outage: those mean the probe is wrong, and rerouting on them would be a false alarm.
 * The instance comes from the source (`instance` or `url`) or else the channel's `instance`.
 */
import { clip } from "../../quote.js";
import { z } from "zod";
import type { SourceChecker } from "../types.js";

const instanceDoc = z.object({
  domain: z.string().min(1),
  version: z.string(),
  title: z.string().optional(),
});

/**
 * The probe URL for an instance written as a host (mastodon.social) or a URL. A path in the URL
 * is kept (a mirror or a recorded instance may live below one); Mastodon itself serves the API
 * at its root.
 */
export function mastodonEndpoint(instance: string): string {
  const base = /^https?:\/\//i.test(instance) ? instance : `https://${instance}`;
  return `${base.replace(/\/+$/, "")}/api/v2/instance`;
}

export const mastodon: SourceChecker<"mastodon"> = {
  kind: "mastodon",
  async check(source, ctx) {
    const target = source.url ?? (source.instance ? mastodonEndpoint(source.instance) : undefined);
    if (!target) return { status: "unknown", error: "no instance to probe: set the channel's `instance` (e.g. mastodon.social) or the source's" };
    const res = await ctx.fetch({ url: target, ...(source.headers ? { headers: source.headers } : {}), timeoutMs: source.timeout ?? ctx.timeoutMs });
    if (!res.ok) return { status: "unknown", error: res.error };
    if (res.status >= 500) return { status: "major_outage", detail: `HTTP ${res.status} from the instance` };
    if (res.status === 404) return { status: "unknown", error: "HTTP 404: no /api/v2/instance here (Mastodon before 4.0, or not Mastodon)" };
    if (res.status < 200 || res.status > 299) return { status: "unknown", error: `HTTP ${res.status}: an answer about this request, not about the instance's health` };
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      return { status: "unknown", error: "not JSON (not a Mastodon instance document)" };
    }
    const doc = instanceDoc.safeParse(json);
    if (!doc.success) {
      const issue = doc.error.issues[0]!;
      return { status: "unknown", error: `not a Mastodon instance document: ${issue.path.join(".") || "(root)"}: ${issue.message}` };
    }
    const what = clip(`${doc.data.domain} ${doc.data.version}`, 120);
    if (source.degradedAfter !== undefined && res.latencyMs > source.degradedAfter) {
      return { status: "degraded", detail: `${what}: answered in ${res.latencyMs} ms, slower than ${source.degradedAfter} ms` };
    }
    return { status: "operational", detail: what };
  },
};
