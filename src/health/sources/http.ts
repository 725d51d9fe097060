/**
 * An HTTP probe of the platform itself. The server answering with a status outside `expect`
 * (default 200-399), or failing the body checks, is evidence the platform is down: major_outage.
 * Answering slower than `degradedAfter` is degraded. Not getting an answer at all (timeout,
 * refused, DNS, TLS) is `unknown`: from here, our own network failing looks the same.
 */
import type { SourceChecker } from "../types.js";

function expected(expect: number | number[] | undefined, status: number): boolean {
  if (expect === undefined) return status >= 200 && status <= 399;
  return Array.isArray(expect) ? expect.includes(status) : expect === status;
}

function valueAtPath(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export const http: SourceChecker<"http"> = {
  kind: "http",
  async check(source, ctx) {
    const res = await ctx.fetch({
      url: source.url,
      method: source.method ?? "GET",
      ...(source.headers ? { headers: source.headers } : {}),
      ...(source.body !== undefined ? { body: source.body } : {}),
      timeoutMs: source.timeout ?? ctx.timeoutMs,
    });
    if (!res.ok) return { status: "unknown", error: res.error };
    if (res.status === 429) return { status: "unknown", error: "HTTP 429: rate limited, not an answer about health" };
    if (!expected(source.expect, res.status)) {
      return { status: "major_outage", detail: `HTTP ${res.status}, expected ${source.expect === undefined ? "200-399" : [source.expect].flat().join(" or ")}` };
    }
    if (source.contains !== undefined && !res.body.includes(source.contains)) {
      return { status: "major_outage", detail: `the answer does not contain "${source.contains}"` };
    }
    if (source.json) {
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {
        return { status: "unknown", error: "expected a JSON answer to check json.path, got something else" };
      }
      const actual = valueAtPath(json, source.json.path);
      if (actual !== source.json.equals) {
        return { status: "major_outage", detail: `${source.json.path} is ${JSON.stringify(actual) ?? "missing"}, expected ${JSON.stringify(source.json.equals)}` };
      }
    }
    if (source.degradedAfter !== undefined && res.latencyMs > source.degradedAfter) {
      return { status: "degraded", detail: `answered in ${res.latencyMs} ms, slower than ${source.degradedAfter} ms` };
    }
    return { status: "operational", detail: `HTTP ${res.status}` };
  },
};
