import { describe, expect, it } from "vitest";
import { instagram } from "../../src/adapters/instagram.js";
import { image, post, to } from "./helpers.js";

describe("instagram adapter", () => {
  it("declares 2200 characters, media required, 30 hashtags, no clickable links", () => {
    expect(instagram.text.limit).toBe(2200);
    expect(instagram.media.required).toBe(true);
    expect(instagram.hashtags.max).toBe(30);
    expect(instagram.links.mode).toBe("none");
  });

  it("is not ok without media, and says why", () => {
    const r = to("instagram", post({ channel: "x", text: "Hello" }));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["Instagram needs an image or a video; the post has no media"]);
  });

  it("moves the link to the bio and says so", () => {
    const r = to("instagram", post({ channel: "x", text: "Out now https://acme.com/launch", link: "https://acme.com/launch", media: [image("a.jpg")] }));
    expect(r.text).toBe("Out now\n\nLink in bio.");
    expect(r.link).toBe("https://acme.com/launch");
    expect(r.warnings.join()).toMatch(/put https:\/\/acme\.com\/launch in the profile's bio/);
    expect(r.ok).toBe(true);
  });

  it("keeps the first 30 hashtags", () => {
    const tags = Array.from({ length: 35 }, (_, i) => `#tag${i}`);
    const r = to("instagram", post({ channel: "x", text: `Summer\n\n${tags.join(" ")}`, media: [image("a.jpg")] }));
    expect(r.text).toBe(`Summer\n\n${tags.slice(0, 30).join(" ")}`);
  });

  it("keeps the first 10 of a bigger carousel", () => {
    const media = Array.from({ length: 12 }, (_, i) => image(`${i}.jpg`));
    expect(to("instagram", post({ text: "a", media })).media).toHaveLength(10);
  });
});
