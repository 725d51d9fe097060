/**
 * Real-shape payloads (fixtures/status/SOURCES.md says where each shape comes from): nulls for
 * optional fields, numeric ids, upper-case values, a group and a child of one name, scheduled and
 * cancelled notices, resources Better Stack does not monitor. Served by the status server.
 */
import { describe, expect, it } from "vitest";
import { assessFeed, parseFeed } from "../../src/health/sources/feed.js";
import { recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

describe("statuspage, as real pages answer", () => {
  const read = recordedReader(server, "statuspage");
  it("reads nulls, numeric ids and upper-case values; a scheduled maintenance is not happening now", async () => {
    expect(await read("real-shape")).toMatchObject({ status: "degraded" });
  });
  it("takes the group when a group and its child share a name, as bad as its worst member", async () => {
    expect(await read("real-shape", ", components: [Terraform Cloud]")).toMatchObject({ status: "major_outage", detail: expect.stringMatching(/Runs: major_outage/) });
    expect(await read("real-shape", ", components: [Vault]")).toMatchObject({ status: "operational" });
  });
});

describe("slack, as the API answers", () => {
  it("does not read a scheduled or cancelled notice as maintenance now", async () => {
    expect(await recordedReader(server, "slack")("scheduled-notice")).toMatchObject({ status: "operational", detail: "2 notices, none happening now" });
  });
});

describe("betterstack, as index.json answers", () => {
  it("leaves out resources that are not monitored or have no status, and reads upper-case states", async () => {
    expect(await recordedReader(server, "betterstack")("real-shape")).toMatchObject({ status: "partial_outage", detail: "downtime: API (1 of 2)" });
  });
});

describe("feeds (pure parsing)", () => {
  const NOW = Date.parse("2026-07-14T12:30:00Z");
  const atom = (published: string, updated: string, state: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Posting errors &amp; delays</title><published>${published}</published><updated>${updated}</updated><content type="html">&lt;p&gt;&lt;strong&gt;${state}&lt;/strong&gt; - text&lt;/p&gt;</content></entry></feed>`;

  it("reads an Atom entry by when it was updated, not when it began", async () => {
    const entries = await parseFeed(atom("2026-07-13T08:00:00Z", "2026-07-14T12:20:00Z", "Identified"));
    if ("error" in entries) throw new Error(entries.error);
    expect(entries[0]!.title).toBe("Posting errors & delays");
    expect(assessFeed(entries, NOW, 6 * 3_600_000).status).toBe("partial_outage");
  });

  it("does not read a maintenance announced for later as happening now", async () => {
    const rss = `<rss version="2.0"><channel><item><title>Scheduled maintenance of the API</title><pubDate>Tue, 14 Jul 2026 12:00:00 +0000</pubDate><description><![CDATA[<p><strong>Scheduled</strong> - We will be undergoing scheduled maintenance on Jul 20.</p>]]></description></item></channel></rss>`;
    const entries = await parseFeed(rss);
    if ("error" in entries) throw new Error(entries.error);
    expect(assessFeed(entries, NOW, 6 * 3_600_000)).toEqual({ status: "operational", detail: "no open incidents" });
  });

  it("refuses declared entities and documents cut short", async () => {
    expect(await parseFeed(`<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>`)).toEqual({ error: expect.stringMatching(/declares XML entities/) });
    expect(await parseFeed(`<rss><channel><item><title>x</title></item>`)).toEqual({ error: expect.stringMatching(/cut short/) });
  });
});

describe("uptimerobot, paged", () => {
  it("follows the pages to a watched monitor past the first", async () => {
    const read = (monitors: string) => sourceAnswer(server(), `{ kind: uptimerobot, url: "$URL/uptimerobot-paged/api/getMonitorList/key", monitors: [${monitors}] }`);
    expect(await read("pds-east.host.bsky.network")).toMatchObject({ status: "major_outage" });
    expect(await read("bsky.app")).toMatchObject({ status: "operational" });
    expect(await read("nope.example")).toMatchObject({ status: "unknown", error: expect.stringMatching(/no monitor "nope.example"/) });
  });
});
