/** LinkedIn's little text format (learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format). */
import { describe, expect, it } from "vitest";
import { littleText } from "../../src/publish/platforms/linkedin.js";
import { rewritePost } from "../../src/adapters/rewrite.js";
import { channel, post } from "../adapters/helpers.js";

describe("littleText", () => {
  it("backslash-escapes every reserved character", () => {
    expect(littleText("a\\b|c{d}e@f[g]h(i)j<k>l*m_n~o")).toBe("a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\*m\\_n\\~o");
  });
  it("writes hashtags as the hashtag template and keeps annotated mentions", () => {
    expect(littleText("Go #Launch2026 with @[Acme Inc.](urn:li:organization:2414183)!")).toBe("Go {hashtag|\\#|Launch2026} with @[Acme Inc.](urn:li:organization:2414183)!");
    expect(littleText("a#b and https://x.example/#top")).toBe("a\\#b and https://x.example/\\#top");
  });
  it("escapes the name inside a mention, and a half-written annotation as plain text", () => {
    expect(littleText("@[A_B (EU)](urn:li:person:abc-123)")).toBe("@[A\\_B \\(EU\\)](urn:li:person:abc-123)");
    expect(littleText("@[Acme](urn:li:share:1)")).toBe("\\@\\[Acme\\]\\(urn:li:share:1\\)");
  });
});

describe("LinkedIn mentions from handles", () => {
  const handles = {
    acme: { instagram: "@acme", linkedin: "@[Acme Inc.](urn:li:organization:2414183)" },
    jane: { instagram: "@jane.doe", linkedin: "@[Jane Doe](urn:li:person:AbC-12_x)" },
    bob: { instagram: "@bob", linkedin: "Bob Smith" },
  };
  const render = (text: string) => rewritePost(post({ text }), { channel: channel("linkedin") }, handles).text;

  it("writes a mention mapped to a URN as LinkedIn's annotation, which the publisher keeps while escaping the rest", () => {
    const text = render("Thanks @acme and @jane.doe (and #team)!");
    expect(text).toBe("Thanks @[Acme Inc.](urn:li:organization:2414183) and @[Jane Doe](urn:li:person:AbC-12_x) (and #team)!");
    expect(littleText(text)).toBe("Thanks @[Acme Inc.](urn:li:organization:2414183) and @[Jane Doe](urn:li:person:AbC-12_x) \\(and {hashtag|\\#|team}\\)!");
  });

  it("writes a display name (no URN) and an unknown handle as plain text, escaped: they tag no one", () => {
    const text = render("Hi @bob and @stranger");
    expect(text).toBe("Hi Bob Smith and stranger");
    expect(littleText(text)).toBe(text);
  });
});
