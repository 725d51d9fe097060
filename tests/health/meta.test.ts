import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import { metaStatus } from "../../src/health/sources/meta.js";
import { NOW, sourceAnswer, useStatusServer } from "../helpers/health.js";

const getServer = useStatusServer();

const meta = (file: string, service: string, extra = "") => sourceAnswer(getServer(), `{ kind: meta, url: "$URL/fx/meta/${file}.json", service: ${service}${extra} }`);

describe("meta sources (metastatus.com/data/orgs.json)", () => {
  it.each([
    ["operational", "Instagram", "operational"],
    ["degraded", "Instagram", "degraded"],
    ["degraded", "Facebook", "operational"],
    ["outage", "Instagram", "major_outage"],
    ["outage", "Facebook", "partial_outage"],
    ["outage", "Threads", "operational"],
    ["maintenance", "Threads", "maintenance"],
    ["outage", '"Cloud API"', "operational"],
  ])("%s: %s reads %s", async (file, service, expected) => {
    expect((await meta(file, service)).status).toBe(expected);
  });

  it("reads an org as its worst service, a service by name, and an org by id", async () => {
    expect(await meta("outage", "instagram")).toMatchObject({ status: "major_outage", detail: "Posting: High disruptions" });
    expect(await meta("outage", "Posting", ", org: Instagram")).toMatchObject({ status: "major_outage" });
    expect(await meta("outage", "Feed", ", org: instagram")).toMatchObject({ status: "operational", detail: "Feed: No known issues" });
  });

  it("names what the file has when the org or service is not there", async () => {
    expect(await meta("operational", "Tumblr")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^no org or service "Tumblr" in Meta's status; orgs: Instagram, Facebook, Threads, WhatsApp Business Platform, Graph API$/) });
    expect(await meta("operational", "Feed", ", org: Oculus")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^no org "Oculus"/) });
  });

  it("reads unknown with a reason for a truncated file, a wrong shape and wording it does not know", async () => {
    expect(await meta("malformed", "Instagram")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not JSON/) });
    expect(await sourceAnswer(getServer(), `{ kind: meta, url: "$URL/fx/slack/operational.json", service: Instagram }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not Meta's status data/) });
    expect(metaStatus("Something new")).toBeUndefined();
  });

  it.each([
    ["No known issues", "operational"],
    ["Resolved", "operational"],
    ["Low disruptions", "degraded"],
    ["Medium disruptions", "partial_outage"],
    ["High disruptions", "major_outage"],
    ["Major outage", "major_outage"],
    ["Disruptions", "partial_outage"],
    ["Scheduled maintenance", "maintenance"],
  ])("reads Meta's wording %j as %s", (text, expected) => {
    expect(metaStatus(text)).toBe(expected);
  });

  it("reads a real-shape file leniently: null names and service lists, numeric and null ids, extra fields", async () => {
    expect(await meta("real-shape", "graph-api")).toMatchObject({ status: "degraded", detail: expect.stringMatching(/Graph API: Low disruptions/) });
    expect(await meta("real-shape", "Cloud API")).toMatchObject({ status: "operational" });
    expect(await meta("real-shape", "Marketing API")).toMatchObject({ status: "unknown" });
  });

  it("reads Instagram, Facebook and Threads from one fetch of the shared URL", async () => {
    const url = `${getServer().url}/fx/meta/outage.json`;
    const config = parseConfig(
      "cfg.yaml",
      `version: 1\nchannels:\n${["Instagram", "Facebook", "Threads"].map((s) => `  ${s.toLowerCase()}: { platform: ${s.toLowerCase()}, health: [{ kind: meta, url: "${url}", service: ${s} }] }`).join("\n")}\n`,
      {},
    );
    const before = await getServer().hits("/fx/meta/outage.json");
    const channels = await checkHealth(config, ["instagram", "facebook", "threads"], { now: NOW });
    expect(channels.map((c) => [c.name, c.status])).toEqual([
      ["instagram", "major_outage"],
      ["facebook", "partial_outage"],
      ["threads", "operational"],
    ]);
    expect((await getServer().hits("/fx/meta/outage.json")) - before).toBe(1);
  });
});
