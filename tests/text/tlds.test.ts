/** The checked-in top-level domains (src/text/tlds.ts) are twitter-text's own, whole and in order. */
import { describe, expect, it } from "vitest";
import { TWITTER_TEXT_TLDS } from "../../src/text/tlds.js";
// @ts-expect-error: a plain JavaScript script, without types
import { twitterTextTlds } from "../../scripts/tlds-from-twitter-text.js";

describe("top-level domains", () => {
  it("are exactly the installed twitter-text's lists, in its order", () => {
    expect(TWITTER_TEXT_TLDS.generic).toEqual(twitterTextTlds("validGTLD"));
    expect(TWITTER_TEXT_TLDS.country).toEqual(twitterTextTlds("validCCTLD"));
    // twitter-text 3.1 predates .music, .spa and .kids, and still has .mcd and .qvc: X links as it does.
    expect(TWITTER_TEXT_TLDS.generic).not.toContain("music");
    expect(TWITTER_TEXT_TLDS.generic).toContain("qvc");
    expect(TWITTER_TEXT_TLDS.generic.length + TWITTER_TEXT_TLDS.country.length).toBeGreaterThan(1500);
  });
});
