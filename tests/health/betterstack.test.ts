import { describe, expect, it } from "vitest";
import { itReadsEachState, recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

const betterstack = recordedReader(server, "betterstack");

describe("betterstack sources (index.json, JSON:API)", () => {
  // downtime on the page, but the Website still answers: part of it is out
  itReadsEachState(betterstack, { operational: "operational", degraded: "degraded", outage: "partial_outage", maintenance: "maintenance" });

  it("reads named resources, a downtime one as a major outage", async () => {
    expect(await betterstack("outage", ", components: [API]")).toMatchObject({ status: "major_outage", detail: "API: downtime" });
    expect(await betterstack("outage", ", components: [website]")).toMatchObject({ status: "operational" });
    expect(await betterstack("outage")).toMatchObject({ detail: "downtime: API (1 of 2)" });
    expect(await betterstack("outage", ", components: [Docs]")).toMatchObject({ status: "unknown", error: 'no resource "Docs" on this page; it has: API, Website' });
  });

  it("reads unknown with a reason for garbage and a wrong shape", async () => {
    expect(await betterstack("malformed")).toMatchObject({ status: "unknown", error: "not JSON (not a Better Stack index.json)" });
    expect(await sourceAnswer(server(), `{ kind: betterstack, url: "$URL/fx/instatus/operational.json" }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not a Better Stack index.json: data/) });
  });
});
