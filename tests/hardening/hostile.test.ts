/**
 * Status pages misbehave exactly when platforms are down. One suite for every hostile answer:
 * each must read `unknown` with a reason, within the deadline, with memory bounded.
 */
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import { ROOT } from "../helpers/cli.js";
import { startStatusServer, type StatusServer } from "../helpers/status-server.js";

let server: StatusServer;
let tls: Server;
let tlsUrl: string;
beforeAll(async () => {
  server = await startStatusServer();
  tls = createHttpsServer(
    { key: readFileSync(join(ROOT, "fixtures/tls/key.pem")), cert: readFileSync(join(ROOT, "fixtures/tls/cert.pem")) },
    (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"),
  );
  await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => tls.close(resolve));
});

const HOSTILE: Array<[string, (u: string) => string, RegExp]> = [
  ["a hang", (u) => `{ kind: statuspage, url: "${u}/hang.json" }`, /timed out/],
  ["a trickle", (u) => `{ kind: statuspage, url: "${u}/trickle.json" }`, /timed out/],
  ["a 256 MiB body", (u) => `{ kind: statuspage, url: "${u}/huge.json" }`, /larger than/],
  ["a reset", (u) => `{ kind: statuspage, url: "${u}/reset.json" }`, /connection reset|socket/i],
  ["a redirect loop", (u) => `{ kind: statuspage, url: "${u}/loop.json" }`, /too many redirects/],
  ["an untrusted certificate", () => `{ kind: statuspage, url: "TLS/api/v2/summary.json" }`, /TLS error|certificate/i],
  ["plain HTTP on an https URL", (u) => `{ kind: statuspage, url: "${u.replace("http:", "https:")}/operational" }`, /TLS error|connection reset/],
  ["the wrong content type (HTML)", (u) => `{ kind: statuspage, url: "${u}/html.json" }`, /not JSON/],
  ["JSON of the wrong shape", (u) => `{ kind: statuspage, url: "${u}/wrong-shape.json" }`, /not a Statuspage v2 document/],
  ["a 429 with a huge Retry-After", (u) => `{ kind: statuspage, url: "${u}/rate-limited.json" }`, /Retry-After 3600s is past the check's deadline/],
];

describe("hostile status sources", () => {
  it("all at once: each unknown with its reason, the run within its deadline, memory bounded", async () => {
    const channels = HOSTILE.map(([, source], i) => `  c${i}: { platform: webhook, health: [${source(server.url).replace("TLS", tlsUrl)}] }`).join("\n");
    const config = parseConfig("cfg.yaml", `version: 1\nhealth: { timeout: 800ms, deadline: 5s, retries: 1 }\nchannels:\n${channels}\n`, {});
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result = await checkHealth(config, HOSTILE.map((_, i) => `c${i}`), { now: Date.parse("2026-07-14T12:00:00Z") });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(6_000);
    // The 256 MiB body is abandoned after 2 MiB: memory grows by far less than the body.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(128 * 1024 * 1024);
    result.forEach((channel, i) => {
      const [name, , reason] = HOSTILE[i]!;
      expect(channel.status, name).toBe("unknown");
      expect(channel.sources[0]!.error, name).toMatch(reason);
    });
  });
});
