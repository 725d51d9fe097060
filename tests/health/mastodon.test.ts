import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import { mastodonEndpoint } from "../../src/health/sources/mastodon.js";
import { NOW, sourceAnswer, useStatusServer } from "../helpers/health.js";

const getServer = useStatusServer();

const probe = (state: string, extra = "") => sourceAnswer(getServer(), `{ kind: mastodon, instance: "$URL/mastodon/${state}"${extra} }`);

// Mastodon has no maintenance state to read: an instance down for maintenance answers 503.
describe("mastodon sources (an instance's /api/v2/instance)", () => {
  it("reads an answering instance as operational, and slow as degraded", async () => {
    expect(await probe("up")).toMatchObject({ status: "operational", detail: "mastodon.example 4.3.2", url: `${getServer().url}/mastodon/up/api/v2/instance` });
    expect(await probe("slow", ", degradedAfter: 150ms")).toMatchObject({ status: "degraded", detail: expect.stringMatching(/slower than 150 ms$/) });
  });

  it("reads 5xx as a major outage, after the transport's retries", async () => {
    const before = await getServer().hits("/mastodon/down/api/v2/instance");
    expect(await sourceAnswer(getServer(), `{ kind: mastodon, url: "$URL/mastodon/down/api/v2/instance" }`)).toMatchObject({ status: "major_outage", detail: "HTTP 503 from the instance" });
    expect((await getServer().hits("/mastodon/down/api/v2/instance")) - before).toBe(2);
  });

  it("reads answers about the request, not the instance, as unknown", async () => {
    const direct = (state: string) => sourceAnswer(getServer(), `{ kind: mastodon, url: "$URL/mastodon/${state}/api/v2/instance" }`);
    expect(await direct("html")).toMatchObject({ status: "unknown", error: "not JSON (not a Mastodon instance document)" });
    expect(await direct("other")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not a Mastodon instance document: domain/) });
    expect(await direct("forbidden")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^HTTP 403/) });
    expect(await direct("missing")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^HTTP 404: no \/api\/v2\/instance/) });
    expect(await sourceAnswer(getServer(), `{ kind: mastodon, url: "http://127.0.0.1:9/api/v2/instance" }`)).toMatchObject({ status: "unknown", error: "connection refused" });
  });

  it("probes the channel's own instance when the source names none", async () => {
    const config = parseConfig(
      "cfg.yaml",
      `version: 1\nhealth: { retries: 0 }\nchannels:\n  toots: { platform: mastodon, instance: "${getServer().url}/mastodon/down", health: [{ kind: mastodon }] }\n  quiet: { platform: mastodon, health: [{ kind: mastodon }] }\n`,
      {},
    );
    const [toots, quiet] = await checkHealth(config, ["toots", "quiet"], { now: NOW });
    expect(toots!.sources[0]).toMatchObject({ kind: "mastodon", name: expect.stringMatching(/^mastodon 127\.0\.0\.1:\d+$/), status: "major_outage" });
    expect(quiet!.sources[0]).toMatchObject({ status: "unknown", error: expect.stringMatching(/^no instance to probe/) });
  });

  it("makes a probe URL from a host or a URL", () => {
    expect(mastodonEndpoint("mastodon.social")).toBe("https://mastodon.social/api/v2/instance");
    expect(mastodonEndpoint("https://fosstodon.org/")).toBe("https://fosstodon.org/api/v2/instance");
  });
});
