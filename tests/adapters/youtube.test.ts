import { describe, expect, it } from "vitest";
import { youtube } from "../../src/adapters/youtube.js";
import { image, post, to, video } from "./helpers.js";

describe("youtube adapter", () => {
  it("declares a 2–100 title, a 5000-byte description, exactly one video", () => {
    expect(youtube.title).toMatchObject({ min: 2, limit: 100 });
    expect(youtube.text.limit).toBe(5000);
    expect(youtube.text.unit).toBe("bytes");
    expect(youtube.media).toMatchObject({ requiredKind: "video", maxVideos: 1, maxImages: 0 });
  });

  it("cannot take a post with images only", () => {
    const r = to("youtube", post({ text: "Photos", media: [image("a.jpg")] }));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["YouTube needs a video; the post has image"]);
  });

  it("takes a video with a title and the link in the description", () => {
    const r = to("youtube", post({ text: "Our launch film. Enjoy!", title: "Summer Bottle launch", link: "https://acme.com/film", media: [video("film.mp4"), video("b.mp4")] }));
    expect(r.ok).toBe(true);
    expect(r.title).toBe("Summer Bottle launch");
    expect(r.text).toBe("Our launch film. Enjoy!\n\nhttps://acme.com/film");
    expect(r.media).toEqual([{ path: "film.mp4", kind: "video" }]);
  });

  it("counts the description in UTF-8 bytes: 2,100 Japanese characters are 6,300 bytes, shortened to 5000", () => {
    const text = `${"東京で新作を発表します。".repeat(175)}`;
    expect(text.length).toBe(2100);
    const r = to("youtube", post({ text, title: "Launch", media: [video("f.mp4")] }));
    expect(r.length).toMatchObject({ limit: 5000, unit: "bytes" });
    expect(r.length.used).toBeLessThanOrEqual(5000);
    expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(5000);
    expect(r.warnings.join()).toMatch(/shortened to fit YouTube's 5000 bytes/);
  });

  it("writes < and > as ‹ and › in the title and the description, with a warning", () => {
    const r = to("youtube", post({ text: "Before -> after <3", title: "A <new> look", media: [video("f.mp4")] }));
    expect(r.text).toBe("Before -› after ‹3");
    expect(r.title).toBe("A ‹new› look");
    expect(r.ok).toBe(true);
    expect(r.warnings.join()).toMatch(/YouTube refuses < and > in the text: written as ‹ and ›/);
    expect(r.warnings.join()).toMatch(/YouTube refuses < and > in the title/);
  });

  it("calls a hand-written variant with < or > a problem (a variant is never changed)", () => {
    const r = to("youtube", post({ text: "x", title: "Film", variants: { youtube: "a <b>" }, media: [video("f.mp4")] }));
    expect(r.problems.join()).toMatch(/refuses < and >/);
  });

  it("keeps at most 15 hashtags", () => {
    const tags = Array.from({ length: 20 }, (_, i) => `#t${i}x`).join(" ");
    const r = to("youtube", post({ text: `Film\n\n${tags}`, media: [video("f.mp4")] }));
    expect(r.text.match(/#/g)).toHaveLength(15);
  });
});
