import { describe, expect, it } from "vitest";
import { youtube } from "../../src/adapters/youtube.js";
import { image, post, to, video } from "./helpers.js";

describe("youtube adapter", () => {
  it("declares a 2–100 title, a 5000 description, exactly one video", () => {
    expect(youtube.title).toMatchObject({ min: 2, limit: 100 });
    expect(youtube.text.limit).toBe(5000);
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

  it("keeps at most 15 hashtags", () => {
    const tags = Array.from({ length: 20 }, (_, i) => `#t${i}x`).join(" ");
    const r = to("youtube", post({ text: `Film\n\n${tags}`, media: [video("f.mp4")] }));
    expect(r.text.match(/#/g)).toHaveLength(15);
  });
});
