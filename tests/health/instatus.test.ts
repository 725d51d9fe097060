import { describe, expect, it } from "vitest";
import { itReadsEachState, recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

const instatus = recordedReader(server, "instatus");

describe("instatus sources (summary.json)", () => {
  itReadsEachState(instatus, { operational: "operational", degraded: "degraded", outage: "major_outage", maintenance: "maintenance" });

  it("says which incidents or maintenance are open", async () => {
    expect((await instatus("outage")).detail).toBe("incidents: API down; Slow site");
    expect((await instatus("maintenance")).detail).toBe("maintenance: Database upgrade");
  });

  it("reads the components the config names, when the summary lists them", async () => {
    expect(await instatus("outage", ", components: [Website]")).toMatchObject({ status: "partial_outage", detail: "Website: PARTIALOUTAGE" });
    expect(await instatus("outage", ", components: [cl1]")).toMatchObject({ status: "major_outage" });
    expect(await instatus("outage", ", components: [Blog]")).toMatchObject({ status: "unknown", error: 'no component "Blog" on this page; it has: API, Website' });
    expect(await instatus("maintenance", ", components: [API]")).toMatchObject({ status: "unknown", error: expect.stringMatching(/lists no components/) });
  });

  it("reads unknown with a reason for an HTML page and a wrong shape", async () => {
    expect(await instatus("malformed")).toMatchObject({ status: "unknown", error: "not JSON (an HTML or XML page, not an Instatus summary.json)" });
    expect(await sourceAnswer(server(), `{ kind: instatus, url: "$URL/fx/slack/operational.json" }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not an Instatus summary.json: page/) });
  });
});
