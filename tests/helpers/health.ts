/** Reading one source, or a few channels, against the loopback status server, in-process. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import type { HealthStatus } from "../../src/health/status.js";
import { startStatusServer, type StatusServer } from "./status-server.js";

export const NOW = Date.parse("2026-07-14T12:30:00Z");

/** A config with one webhook channel per source (`$URL` is the server), short limits so faults end quickly. */
export function configWith(server: StatusServer, sources: Record<string, string>, settings = "{ timeout: 600ms, deadline: 4s, retries: 1 }") {
  const channels = Object.entries(sources)
    .map(([name, source]) => `  ${name}: { platform: webhook, health: [${source.replaceAll("$URL", server.url)}] }`)
    .join("\n");
  return parseConfig("cfg.yaml", `version: 1\nhealth: ${settings}\nchannels:\n${channels}\n`, {});
}

/**
 * Reading tests get answers at once: limits far above the 600 ms of the fault tests, so a loaded
 * machine (the status server is another process) cannot turn a reading test into a timeout.
 */
const READING_LIMITS = "{ timeout: 10s, deadline: 30s, retries: 1 }";

/** What one source answers, as the channel's only source. */
export async function sourceAnswer(server: StatusServer, source: string, settings = READING_LIMITS) {
  const [channel] = await checkHealth(configWith(server, { c: source }, settings), ["c"], { now: NOW });
  return channel!.sources[0]!;
}

/** Starts a loopback status server for the file's tests and stops it after; call at top level. */
export function useStatusServer(): () => StatusServer {
  let server: StatusServer | undefined;
  beforeAll(async () => {
    server = await startStatusServer();
  });
  afterAll(() => server?.close());
  return () => server!;
}

/** Reads a kind's recorded payload `fixtures/status/<kind>/<file>.json`, served over HTTP. */
export function recordedReader(server: () => StatusServer, kind: string): (file: string, extra?: string) => ReturnType<typeof sourceAnswer> {
  return (file, extra = "") => sourceAnswer(server(), `{ kind: ${kind}, url: "$URL/fx/${kind}/${file}.json"${extra} }`);
}

/** One test per recorded state: each fixture file reads as the status given for it. */
export function itReadsEachState(read: (file: string) => ReturnType<typeof sourceAnswer>, expected: Record<string, HealthStatus>): void {
  it.each(Object.entries(expected))("%s reads %s", async (file, status) => {
    expect((await read(file)).status).toBe(status);
  });
}
