import { describe, expect, it } from "vitest";
import { tiktok } from "../../src/adapters/tiktok.js";
import { image, post, to, video } from "./helpers.js";

describe("tiktok adapter", () => {
  it("declares a 2200 caption, media required, 1 video or 35 photos", () => {
    expect(tiktok.text.limit).toBe(2200);
    expect(tiktok.media).toMatchObject({ required: true, maxVideos: 1, maxImages: 35 });
  });

  it("needs media", () => {
    expect(to("tiktok", post({ channel: "x", text: "Hi" })).problems).toEqual(["TikTok needs an image or a video; the post has no media"]);
  });

  it("takes a video, drops alt text it has no field for, and sends the link to the bio", () => {
    const r = to("tiktok", post({ channel: "x", text: "Watch", link: "https://acme.com/v", media: [{ ...video("v.mp4"), alt: "A clip" }] }));
    expect(r.ok).toBe(true);
    expect(r.media).toEqual([{ path: "v.mp4", kind: "video" }]);
    expect(r.text).toBe("Watch\n\nLink in bio.");
    expect(r.warnings.join()).toMatch(/no alt text field/);
  });

  it("takes up to 35 photos", () => {
    const media = Array.from({ length: 40 }, (_, i) => image(`${i}.jpg`));
    expect(to("tiktok", post({ text: "a", media })).media).toHaveLength(35);
  });
});
