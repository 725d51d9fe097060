/** The other counters: graphemes, UTF-8 bytes, Mastodon's and Threads' rules. */
import { describe, expect, it } from "vitest";
import { countGraphemes, mastodonLength, threadsLength, utf16Length, utf8Length } from "../../src/text/count.js";
import { countCodePoints, graphemes } from "../../src/text/graphemes.js";

describe("graphemes", () => {
  it("counts what a reader sees as one character as one", () => {
    expect(countGraphemes("👨‍👩‍👧‍👦")).toBe(1);
    expect(countGraphemes("🇯🇵🇰🇪")).toBe(2);
    expect(countGraphemes("👍🏽")).toBe(1);
    expect(countGraphemes("e\u0301")).toBe(1);
    expect(countGraphemes("東京")).toBe(2);
    expect(graphemes("a👨‍👩‍👧‍👦b")).toEqual(["a", "👨‍👩‍👧‍👦", "b"]);
  });

  it("measures UTF-8 bytes like Buffer does, lone surrogates as U+FFFD", () => {
    for (const s of ["", "abc", "é", "東京", "👨‍👩‍👧‍👦", "🇯🇵 x", "\ud800", "a\udc00b"]) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
    }
    expect(countCodePoints("👍🏽a")).toBe(3);
    expect(utf16Length("👍")).toBe(2);
  });
});

describe("mastodonLength", () => {
  it("counts any http(s) link as 23 and a bare domain in full", () => {
    const url = `https://acme.com/${"x".repeat(80)}`;
    expect(mastodonLength(url)).toBe(23);
    expect(mastodonLength("see acme.com")).toBe(12);
  });

  it("counts the other schemes Mastodon links as 23 too (config/initializers/twitter_regex.rb)", () => {
    for (const scheme of ["gemini", "ipfs", "ipns", "dat", "dweb", "ssb", "gopher"]) {
      expect(mastodonLength(`read ${scheme}://acme.com/${"x".repeat(60)}`), scheme).toBe(5 + 23);
    }
    expect(mastodonLength(`ftp://acme.com/${"x".repeat(60)}`)).toBe(`ftp://acme.com/${"x".repeat(60)}`.length);
  });

  it("counts a remote mention as its local part", () => {
    expect(mastodonLength("@acme@mastodon.social")).toBe("@acme".length);
    expect(mastodonLength("hi @acme")).toBe(8);
  });

  it("counts grapheme clusters", () => {
    expect(mastodonLength("👨‍👩‍👧‍👦 e\u0301")).toBe(3);
  });
});

describe("threadsLength", () => {
  it("counts an emoji by its UTF-8 bytes and other text by UTF-16 units", () => {
    expect(threadsLength("👍")).toBe(4);
    expect(threadsLength("👨‍👩‍👧‍👦")).toBe(Buffer.byteLength("👨‍👩‍👧‍👦"));
    expect(threadsLength("🇯🇵")).toBe(8);
    // Keycaps and other non-pictographic emoji count their UTF-8 bytes too: 1️⃣ is 7, ↔️ is 6.
    expect(threadsLength("1️⃣")).toBe(7);
    expect(threadsLength("#️⃣ go")).toBe(7 + 3);
    expect(threadsLength("↔️")).toBe(6);
    expect(threadsLength("abc 東京")).toBe(6);
  });
});

describe("countGraphemes fast path", () => {
  it("agrees with Intl.Segmenter on random mixtures of joining and plain characters", async () => {
    const fc = (await import("fast-check")).default;
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const reference = (t: string): number => [...segmenter.segment(t)].length;
    const piece = fc.constantFrom(
      "a", " ", "\n", "\r", "\r\n", "é", "e\u0301", "\u0301", "東", "か", "\u3099", "ｶ", "\uff9e", "한", "\u1100", "\u1161", "\u11a8",
      "👍", "🏽", "\u200d", "\ufe0f", "👨‍👩‍👧‍👦", "🇯", "🇵", "क", "्", "ष", "\u0e01", "\u0e33", "\u0600", "1", "#", "\u20e3", "🏴", "\u{e0067}", "\u{e007f}",
      "\ud83d", "\ude00", "\u{1f600}",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(countGraphemes(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("threadsLength fast path", () => {
  it("agrees with counting cluster by cluster", async () => {
    const fc = (await import("fast-check")).default;
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const reference = (t: string): number =>
      [...segmenter.segment(t)].reduce((n, { segment: g }) => n + (isEmoji(g) ? Buffer.byteLength(g) : g.length), 0);
    // An emoji: a pictograph, a flag letter, a skin tone, a keycap, or any emoji character made emoji by U+FE0F.
    const isEmoji = (g: string): boolean =>
      /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}/u.test(g) || /^[0-9#*]\ufe0f?\u20e3/u.test(g) || /\p{Emoji}\ufe0f/u.test(g);
    const piece = fc.constantFrom("a", " ", "é", "e\u0301", "東", "👍", "🏽", "\u200d", "\ufe0f", "👨‍👩‍👧‍👦", "🇯", "🇵", "1", "#", "\u20e3", "\u0301", "©", "™", "↔", "\ud83d");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(threadsLength(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
