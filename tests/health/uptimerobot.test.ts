import { describe, expect, it } from "vitest";
import { shareStatus } from "../../src/health/sources/uptimerobot.js";
import { itReadsEachState, recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

const uptimerobot = recordedReader(server, "uptimerobot");

// UptimeRobot has no maintenance state: a paused monitor ("black") says nothing at all.
describe("uptimerobot sources (getMonitorList, as status.bsky.app)", () => {
  it.each([
    ["operational", "operational", "20 monitors up"],
    ["degraded", "degraded", "1 of 20 monitors down: oyster.us-east.host.bsky.network"],
    ["outage", "partial_outage", "5 of 20 monitors down: maitake.us-east.host.bsky.network, matsutake.us-west.host.bsky.network, morel.us-east.host.bsky.network, oyster.us-east.host.bsky.network, porcini.us-west.host.bsky.network"],
    ["major", "major_outage", "20 of 20 monitors down: bsky.app, bsky.social, api.bsky.app, gifs.bsky.app, video.bsky.app, …"],
  ])("%s reads %s", async (file, expected, detail) => {
    expect(await uptimerobot(file)).toMatchObject({ status: expected, detail });
  });

  it("reads watched monitors by name or id, one down being a major outage", async () => {
    expect(await uptimerobot("degraded", ", monitors: [oyster.us-east.host.bsky.network]")).toMatchObject({ status: "major_outage" });
    expect(await uptimerobot("degraded", ", monitors: [bsky.app, 796288000]")).toMatchObject({ status: "operational" });
    expect(await uptimerobot("degraded", ", monitors: [porcini.us-west.host.bsky.network]")).toMatchObject({ status: "degraded" });
    expect(await uptimerobot("degraded", ", monitors: [bsky.ap]")).toMatchObject({ status: "unknown", error: expect.stringMatching(/^no monitor "bsky.ap" on this page; it has: bsky.app, .*\(8 more\)$/) });
  });

  it("reads a page of paused monitors, a page that is not ok, and garbage as unknown", async () => {
    expect(await uptimerobot("paused")).toMatchObject({ status: "unknown", error: "the page lists no active monitors" });
    expect(await uptimerobot("paused", ", monitors: [bsky.app]")).toMatchObject({ status: "unknown", error: 'monitor "bsky.app" is paused: it says nothing now' });
    expect(await uptimerobot("malformed")).toMatchObject({ status: "unknown", error: "not JSON (not an UptimeRobot monitor list)" });
    expect(await sourceAnswer(server(), `{ kind: uptimerobot, url: "$URL/fx/slack/outage.json" }`)).toMatchObject({ status: "unknown", error: 'the page answered status "active" (is the key still the page\'s?)' });
  });

  it("grades a page by its share of monitors down", () => {
    expect([shareStatus(0, 52), shareStatus(1, 52), shareStatus(9, 52), shareStatus(26, 52), shareStatus(52, 52), shareStatus(0, 0)]).toEqual([
      "operational",
      "degraded",
      "partial_outage",
      "major_outage",
      "major_outage",
      "operational",
    ]);
  });
});
