/** LinkedIn's little text format (learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format). */
import { describe, expect, it } from "vitest";
import { littleText } from "../../src/publish/platforms/linkedin.js";

describe("littleText", () => {
  it("backslash-escapes every reserved character", () => {
    expect(littleText("a\\b|c{d}e@f[g]h(i)j<k>l*m_n~o")).toBe("a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\*m\\_n\\~o");
  });
  it("writes hashtags as the hashtag template and keeps annotated mentions", () => {
    expect(littleText("Go #Launch2026 with @[Acme Inc.](urn:li:organization:2414183)!")).toBe("Go {hashtag|\\#|Launch2026} with @[Acme Inc.](urn:li:organization:2414183)!");
    expect(littleText("a#b and https://x.example/#top")).toBe("a\\#b and https://x.example/\\#top");
  });
});
