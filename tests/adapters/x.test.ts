import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { x } from "../../src/adapters/x.js";
import { LONG_CAPTION, LONG_LINK, longLinkOn, gif, image, post, to, video } from "./helpers.js";

const twitter = createRequire(import.meta.url)("twitter-text") as { parseTweet(t: string): { weightedLength: number; valid: boolean } };

describe("x adapter", () => {
  it("declares 280 weighted, 4 images or 1 video or 1 GIF, threads", () => {
    expect(x.text.limit).toBe(280);
    expect(x.text.unit).toBe("weighted");
    expect(x.media).toMatchObject({ maxImages: 4, maxVideos: 1, maxGifs: 1, mixing: false });
    expect(x.threads.maxParts).toBeGreaterThan(1);
  });

  it("turns a long caption into a numbered thread that twitter-text accepts post by post", () => {
    const r = to("x", post({ text: LONG_CAPTION, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    expect(r.thread!.length).toBeGreaterThan(2);
    r.thread!.forEach((part, i) => {
      expect(twitter.parseTweet(part).valid).toBe(true);
      expect(part.endsWith(` ${i + 1}/${r.thread!.length}`)).toBe(true);
    });
    expect(r.text).toBe(r.thread![0]);
    expect(r.thread!.filter((p) => p.includes(longLinkOn("x")))).toHaveLength(1);
    expect(r.thread!.join(" ")).toContain("@acme_hq");
    expect(r.thread!.join(" ")).not.toMatch(/link in bio/i);
  });

  it("counts the link as 23 however long it is", () => {
    const r = to("x", post({ text: "Out now", link: LONG_LINK }));
    expect(r.text).toBe(`Out now\n\n${longLinkOn("x")}`);
    expect(r.length).toEqual({ used: 7 + 2 + 23, limit: 280, unit: "weighted" });
  });

  it("keeps trailing hashtags together when the link takes the place of \"link in bio\"", () => {
    const r = to("x", post({ text: "Out now. Link in bio! #launch #summer", link: LONG_LINK }));
    expect(r.text).toBe(`Out now. ${longLinkOn("x")}\n\n#launch #summer`);
  });

  it("honours a channel's textLimit (X Premium)", () => {
    const r = to("x", post({ text: LONG_CAPTION }), { textLimit: 4000 });
    expect(r.thread).toBeUndefined();
    expect(r.length.limit).toBe(4000);
  });

  it("keeps 4 images, or one video, never a mix", () => {
    const imgs = to("x", post({ text: "a", media: [1, 2, 3, 4, 5].map((i) => image(`${i}.jpg`, `alt ${i}`)) }));
    expect(imgs.media.map((m) => m.path)).toEqual(["1.jpg", "2.jpg", "3.jpg", "4.jpg"]);
    expect(imgs.media[0]!.alt).toBe("alt 1");
    expect(imgs.warnings.join()).toMatch(/at most 4 images.*5\.jpg/);
    const mixed = to("x", post({ text: "a", media: [video("v.mp4"), image("1.jpg"), gif("g.gif")] }));
    expect(mixed.media.map((m) => m.path)).toEqual(["v.mp4"]);
    expect(mixed.ok).toBe(true);
  });
});
