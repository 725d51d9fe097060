import { describe, expect, it } from "vitest";
import { itReadsEachState, recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

const slack = recordedReader(server, "slack");

describe("slack sources (Slack Status API v2.0.0 current)", () => {
  itReadsEachState(slack, { operational: "operational", degraded: "degraded", outage: "major_outage", maintenance: "maintenance" });

  it("names the open incidents and their services, and skips resolved ones", async () => {
    expect((await slack("outage")).detail).toBe("outage: Users can't connect to Slack (Login/SSO, Messaging, Connections); incident: Workflows are delayed (Workflows)");
    expect(await slack("degraded")).toMatchObject({ detail: 'status "active" with no incident listed' });
  });

  it("counts only incidents naming a watched service", async () => {
    expect(await slack("outage", ", services: [workflows]")).toMatchObject({ status: "partial_outage", detail: "incident: Workflows are delayed (Workflows)" });
    expect(await slack("outage", ", services: [Huddles]")).toMatchObject({ status: "operational", detail: "2 incidents, none for Huddles" });
    expect(await slack("maintenance", ", services: [Messaging]")).toMatchObject({ status: "operational" });
  });

  it("reads unknown with a reason for garbage and shapes it does not know", async () => {
    expect(await slack("malformed")).toMatchObject({ status: "unknown", error: "not JSON (not Slack's status API v2 answer)" });
    expect(await sourceAnswer(server(), `{ kind: slack, url: "$URL/fx/meta/operational.json" }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not Slack's status API v2 answer: \(root\)/) });
  });
});
