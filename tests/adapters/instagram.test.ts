import { describe, expect, it } from "vitest";
import { instagram } from "../../src/adapters/instagram.js";
import { image, post, to } from "./helpers.js";

describe("instagram adapter", () => {
  it("declares 2200 characters, media required, 5 hashtags, no clickable links", () => {
    expect(instagram.text.limit).toBe(2200);
    expect(instagram.media.required).toBe(true);
    expect(instagram.hashtags.max).toBe(5);
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

  it("keeps the first 5 hashtags (Instagram's limit since December 2025), with a warning", () => {
    const tags = Array.from({ length: 12 }, (_, i) => `#tag${i}`);
    const r = to("instagram", post({ channel: "x", text: `Summer\n\n${tags.join(" ")}`, media: [image("a.jpg")] }));
    expect(r.text).toBe(`Summer\n\n${tags.slice(0, 5).join(" ")}`);
    expect(r.warnings.join()).toMatch(/at most 5 hashtags: 7 more left out/);
  });

  it("writes inline hashtags over the 5 as plain words", () => {
    const r = to("instagram", post({ channel: "x", text: "#one #two #three #four #five and #six in #seven words", media: [image("a.jpg")] }));
    expect(r.text).toBe("#one #two #three #four #five and six in seven words");
    expect(r.warnings.join()).toMatch(/written as plain words/);
  });

  it("keeps the first 10 of a bigger carousel", () => {
    const media = Array.from({ length: 12 }, (_, i) => image(`${i}.jpg`));
    expect(to("instagram", post({ text: "a", media })).media).toHaveLength(10);
  });
});
