/**
 * Every new kind against garbage: random JSON, random text and random HTTP statuses, in-process
 * (a fake transport), seeded so a failure replays. A kind must answer a contract status, with a
 * reason whenever it is `unknown`, and never throw (a throw shows up as "internal error").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import { ALL_STATUSES } from "../../src/health/status.js";
import type { FetchResult } from "../../src/health/transport.js";
import { NOW } from "../helpers/health.js";

const SOURCES: Record<string, string> = {
  meta: "{ kind: meta, url: https://m.example/orgs.json, service: Instagram }",
  slack: "{ kind: slack, url: https://s.example/api/v2.0.0/current, services: [Messaging] }",
  instatus: "{ kind: instatus, url: https://i.example }",
  betterstack: "{ kind: betterstack, url: https://b.example }",
  uptimerobot: "{ kind: uptimerobot, url: https://u.example/api/getMonitorList/k }",
  statusio: "{ kind: statusio, url: https://api.status.io/1.0/status/x }",
  mastodon: "{ kind: mastodon, instance: t.example, degradedAfter: 1s }",
};

/** Bodies that look a little like each kind's document, so the checks get past the first field. */
const nearMiss = fc.oneof(
  fc.jsonValue(),
  fc.record({ status: fc.oneof(fc.string(), fc.constantFrom("ok", "active", "broken")), active_incidents: fc.array(fc.record({ type: fc.string(), services: fc.array(fc.string()) })) }),
  fc.array(fc.record({ id: fc.string(), name: fc.string(), services: fc.array(fc.record({ name: fc.constantFrom("Instagram", "Feed"), status: fc.string() })) })),
  fc.record({ page: fc.record({ status: fc.constantFrom("UP", "HASISSUES", "UNDERMAINTENANCE", "??") }), activeIncidents: fc.array(fc.record({ impact: fc.string() })), components: fc.array(fc.record({ name: fc.constantFrom("API", "x"), status: fc.string() })) }),
  fc.record({ data: fc.record({ attributes: fc.record({ aggregate_state: fc.string() }) }), included: fc.array(fc.record({ id: fc.string(), type: fc.constant("status_page_resource"), attributes: fc.record({ status: fc.string() }) })) }),
  fc.record({ status: fc.constantFrom("ok", "fail"), psp: fc.record({ monitors: fc.array(fc.record({ name: fc.string(), statusClass: fc.string() })) }), statistics: fc.record({ counts: fc.record({ up: fc.integer(), down: fc.integer() }) }) }),
  fc.record({ result: fc.record({ status_overall: fc.record({ status_code: fc.integer() }) }) }),
  fc.record({ domain: fc.string(), version: fc.string() }),
);

const answer = fc.oneof(
  fc.record({ status: fc.constantFrom(200, 200, 200, 204, 301, 404, 429, 500, 503), body: fc.oneof(nearMiss.map((v) => JSON.stringify(v)), fc.string(), fc.constant("")) }),
  fc.constant(undefined),
);

describe("new source kinds against garbage", () => {
  for (const [kind, source] of Object.entries(SOURCES)) {
    it(`${kind} answers a contract status, with a reason when unknown, and never throws`, async () => {
      const config = parseConfig("cfg.yaml", `version: 1\nchannels:\n  c: { platform: webhook, health: [${source}] }\n`, {});
      await fc.assert(
        fc.asyncProperty(answer, fc.nat(3000), async (reply, latencyMs) => {
          const fetch = async (): Promise<FetchResult> =>
            reply ? { ok: true, status: reply.status, headers: {}, body: reply.body, latencyMs, attempts: 1 } : { ok: false, error: "connection refused", latencyMs, attempts: 1 };
          const [channel] = await checkHealth(config, ["c"], { now: NOW, fetch });
          const s = channel!.sources[0]!;
          expect(ALL_STATUSES).toContain(s.status);
          if (s.status === "unknown") expect(s.error).toMatch(/\S/);
          expect(s.error ?? "").not.toMatch(/^internal error/);
        }),
        { seed: 10, numRuns: 300 },
      );
    });
  }
});
