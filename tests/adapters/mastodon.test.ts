import { describe, expect, it } from "vitest";
import { mastodon } from "../../src/adapters/mastodon.js";
import { mastodonLength } from "../../src/text/count.js";
import { LONG_CAPTION, LONG_LINK, longLinkOn, post, to } from "./helpers.js";

describe("mastodon adapter", () => {
  it("declares 500 with links as 23", () => {
    expect(mastodon.text.limit).toBe(500);
    expect(mastodon.text.count(`a ${LONG_LINK}`)).toBe(2 + 23);
  });

  it("threads a long caption within 500, remote handle mapped, the link whole", () => {
    const r = to("mastodon", post({ text: LONG_CAPTION, link: LONG_LINK }));
    expect(r.ok).toBe(true);
    for (const part of r.thread!) expect(mastodonLength(part)).toBeLessThanOrEqual(500);
    expect(r.thread!.join(" ")).toContain("@acme@mastodon.social");
    expect(r.thread!.filter((p) => p.includes(longLinkOn("mastodon")))).toHaveLength(1);
  });

  it("uses the instance's own limit from textLimit", () => {
    const r = to("mastodon", post({ text: LONG_CAPTION }), { textLimit: 5000 });
    expect(r.thread).toBeUndefined();
    expect(r.length.limit).toBe(5000);
  });
});
