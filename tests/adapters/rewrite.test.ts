/** What every adapter shares: variants, mentions, the registry, and that rewriting is a pure value. */
import { describe, expect, it } from "vitest";
import { ADAPTERS, allAdapters } from "../../src/adapters/registry.js";
import { rewritePost } from "../../src/adapters/rewrite.js";
import { PLATFORMS } from "../../src/platforms.js";
import { HANDLES, LONG_CAPTION, LONG_LINK, channel, image, post, to } from "./helpers.js";

describe("registry", () => {
  it("has one adapter per platform, each naming its sources", () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...PLATFORMS].sort());
    for (const a of allAdapters()) {
      expect(a.platform).toBe(PLATFORMS[allAdapters().indexOf(a)]);
      expect(a.sources.length).toBeGreaterThan(0);
      expect(a.text.limit).toBeGreaterThan(0);
      expect(a.text.count("abc")).toBeGreaterThan(0);
    }
  });
});

describe("variants", () => {
  it("uses a hand-written variant as is, by channel name before platform", () => {
    const p = post({ text: "original", variants: { x: "for any X", "x-support": "for x-support" } });
    expect(rewritePost(p, { channel: channel("x", { name: "x-support" }) }).text).toBe("for x-support");
    expect(rewritePost(p, { channel: channel("x") }).text).toBe("for any X");
    expect(rewritePost(p, { channel: channel("x") }).from).toBe("variant");
  });

  it("never cuts a variant over the limit: it is a problem", () => {
    const long = "word ".repeat(100).trim();
    const r = to("x", post({ text: "a", variants: { x: long } }));
    expect(r.text).toBe(long);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(/variant is 499 weighted, over X's 280: shorten it in the calendar/)]);
  });
});

describe("mentions", () => {
  it("maps a handle through its identity, by the source channel's handle", () => {
    expect(to("bluesky", post({ text: "Thanks @acme!" })).text).toBe("Thanks @acme.bsky.social!");
  });

  it("writes an unknown handle as plain text, so it tags no one", () => {
    const r = to("x", post({ text: "Thanks @stranger and @acme.shop" }));
    expect(r.text).toBe("Thanks stranger and acme");
    expect(r.warnings).toHaveLength(2);
  });

  it("writes a known identity with no handle on the target as plain text, and says where to add one", () => {
    const r = rewritePost(post({ text: "Hi @acme" }), { channel: channel("facebook") }, HANDLES);
    expect(r.text).toBe("Hi acme");
    expect(r.warnings).toEqual([expect.stringContaining("handles.acme.facebook")]);
  });

  it("leaves variants' mentions alone", () => {
    expect(to("x", post({ text: "a", variants: { x: "@someone" } })).text).toBe("@someone");
  });
});

describe("rewritePost", () => {
  it("is a pure value: the post is untouched and the same input gives the same result", () => {
    const p = post({ text: LONG_CAPTION, link: LONG_LINK, media: [image("a.jpg", "alt")] });
    const before = JSON.stringify(p);
    const a = to("x", p);
    const b = to("x", p);
    expect(a).toEqual(b);
    expect(JSON.stringify(p)).toBe(before);
  });

  it("returns problems instead of throwing for a post with nothing to post", () => {
    for (const platform of PLATFORMS) {
      const r = to(platform, post({ text: "" }));
      expect(r.ok).toBe(false);
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it("keeps a sentence's closing hashtag in the sentence and drops only the trailing block where space runs out", () => {
    const text = `${"Long sentence here. ".repeat(13).trim()} See you in #Tokyo\n\n#one #two #three #four #five`;
    const r = rewritePost(post({ text }), { channel: channel("linkedin", { textLimit: 280 }) });
    expect(r.text.startsWith("Long sentence here.")).toBe(true);
    expect(r.text).toContain("#Tokyo");
    expect(r.warnings.join()).toMatch(/trailing hashtag/);
  });
});
