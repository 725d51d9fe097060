/**
 * X's weighted length, our implementation (src/text/xweight.ts) against the official twitter-text
 * package: a corpus of varied strings, every code point in the emoji and CJK planes alone and
 * with a variation selector or skin tone, every ZWJ shape of people and families, and random
 * mixtures. Zero disagreement is the bar.
 */
import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { xWeightedLength } from "../../src/text/xweight.js";

const twitter = createRequire(import.meta.url)("twitter-text") as { parseTweet(text: string): { weightedLength: number } };
const official = (text: string): number => twitter.parseTweet(text).weightedLength;

function disagreements(corpus: Iterable<string>): Array<{ text: string; official: number; ours: number }> {
  const out: Array<{ text: string; official: number; ours: number }> = [];
  for (const text of corpus) {
    const a = official(text);
    const b = xWeightedLength(text);
    if (a !== b) out.push({ text, official: a, ours: b });
  }
  return out;
}

const PIECES = [
  "Hello world",
  "Big news tomorrow ✨ Link in bio! #launch @acme",
  "Big news tomorrow ✨ https://acme.com/launch #launch",
  "café crème brûlée",
  "cafe\u0301 (decomposed, NFC makes it é)",
  "Ångström, naïve, façade, jalapeño, Øresund",
  "Привет, мир! Как дела?",
  "Γειά σου Κόσμε",
  "שלום עולם",
  "مرحبا بالعالم",
  "नमस्ते दुनिया",
  "สวัสดีชาวโลก",
  "日本語のテキストです。",
  "東京のみなさん、お待たせしました！",
  "ﾊﾝｶｸｶﾀｶﾅ",
  "中文测试，标点符号。",
  "한국어 텍스트입니다",
  "ᄀᄁᄂ (Hangul Jamo, U+1100)",
  "👍", "👍🏽", "👍🏿👍🏻", "❤️", "❤", "♥️", "☺", "☺️", "✌️", "✌🏾", "☝", "⛹🏽‍♀️", "🏋️‍♂️",
  "👨‍👩‍👧‍👦", "👩‍👩‍👦", "👨‍❤️‍👨", "👩‍❤️‍💋‍👩", "👩🏽‍💻", "👨🏿‍🚀", "🧑🏽‍🚀", "🧑‍🤝‍🧑", "🐻‍❄️", "🏳️‍🌈", "🏳️‍⚧️", "🏴‍☠️", "👁‍🗨", "👁️‍🗨️",
  "🇯🇵", "🇰🇪", "🇺🇸🇬🇧", "🇪🇺", "🇺🇳", "🇨🇶", "🇺", "🇦🇦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
  "1️⃣", "#️⃣", "*⃣", "©", "©️", "®", "™", "™️", "♟", "♟️", "♾", "♾️",
  "🥲", "🫠", "🪿", "🫶🏽", "🤌🏼", "🙂‍↔️", "🐦‍🔥", "❤️‍🔥", "😮‍💨",
  "⌚", "⌚️", "↔", "↔︎", "↔️", "⏩", "🚀️", "…", "—", "–", "“quoted”", "‘single’", "‰", "′″", "€100", "£5", "¥500",
  "example.com", "see example.com.", "acme.shop", "acme.example/launch", "https://acme.example/launch",
  "https://localhost:3000/x", "go.dev", "t.co/abc", "bit.ly/x", "https://例え.jp/パス", "www.acme.shop?utm=1",
  "https://shop.acme.com/summer-bottle?utm_source=instagram&utm_medium=social&utm_campaign=summer_launch_2026&utm_content=caption_link_v2",
  "(https://a.com/x)", "https://a.com/x).", "me@example.com", "@user.com", "#tag.com", "https://en.wikipedia.org/wiki/Foo_(bar).",
  "https://t.co/abcdef?x=1", "a.com:8080/x", "HTTPS://A.COM", "xhttps://a.com", "詳しくはacme.com/launchへ", "中文example.com",
  "visit http://a.com and b.org, c.net!", "a.co.uk", "café.com", "https://a.com/путь", "ftp://a.com", "https://1.2.3.4/x",
  "Tickets: https://lisbon-summer-festival.music/tickets?utm_source=x", "acme.spa", "go.mcd", "a.qvc/x", "kids.kids",
  "https://bücher.example.com/x", "https://xn--bcher-kva.com", "https://a.みんな/x", "vermögensberatung.vermögensberatung",
  "\u200b zero width space", "\ufeff BOM", "tab\tand\nnewline\r\n", "  leading and trailing  ",
];

function corpus(): string[] {
  const set = new Set<string>(PIECES);
  // Pairs and triples of pieces, joined in several ways: entities next to emoji, CJK next to links.
  for (let i = 0; i < PIECES.length; i++) {
    const a = PIECES[i]!;
    const b = PIECES[(i * 7 + 3) % PIECES.length]!;
    const c = PIECES[(i * 13 + 5) % PIECES.length]!;
    set.add(`${a} ${b}`);
    set.add(`${a}${b}`);
    set.add(`${a}\n\n${b} ${c}`);
  }
  return [...set];
}

describe("X weighted length (ours) against twitter-text", () => {
  it("agrees on a corpus of at least 200 varied strings", () => {
    const strings = corpus();
    expect(strings.length).toBeGreaterThanOrEqual(200);
    expect(disagreements(strings)).toEqual([]);
  });

  it("agrees on every BMP code point up to U+33FF and every emoji-plane code point, alone and with FE0F, FE0E or a skin tone", () => {
    const strings: string[] = [];
    const ranges: Array<[number, number]> = [
      [0x20, 0x33ff],
      [0xfe00, 0xfe0f],
      [0xe500, 0xe50f],
      [0x1f000, 0x1faff],
      [0xe0020, 0xe007f],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        strings.push(c, `${c}\ufe0f`, `${c}\ufe0e`, `${c}\u{1f3fd}`);
      }
    }
    expect(disagreements(strings)).toEqual([]);
  });

  it("agrees on every family and couple shape, and every person (any tone) joined to any emoji", () => {
    const people = ["👨", "👩", "🧑", "👦", "👧", "🧒", "👶"];
    const strings: string[] = [];
    const grow = (prefix: string, depth: number): void => {
      if (depth === 0) return;
      for (const p of people) {
        const s = prefix ? `${prefix}\u200d${p}` : p;
        strings.push(s);
        grow(s, depth - 1);
      }
    };
    grow("", 4);
    for (const a of ["👨", "👩", "🧑"]) for (const b of ["👨", "👩", "🧑"]) strings.push(`${a}\u200d❤️\u200d${b}`, `${a}\u200d❤\u200d💋\u200d${b}`, `${a}\u200d❤️\u200d💋\u200d${b}`);
    const objects: string[] = ["⚕", "⚖", "✈", "♀", "♂", "❤", "☠", "🗨", "⚧", "❄", "➡"];
    for (let cp = 0x1f300; cp <= 0x1f9ff; cp += 1) objects.push(String.fromCodePoint(cp));
    for (const person of ["👨", "👩", "🧑", "🏃", "🏋", "🏳", "🏴", "👁"]) {
      for (const tone of ["", "\u{1f3fb}", "\u{1f3ff}", "\ufe0f"]) {
        for (const object of objects) strings.push(`${person}${tone}\u200d${object}`, `${person}${tone}\u200d${object}\ufe0f`);
      }
    }
    expect(strings.length).toBeGreaterThan(20_000);
    expect(disagreements(strings)).toEqual([]);
  });

  it("agrees on random mixtures of emoji parts, letters, CJK and link pieces", () => {
    const part = fc.constantFrom(
      "👍", "🏽", "\u200d", "\ufe0f", "\ufe0e", "♀", "♂", "❤", "💋", "👨", "👩", "👧", "🧑", "🇯", "🇵", "🇺", "1", "#", "\u20e3",
      "a", "Z", "é", "e\u0301", "日", "ｶ", "한", " ", "\n", ".", "/", "-", "_", "@", "com", "jp", "https://", "www.", "…", "—", "🏴", "\u{e0067}", "\u{e007f}",
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 24 }), (parts) => {
        const text = parts.join("");
        expect(xWeightedLength(text)).toBe(official(text));
      }),
      { numRuns: 3000 },
    );
  });
});
