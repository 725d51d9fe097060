import { describe, expect, it } from "vitest";
import { facebook } from "../../src/adapters/facebook.js";
import { LONG_CAPTION, LONG_LINK, longLinkOn, image, post, to, video } from "./helpers.js";

describe("facebook adapter", () => {
  it("declares 63,206 characters and 10 photos or 1 video", () => {
    expect(facebook.text.limit).toBe(63_206);
    expect(facebook.media).toMatchObject({ maxImages: 10, maxVideos: 1, mixing: false });
  });

  it("takes a long caption as one post with the link", () => {
    const r = to("facebook", post({ text: LONG_CAPTION, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    expect(r.thread).toBeUndefined();
    expect(r.text).toContain(longLinkOn("facebook"));
  });

  it("keeps the first kind of media when a post mixes them", () => {
    const r = to("facebook", post({ text: "a", media: [image("1.jpg"), video("v.mp4"), image("2.jpg")] }));
    expect(r.media.map((m) => m.path)).toEqual(["1.jpg", "2.jpg"]);
    expect(r.warnings.join()).toMatch(/one kind of media.*v\.mp4/);
  });
});
