import { describe, expect, it } from "vitest";
import { itReadsEachState, recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

const statusio = recordedReader(server, "statusio");

describe("statusio sources (api.status.io/1.0/status/<page>)", () => {
  itReadsEachState(statusio, { operational: "operational", degraded: "degraded", outage: "major_outage", maintenance: "maintenance" });

  it("reads named components by their code", async () => {
    expect(await statusio("outage", ", components: [Analytics]")).toMatchObject({ status: "partial_outage", detail: "Analytics: 400" });
    expect(await statusio("degraded", ", components: [Publishing]")).toMatchObject({ status: "operational" });
    expect(await statusio("outage", ", components: [Billing]")).toMatchObject({ status: "unknown", error: 'no component "Billing" on this page; it has: Publishing, Analytics' });
    expect((await statusio("outage")).detail).toBe("Service Disruption (500)");
  });

  it("reads a real-shape answer leniently: codes as strings, null words and lists, numeric ids, extra fields", async () => {
    expect(await statusio("real-shape")).toMatchObject({ status: "degraded", detail: "status (300)" });
    expect(await statusio("real-shape", ", components: [Dashboard]")).toMatchObject({ status: "operational" });
    expect(await statusio("real-shape", ", components: [API]")).toMatchObject({ status: "degraded", detail: "API: 300" });
  });

  it("reads unknown with a reason for a code that is not a number", async () => {
    expect(await statusio("malformed")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not a Status.io status answer: result.status_overall.status_code/) });
  });
});
