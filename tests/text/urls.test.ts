/** Link finding (src/text/urls.ts) against twitter-text's extractUrlsWithIndices, and the spans kept whole. */
import { describe, expect, it } from "vitest";
import { findUrls, linkSpans } from "../../src/text/urls.js";
import { disagreements, ours, theirs } from "./url-agreement.js";

const CASES = [
  "example.com", "see example.com.", "acme.example/launch", "https://acme.example/launch", "https://localhost:3000/x",
  "http://foo.bar", "go.dev", "t.co/abc", "x.co", "https://例え.jp/パス", "例え.jp", "www.acme.shop?utm=1",
  "https://acme.com/a?utm_source=ig&utm_medium=social&utm_campaign=summer_launch_2026#frag", "(https://a.com/x)",
  "https://a.com/x).", "me@example.com", "@user.com", "#tag.com", "https://a.com/x,y", "https://1.2.3.4/x", "https://a.com/é",
  "ftp://a.com", "HTTPS://A.COM", "xhttps://a.com", "a.co.uk", "example.com/path_with_underscores", "sub.domain.example.org/x",
  "a.b", "https://a-b.c.com", "https://_a.com", "https://ab.com:80/x", "中文example.com", "日本語https://a.com", "a.com.",
  "a.com!", "a.com?", "https://a.com?x=1.", "a.comx", "https://xn--fsq.com", "詳しくはacme.com/launchへ", "a.com.notatld",
  "a.com.xyz/x", "-a.com", "/a.com", "a_b.c.com", "a.b_c.com", "https://en.wikipedia.org/wiki/Foo_(bar)",
  "https://en.wikipedia.org/wiki/Foo_(bar).", "https://t.co/abcdef?x=1", "a.com:8080/x", "a.com:8080", "https://a.com/@user/",
  "http://a.com/path?x=(1)", "visit http://a.com and b.org, c.net!", "https://a.com/x--", "café.com", "https://café.com/x",
  "https://a.com/путь", "https://a.com#frag", "a.com/x#frag?y", "https://a.com/?", "a.museum", "e.g. this", "v1.2.3",
  "file.txt", "README.md is here", "site.io/x", "«a.com»", "a.com’s", "x\"a.com",
  // Punycode top-level domains take no look-ahead in twitter-text (its TLD lists do): found by the random property.
  "www.xn--p1ai@", "a.xn--abc@x", "a.XN--P1AI+", "www.xn--p1ai-",
];

describe("findUrls", () => {
  it("finds exactly the links twitter-text finds", () => {
    const diffs = CASES.filter((t) => theirs(t).join("|") !== ours(t).join("|"));
    expect(diffs).toEqual([]);
  });

  it("agrees with twitter-text on random link-like text", () => {
    // A fixed seed: CI runs the same 6000 cases every time. `npm run test:slow` runs 100,000 more
    // over other seeds (tests/text/urls-agreement.test.ts), which is how "www.xn--p1ai@" was found.
    expect(disagreements(6000, 20261130)).toEqual([]);
  });

  it("with requireScheme finds only http(s) links (Mastodon's rule)", () => {
    expect(findUrls("see acme.com and https://acme.com/x", { requireScheme: true }).map((u) => u.url)).toEqual(["https://acme.com/x"]);
  });

  it("keeps any http(s) link whole, even to a name that is not a TLD, without trailing punctuation", () => {
    expect(linkSpans("Go to https://acme.example/launch?x=1. Now").map((u) => u.url)).toEqual(["https://acme.example/launch?x=1"]);
    expect(linkSpans("(see https://localhost:3000/a_(b))").map((u) => u.url)).toEqual(["https://localhost:3000/a_(b)"]);
  });
});
