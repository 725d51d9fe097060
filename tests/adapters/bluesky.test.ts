import { describe, expect, it } from "vitest";
import { bluesky } from "../../src/adapters/bluesky.js";
import { countGraphemes } from "../../src/text/count.js";
import { LONG_CAPTION, LONG_LINK, longLinkOn, image, post, to } from "./helpers.js";

describe("bluesky adapter", () => {
  it("declares 300 graphemes and 4 images with alt text", () => {
    expect(bluesky.text).toMatchObject({ limit: 300, unit: "graphemes" });
    expect(bluesky.media).toMatchObject({ maxImages: 4, altText: true });
  });

  it("splits into posts of at most 300 graphemes, the link whole, handles mapped", () => {
    const r = to("bluesky", post({ text: LONG_CAPTION, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    for (const part of r.thread!) expect(countGraphemes(part)).toBeLessThanOrEqual(300);
    expect(r.thread!.filter((p) => p.includes(longLinkOn("bluesky")))).toHaveLength(1);
    expect(r.thread!.join(" ")).toContain("@acme.bsky.social");
  });

  it("counts an emoji family as one grapheme and checks the 3000-byte limit", () => {
    expect(to("bluesky", post({ text: "👨‍👩‍👧‍👦" })).length.used).toBe(1);
    expect(bluesky.text.check!("👨‍👩‍👧‍👦".repeat(121))).toEqual([expect.stringMatching(/3000/)]);
    // 300 families fit the grapheme count but not the bytes: the post is not ok.
    const r = to("bluesky", post({ text: "👨‍👩‍👧‍👦".repeat(300) }), { textLimit: 300 });
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toMatch(/UTF-8 bytes/);
  });

  it("carries alt text", () => {
    expect(to("bluesky", post({ text: "a", media: [image("a.jpg", "A bottle")] })).media).toEqual([{ path: "a.jpg", kind: "image", alt: "A bottle" }]);
  });
});
