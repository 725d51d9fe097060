/**
 * Bluesky facets and record keys. Facet detection is compared with the official package's output,
 * recorded by scripts/record-richtext.mjs into fixtures/bluesky/richtext-official.json (the
 * package itself is not a dependency: it wants Node 22 and is 26 MB).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFacets, richText, shortenLinks, toShortUrl, type Facet } from "../../src/publish/platforms/bluesky-richtext.js";
import { decodeTid, encodeTid, TID_PATTERN, tidForPost } from "../../src/publish/tid.js";
import { ROOT } from "../helpers/cli.js";

const official = JSON.parse(readFileSync(join(ROOT, "fixtures", "bluesky", "richtext-official.json"), "utf8")) as { cases: Array<{ text: string; facets: Facet[] }> };
const byStart = (facets: Facet[]) => [...facets].sort((a, b) => a.index.byteStart - b.index.byteStart || a.features[0]!.$type.localeCompare(b.features[0]!.$type));
const bytesOf = (text: string, f: Facet) => Buffer.from(text, "utf8").subarray(f.index.byteStart, f.index.byteEnd).toString("utf8");

describe("Bluesky facets", () => {
  it.each(official.cases.map((c) => [c.text, c.facets] as const))("match the official RichText for %j", (text, facets) => {
    expect(byStart(detectFacets(text))).toEqual(byStart(facets));
  });

  it("shortens links as the official app does, the facet keeping the full URL and covering the short text", () => {
    expect(toShortUrl("https://acme.example/launch/2026/summer?utm=x")).toBe("acme.example/launch/2026/...");
    expect(toShortUrl("https://acme.com/")).toBe("acme.com");
    expect(toShortUrl("https://acme.com/exactly15chars")).toBe("acme.com/exactly15chars");
    expect(toShortUrl("https://acme.com/exactly16charsx")).toBe("acme.com/exactly16cha...");
    expect(toShortUrl("mailto:a@b.c")).toBe("mailto:a@b.c");
    const text = "🎉 see https://acme.example/a/very/long/path/indeed and #tag after";
    const short = shortenLinks(text, detectFacets(text));
    expect(short.text).toBe("🎉 see acme.example/a/very/long/... and #tag after");
    const [link, tag] = byStart(short.facets);
    expect(bytesOf(short.text, link!)).toBe("acme.example/a/very/long/...");
    expect(link!.features[0]).toEqual({ $type: "app.bsky.richtext.facet#link", uri: "https://acme.example/a/very/long/path/indeed" });
    expect(bytesOf(short.text, tag!)).toBe("#tag");
  });

  it("resolves mentions to DIDs and leaves a handle that does not resolve as plain text", async () => {
    const dids: Record<string, string> = { "friend.test": "did:plc:friend" };
    const r = await richText("hi @friend.test and @stranger.test!", async (h) => dids[h]);
    expect(r.facets).toEqual([{ index: { byteStart: 3, byteEnd: 15 }, features: [{ $type: "app.bsky.richtext.facet#mention", did: "did:plc:friend" }] }]);
  });
});

describe("record keys (TIDs)", () => {
  it("encode microseconds and a clock id as 13 sortable base32 characters", () => {
    const tid = encodeTid(1_784_023_200_000_000n, 5);
    expect(tid).toMatch(TID_PATTERN);
    expect(decodeTid(tid)).toEqual({ micros: 1_784_023_200_000_000n, clockId: 5 });
    expect(encodeTid(1n, 0) < encodeTid(2n, 0)).toBe(true);
  });

  it("are the same for the same post and part, and differ between posts and parts", () => {
    const at = Date.parse("2026-07-14T10:00:00Z");
    expect(tidForPost("launch", at, 0)).toBe(tidForPost("launch", at, 0));
    const keys = new Set([tidForPost("launch", at, 0), tidForPost("launch", at, 1), tidForPost("other", at, 0), tidForPost("launch", at + 60_000, 0)]);
    expect(keys.size).toBe(4);
    for (const k of keys) expect(k).toMatch(TID_PATTERN);
    // The key's time is the post's (to the millisecond).
    expect(decodeTid(tidForPost("launch", at, 0)).micros / 1000n).toBe(BigInt(at));
  });
});
