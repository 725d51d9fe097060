import { describe, expect, it } from "vitest";
import { threads } from "../../src/adapters/threads.js";
import { LONG_CAPTION, LONG_LINK, longLinkOn, post, to } from "./helpers.js";

describe("threads adapter", () => {
  it("declares 500 characters with emoji counted by UTF-8 bytes, 5 links", () => {
    expect(threads.text.limit).toBe(500);
    expect(threads.text.count("👍a")).toBe(5);
    expect(threads.links.maxInText).toBe(5);
  });

  it("threads a long caption, each post within 500 as Threads counts", () => {
    const r = to("threads", post({ text: LONG_CAPTION, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    for (const part of r.thread!) expect(threads.text.count(part)).toBeLessThanOrEqual(500);
    expect(r.thread!.filter((p) => p.includes(longLinkOn("threads")))).toHaveLength(1);
  });

  it("keeps one hashtag: later inline ones become words, trailing ones go", () => {
    const r = to("threads", post({ text: "We love #summer and #sun\n\n#launch #acme" }));
    expect(r.text).toBe("We love #summer and sun");
    expect(r.warnings.join()).toMatch(/at most 1 hashtag/);
  });

  it("counts a link once however often it appears (5 unique links)", () => {
    const text = [1, 2, 3, 4, 5, 1, 2].map((i) => `https://acme.com/${i}`).join(" ");
    expect(to("threads", post({ text })).problems).toEqual([]);
    expect(to("threads", post({ text, link: "https://acme.com/1" })).problems).toEqual([]);
    expect(to("threads", post({ text, link: "https://acme.com/6" })).problems.join()).toMatch(/at most 5 links in a post; this one has 6/);
  });

  it("counts a keycap emoji by its UTF-8 bytes", () => {
    expect(threads.text.count("1️⃣")).toBe(7);
  });

  it("refuses more than 5 links", () => {
    const text = [1, 2, 3, 4, 5, 6].map((i) => `https://acme.com/${i}`).join(" ");
    const r = to("threads", post({ text }));
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toMatch(/at most 5 links/);
  });
});
