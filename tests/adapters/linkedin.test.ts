import { describe, expect, it } from "vitest";
import { linkedin } from "../../src/adapters/linkedin.js";
import { LONG_CAPTION, LONG_LINK, longLinkOn, post, to } from "./helpers.js";

describe("linkedin adapter", () => {
  it("declares 3000 characters and no threads", () => {
    expect(linkedin.text.limit).toBe(3000);
    expect(linkedin.threads.maxParts).toBe(1);
  });

  it("takes the whole caption in one post, the configured name for the mention, the link in place of 'link in bio'", () => {
    const r = to("linkedin", post({ text: LONG_CAPTION, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    expect(r.thread).toBeUndefined();
    expect(r.text).toContain("made with Acme Inc. over");
    expect(r.text).toContain(`Shop now: ${longLinkOn("linkedin")}`);
    expect(r.text).toContain("#SummerLaunch #AcmeBottle #夏 #zerowaste");
  });

  it("shortens past 3000 at a word with an ellipsis, keeping the link at the end", () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(" ");
    const r = to("linkedin", post({ text, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    expect(r.length.used).toBeLessThanOrEqual(3000);
    expect(r.text).toMatch(/word\d+…\n\nhttps:/);
    expect(r.text.endsWith(longLinkOn("linkedin"))).toBe(true);
  });
});
