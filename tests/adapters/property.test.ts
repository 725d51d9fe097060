/**
 * A property over generated marketing posts (emoji, CJK, French spacing, hashtags, mentions,
 * links with and without scheme, "link in bio" phrases with their arrows and brackets), rewritten
 * for every platform from Instagram: every post of the output fits as the platform counts; every
 * link that is kept is whole, set apart from the words around it, and there once; YouTube gets no
 * < or >. fast-check shrinks a failure to the smallest post that shows it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adapterFor } from "../../src/adapters/registry.js";
import type { Media } from "../../src/calendar/schema.js";
import { PLATFORMS, type Platform } from "../../src/platforms.js";
import { image, post, to, video } from "./helpers.js";

/** Links that are no prefix of one another, each with a distinct page. */
const LINKS = [
  "https://acme.com/launch?utm_source=instagram&utm_medium=social",
  "https://shop.acme.com/summer-bottle",
  "https://acme.example/rsvp",
  "https://acme.co.jp/夏/sale?utm_source=ig",
  "http://www.acme.shop/deal",
];
/** How a link may be written in the text: in full, or without its scheme. */
const spell = (link: string, bare: boolean): string => (bare ? link.replace(/^https?:\/\//, "") : link);

const words = fc.constantFrom(
  "Big news", "Our Summer Bottle is here", "made with love", "cold for 24 hours", "every part recycles", "see you there",
  "Réservez vite !", "Places limitées : 50 seulement ?", "À bientôt\u00a0!", "東京のみなさん、お待たせしました！", "渋谷で先行販売",
  "新品上市", "한정 판매", "Jetzt kaufen", "¡Oferta!", "Save 20%", "Tickets are live", "New drop!", "Doors at 8.",
);
const emoji = fc.constantFrom("✨", "🎉", "👨‍👩‍👧‍👦", "🇯🇵", "1️⃣", "👍🏽", "🛒", "🎟️", "❤️", "🏳️‍🌈", "😀");
const tags = fc.constantFrom("#SummerLaunch", "#AcmeBottle", "#夏", "#zerowaste", "#été", "#launch");
const mentions = fc.constantFrom("@acme", "@someone", "@acme_hq");
const bio = fc.constantFrom(
  "Link in bio", "link in bio", "Tap the link in our bio to grab yours", "— tap the link in our bio", "Shop now: link in bio 👆",
  "(link in bio)", "Lien en bio pour réserver", "👉 link in bio", "Check the link in bio and tell us", "詳しくはプロフィールのリンクから",
  "Link in bio, see you there.", "→", "Link in bio🎟️", "link in bio!", "Link in bio:", "(link in bio)!",
);
const joiner = fc.constantFrom(" ", " ", " ", ". ", "! ", "\n", "\n\n", ", ", " → ", " : ");

interface Generated {
  text: string;
  link?: string;
  media: Media[];
}

const generated: fc.Arbitrary<Generated> = fc
  .record({
    pieces: fc.array(
      fc.oneof(
        { weight: 5, arbitrary: words },
        { weight: 2, arbitrary: emoji },
        { weight: 2, arbitrary: tags },
        { weight: 1, arbitrary: mentions },
        { weight: 2, arbitrary: bio },
        { weight: 2, arbitrary: fc.record({ link: fc.constantFrom(...LINKS.keys()), bare: fc.boolean() }) },
      ),
      { minLength: 1, maxLength: 40 },
    ),
    joins: fc.array(joiner, { minLength: 40, maxLength: 40 }),
    link: fc.option(fc.constantFrom(...LINKS), { nil: undefined }),
    trailing: fc.array(tags, { maxLength: 8 }),
  })
  .map(({ pieces, joins, link, trailing }) => {
    // Each inline link once, in one spelling.
    const used = new Set<number>();
    const parts = pieces.flatMap((p) => {
      if (typeof p === "string") return [p];
      if (used.has(p.link)) return [];
      used.add(p.link);
      return [spell(LINKS[p.link]!, p.bare)];
    });
    const body = parts.map((p, i) => (i === 0 ? p : joins[i]! + p)).join("");
    const text = trailing.length > 0 ? `${body}\n\n${[...new Set(trailing)].join(" ")}` : body;
    return { text, ...(link ? { link } : {}), media: [] };
  });

/** The links a text carries, as they would be written after moving from Instagram to `platform`. */
const retagged = (link: string, platform: Platform): string =>
  link.replace(/utm_source=(?:instagram|ig)\b/, `utm_source=${platform}`).replace(/utm_medium=instagram\b/, `utm_medium=${platform}`);

const mediaFor = (platform: Platform): Media[] => (platform === "youtube" || platform === "tiktok" ? [video("film.mp4")] : [image("a.jpg", "A bottle")]);

const BEFORE_LINK = /[\s(«“'"]/u;
const AFTER_LINK = /[\s.,!?;:)…»”'"]/u;

function checkOne(g: Generated, platform: Platform): void {
  const adapter = adapterFor(platform);
  const r = to(platform, post({ text: g.text, ...(g.link ? { link: g.link } : {}), media: mediaFor(platform) }));
  const parts = r.thread ?? [r.text];
  const where = `${platform}: ${JSON.stringify(g)} → ${JSON.stringify(parts)}`;
  if (!r.problems.some((p) => p.startsWith("cannot fit"))) {
    for (const part of parts) expect(adapter.text.count(part), where).toBeLessThanOrEqual(r.length.limit);
  }
  if (platform === "youtube") expect(parts.join("") + (r.title ?? ""), where).not.toMatch(/[<>]/);
  const all = parts.join("\n");
  for (const original of LINKS) {
    const link = retagged(original, platform);
    const page = link.replace(/^https?:\/\/(www\.)?/, "").replace(/[?#].*$/, "");
    // Whole: wherever the page appears, the link is written in full (or as the author spelled it) and set apart.
    let count = 0;
    for (let i = all.indexOf(page); i >= 0; i = all.indexOf(page, i + 1)) {
      count++;
      const start = i - (all.slice(Math.max(0, i - 12), i).match(/(?:https?:\/\/)?(?:www\.)?$/)?.[0].length ?? 0);
      const end = all.startsWith(link, start) ? start + link.length : i + page.length;
      if (start > 0) expect(all[start - 1], `${where}: a word before ${link}`).toMatch(BEFORE_LINK);
      if (end < all.length) expect(all[end], `${where}: a word after ${link}`).toMatch(AFTER_LINK);
    }
    expect(count, `${where}: ${page} more than once`).toBeLessThanOrEqual(1);
    // The post's link is kept where the platform's links are clickable.
    if (g.link === original && adapter.links.mode === "text" && !r.problems.some((p) => p.startsWith("cannot fit"))) {
      expect(all.includes(link) || r.warnings.some((w) => /shortened/.test(w)), `${where}: ${link} lost`).toBe(true);
    }
  }
}

describe("every platform, generated marketing posts", () => {
  it("fit as the platform counts, keep every link whole, apart from words and once, and never mangle it", () => {
    fc.assert(
      fc.property(generated, (g) => {
        for (const platform of PLATFORMS) checkOne(g, platform);
      }),
      { numRuns: 150, seed: 20260714 },
    );
  });
});
