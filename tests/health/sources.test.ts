import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import { assessFeed, parseFeed } from "../../src/health/sources/feed.js";
import { startStatusServer, fixture, type StatusServer } from "../helpers/status-server.js";

let server: StatusServer;
beforeAll(async () => {
  server = await startStatusServer();
});
afterAll(() => server.close());

const NOW = Date.parse("2026-07-14T12:30:00Z");

/** A config with one channel per source line, short limits so faults end quickly. */
function configWith(sources: Record<string, string>, settings = "{ timeout: 600ms, deadline: 4s, retries: 1 }", env: Record<string, string> = {}) {
  const channels = Object.entries(sources)
    .map(([name, source]) => `  ${name}: { platform: webhook, health: [${source.replaceAll("$URL", server.url)}] }`)
    .join("\n");
  return parseConfig("cfg.yaml", `version: 1\nhealth: ${settings}\nchannels:\n${channels}\n`, env);
}

/** Fault tests: short limits so faults end quickly. Reading tests: limits a loaded machine cannot reach. */
const FAULT_LIMITS = "{ timeout: 600ms, deadline: 4s, retries: 1 }";
const READING_LIMITS = "{ timeout: 10s, deadline: 30s, retries: 1 }";

async function statusOf(source: string, settings = READING_LIMITS) {
  const config = configWith({ c: source }, settings);
  const started = performance.now();
  const [channel] = await checkHealth(config, ["c"], { now: NOW });
  return { ...channel!.sources[0]!, channelStatus: channel!.status, elapsed: performance.now() - started };
}

describe("statuspage sources", () => {
  it.each([
    ["operational", undefined, "operational"],
    ["degraded", undefined, "degraded"],
    ["outage", undefined, "major_outage"],
    ["maintenance", undefined, "maintenance"],
    ["outage", "[Posting]", "operational"],
    ["outage", "[Feed]", "major_outage"],
    ["outage", "[API]", "partial_outage"],
    ["degraded", "[feed, Posting]", "degraded"],
  ])("%s page with components %s reads %s", async (page, components, expected) => {
    const r = await statusOf(`{ kind: statuspage, url: "$URL/${page}"${components ? `, components: ${components}` : ""} }`);
    expect(r.status).toBe(expected);
  });

  it("accepts status.json, and names the components a page has when one is missing", async () => {
    expect((await statusOf(`{ kind: statuspage, url: "$URL/status-only/api/v2/status.json" }`)).status).toBe("operational");
    const r = await statusOf(`{ kind: statuspage, url: "$URL/outage", components: [Fed] }`);
    expect(r.status).toBe("unknown");
    expect(r.error).toBe('no component "Fed" on this page; it has: API, Feed, Posting');
  });

  it("reads unknown with a reason for garbage, wrong shapes and HTML", async () => {
    expect(await statusOf(`{ kind: statuspage, url: "$URL/malformed.json" }`)).toMatchObject({ status: "unknown", error: "not JSON (not a Statuspage v2 document)" });
    expect(await statusOf(`{ kind: statuspage, url: "$URL/wrong-shape.json" }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not a Statuspage v2 document: status/) });
    expect(await statusOf(`{ kind: statuspage, url: "$URL/html.json" }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/HTML/) });
  });

  it("retries a 503 and then reads the page", async () => {
    const r = await statusOf(`{ kind: statuspage, url: "$URL/flaky" }`);
    expect(r.status).toBe("operational");
    expect((await server.hits("/flaky/api/v2/summary.json"))).toBe(2);
  });

  it("sends the secret header, and never shows it, even when the server echoes it", async () => {
    const env = { STATUS_TOKEN: "s3cr3t-token-value" };
    const ok = configWith({ c: `{ kind: statuspage, url: "$URL/auth", headers: { Authorization: "Bearer \${STATUS_TOKEN}" } }` }, undefined, env);
    const [good] = await checkHealth(ok, ["c"], { now: NOW });
    expect(good!.status).toBe("operational");
    expect((await server.lastHeaders("/auth/api/v2/summary.json"))?.["user-agent"]).toMatch(/^failover\/\d+\.\d+\.\d+/);
    const bad = configWith({ c: `{ kind: statuspage, url: "$URL/auth", headers: { Authorization: "Bearer wrong-\${STATUS_TOKEN}" } }` }, undefined, env);
    const [denied] = await checkHealth(bad, ["c"], { now: NOW });
    expect(denied!.sources[0]).toMatchObject({ status: "unknown", error: "HTTP 401" });
    expect(JSON.stringify(denied)).not.toContain("s3cr3t-token-value");
  });
});

describe("http probes", () => {
  it("reads operational, down on a bad status or body, degraded when slow", async () => {
    expect((await statusOf(`{ kind: http, url: "$URL/health", json: { path: status.healthy, equals: true } }`)).status).toBe("operational");
    expect(await statusOf(`{ kind: http, url: "$URL/unhealthy", json: { path: status.healthy, equals: true } }`)).toMatchObject({ status: "major_outage", detail: "status.healthy is false, expected true" });
    expect(await statusOf(`{ kind: http, url: "$URL/error500" }`)).toMatchObject({ status: "major_outage", detail: "HTTP 500, expected 200-399" });
    expect((await statusOf(`{ kind: http, url: "$URL/error500", expect: [200, 500] }`)).status).toBe("operational");
    expect(await statusOf(`{ kind: http, url: "$URL/slow", degradedAfter: 100ms }`)).toMatchObject({ status: "degraded" });
    expect(await statusOf(`{ kind: http, url: "$URL/health", contains: "nope" }`)).toMatchObject({ status: "major_outage" });
  });
});

describe("hostile sources end as unknown, with a reason, within their limits", () => {
  it.each([
    ["hang", `{ kind: http, url: "$URL/hang" }`, /timed out after 600 ms/],
    ["trickle", `{ kind: statuspage, url: "$URL/trickle.json" }`, /timed out after 600 ms/],
    ["256 MiB body", `{ kind: statuspage, url: "$URL/huge.json" }`, /larger than 2048 KiB/],
    ["reset", `{ kind: http, url: "$URL/reset" }`, /connection reset|socket/i],
    ["redirect loop", `{ kind: http, url: "$URL/loop" }`, /too many redirects/],
    ["nothing listening", `{ kind: http, url: "http://127.0.0.1:9/" }`, /connection refused/],
    ["429 with a huge Retry-After", `{ kind: http, url: "$URL/rate-limited" }`, /HTTP 429; Retry-After 3600s is past the check's deadline/],
    ["a missing file", `{ kind: statuspage, url: "file:/nonexistent/summary.json" }`, /file not found/],
    ["a gzip bomb (not inflated)", `{ kind: statuspage, url: "$URL/gzip-bomb.json" }`, /not JSON/],
    ["truncated JSON", `{ kind: statuspage, url: "$URL/truncated.json" }`, /not JSON/],
    ["a broken 1 MiB feed", `{ kind: feed, url: "$URL/broken-feed.rss" }`, /not a readable feed|cut short/],
    ["a device instead of a file", `{ kind: statuspage, url: "file:/dev/zero" }`, /not a regular file/],
  ])("%s", async (_name, source, reason) => {
    const r = await statusOf(source, FAULT_LIMITS);
    expect(r.status).toBe("unknown");
    expect(r.error).toMatch(reason);
    // The promise is the 4 s deadline (a hang would run to the test's timeout); slack for a loaded machine.
    expect(r.elapsed).toBeLessThan(8_000);
  });

  it("stops everything at the overall deadline", async () => {
    const config = configWith({ a: `{ kind: http, url: "$URL/hang", timeout: 30s }`, b: `{ kind: http, url: "$URL/trickle.json", timeout: 30s }` }, "{ deadline: 1s, retries: 0 }");
    const started = performance.now();
    const result = await checkHealth(config, ["a", "b"], { now: NOW });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.map((c) => [c.status, c.sources[0]!.error])).toEqual([
      ["unknown", expect.stringMatching(/deadline|timed out/)],
      ["unknown", expect.stringMatching(/deadline|timed out/)],
    ]);
  });
});

describe("a run", () => {
  it("fetches one URL once for every channel that reads it, and checks sources concurrently", async () => {
        const sources: Record<string, string> = {};
    for (let i = 0; i < 6; i++) sources[`c${i}`] = `{ kind: statuspage, url: "$URL/slow-summary" }`;
    for (let i = 0; i < 6; i++) sources[`p${i}`] = `{ kind: http, url: "$URL/slow?${i}" }`;
    const config = configWith(sources, "{ timeout: 3s, deadline: 8s }");
    const started = performance.now();
    const result = await checkHealth(config, Object.keys(sources), { now: NOW });
    const elapsed = performance.now() - started;
    expect(result.every((c) => c.status === "operational")).toBe(true);
    expect((await server.hits("/slow-summary/api/v2/summary.json"))).toBe(1);
    // Sequentially this would be 6 x 400 ms + 300 ms; concurrently about 400 ms.
    expect(elapsed).toBeLessThan(2_000);
  });

  it("takes the worst of the sources that answered, unknown only when none did", async () => {
    const config = configWith({ c: `{ kind: statuspage, url: "$URL/degraded" }, { kind: http, url: "$URL/hang" }, { kind: manual, status: operational }` });
    const [c] = await checkHealth(config, ["c"], { now: NOW });
    expect(c!.status).toBe("degraded");
    expect(c!.sources.map((s) => s.status)).toEqual(["degraded", "unknown", "operational"]);
  });

  it("lets --assume override a channel with no network at all", async () => {
    const config = configWith({ c: `{ kind: http, url: "http://127.0.0.1:9/" }` });
    const [c] = await checkHealth(config, ["c"], { now: NOW, assume: new Map([["c", "major_outage"]]) });
    expect(c).toEqual({ name: "c", platform: "webhook", status: "major_outage", sources: [], assumed: true });
  });
});

describe("feeds", () => {
  it("reads open and resolved incidents from RSS and Atom", async () => {
    const rss = await parseFeed(fixture("feed/open-incident.rss"));
    if ("error" in rss) throw new Error(rss.error);
    expect(assessFeed(rss, NOW, 6 * 3_600_000)).toEqual({ status: "major_outage", detail: "open: Feed unavailable for many users (identified)" });
    expect(assessFeed(rss, NOW, 6 * 3_600_000, ["uploads"]).status).toBe("operational");
    const atom = await parseFeed(fixture("feed/resolved.atom"));
    if ("error" in atom) throw new Error(atom.error);
    expect(assessFeed(atom, NOW, 6 * 3_600_000).status).toBe("maintenance");
    expect(assessFeed(atom, Date.parse("2026-07-15T12:30:00Z"), 6 * 3_600_000).status).toBe("operational");
    expect(await parseFeed('{"not": "xml"}')).toEqual({ error: "not an RSS or Atom feed" });
  });

  it("reads a real-sized (2 MiB) feed, its ongoing incident first", async () => {
    expect(await statusOf(`{ kind: feed, url: "$URL/big-feed.rss" }`)).toMatchObject({ status: "major_outage", detail: expect.stringMatching(/^open: Feed unavailable/) });
  });

  it("reads a feed over HTTP", async () => {
    expect(await statusOf(`{ kind: feed, url: "$URL/feed.rss" }`)).toMatchObject({ status: "major_outage" });
    expect(await statusOf(`{ kind: feed, url: "$URL/health" }`)).toMatchObject({ status: "unknown", error: "not an RSS or Atom feed" });
  });
});
