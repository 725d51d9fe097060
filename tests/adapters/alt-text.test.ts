/** Alt-text limits per platform: a longer alt is shortened at a word, with a warning. */
import { describe, expect, it } from "vitest";
import { adapterFor } from "../../src/adapters/registry.js";
import type { Platform } from "../../src/platforms.js";
import { countGraphemes } from "../../src/text/count.js";
import { image, post, to, video } from "./helpers.js";

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("alt text", () => {
  it.each([
    ["x", 1000],
    ["mastodon", 1500],
    ["pinterest", 500],
  ] as Array<[Platform, number]>)("%s takes at most %i characters: a longer alt is cut at a word, with a warning", (platform, limit) => {
    expect(adapterFor(platform).media.altLimit).toMatchObject({ limit, unit: "characters" });
    const alt = words(400);
    const r = to(platform, post({ text: "Hello", media: [image("a.jpg", alt)] }));
    const out = r.media[0]!.alt!;
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(alt.startsWith(out.replace(/…$/, ""))).toBe(true);
    expect(out).toMatch(/word\d+…$/);
    expect(r.warnings.join()).toMatch(new RegExp(`alt text of a.jpg is ${alt.length} characters, over .*'s ${limit}: shortened at a word`));
  });

  it("leaves an alt within the limit alone", () => {
    const r = to("x", post({ text: "Hello", media: [image("a.jpg", "A bottle on a beach")] }));
    expect(r.media[0]!.alt).toBe("A bottle on a beach");
    expect(r.warnings).toEqual([]);
  });

  it("Bluesky limits a video's alt to 1000 graphemes, not an image's", () => {
    const alt = `${"👨‍👩‍👧‍👦 ".repeat(700)}end`;
    const withAlt = (m: ReturnType<typeof video>) => ({ ...m, alt });
    const v = to("bluesky", post({ text: "Hi", media: [withAlt(video("v.mp4"))] }));
    expect(countGraphemes(v.media[0]!.alt!)).toBeLessThanOrEqual(1000);
    expect(v.warnings.join()).toMatch(/over Bluesky's 1000: shortened/);
    const i = to("bluesky", post({ text: "Hi", media: [image("a.jpg", alt)] }));
    expect(i.media[0]!.alt).toBe(alt);
  });
});
