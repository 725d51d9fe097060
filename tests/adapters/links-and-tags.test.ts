/**
 * The examples, on every platform where links are clickable and on Pinterest (where the
 * link goes to its field): "link in bio" replaced or removed cleanly, a link never added twice,
 * campaign tags that follow the post, and the author's typography kept.
 */
import { describe, expect, it } from "vitest";
import { rewritePost } from "../../src/adapters/rewrite.js";
import type { Platform } from "../../src/platforms.js";
import { channel, image, post, to } from "./helpers.js";

const CLICKABLE: Platform[] = ["bluesky", "mastodon", "x", "threads"];
const withMedia = (text: string, link: string) => post({ text, link, media: [image("a.jpg")] });

describe("link in bio", () => {
  it.each([
    ["Link in bio to RSVP.", "https://acme.example/rsvp", "https://acme.example/rsvp to RSVP."],
    ["Check the link in bio and tell us what you think!", "https://acme.example/tell", "Check https://acme.example/tell and tell us what you think!"],
    ["Lien en bio pour réserver.", "https://acme.example/fr", "https://acme.example/fr pour réserver."],
    ["Link in bio for tickets 🎟️", "https://acme.example/tix", "https://acme.example/tix for tickets 🎟️"],
    ["Tickets are live — tap the link in our bio to grab yours!", "https://acme.example/t", "Tickets are live — tap https://acme.example/t to grab yours!"],
  ])("%j: the link takes the phrase's place, set apart from the next word", (text, link, expected) => {
    for (const platform of CLICKABLE) expect(to(platform, withMedia(text, link)).text, platform).toBe(expected);
  });

  it.each([
    ["Tickets are live — tap the link in our bio to grab yours!", "Tickets are live!"],
    ["New drop! Link in bio, see you there.", "New drop! See you there."],
    ["Link in bio to RSVP. Doors at 8.", "Doors at 8."],
    ["Big sale (link in bio) this weekend", "Big sale this weekend"],
  ])("%j on Pinterest: the phrase goes with what served it, nothing dangles", (text, expected) => {
    const r = to("pinterest", withMedia(text, "https://acme.example/t"));
    expect(r.text).toBe(expected);
    expect(r.link).toBe("https://acme.example/t");
  });
});

describe("the same link twice", () => {
  it("keeps a bare mention of the link, made whole, and does not append it again", () => {
    for (const platform of CLICKABLE) {
      const r = to(platform, withMedia("Save 20% at checkout → acme.example/sale 🛒", "https://acme.example/sale"));
      expect(r.text, platform).toBe("Save 20% at checkout → https://acme.example/sale 🛒");
    }
  });

  it("counts the link once when the text has it in full", () => {
    const r = to("x", withMedia("Out now: https://acme.com/launch", "https://acme.com/launch"));
    expect(r.text).toBe("Out now: https://acme.com/launch");
  });

  it("writes the tagged link in place of its untagged spelling", () => {
    const r = to("bluesky", withMedia("Shop at acme.com/sale today", "https://acme.com/sale?utm_campaign=s"));
    expect(r.text).toBe("Shop at https://acme.com/sale?utm_campaign=s today");
  });

  it("removes the link with the arrow that led to it where links go elsewhere", () => {
    const r = to("pinterest", withMedia("Save 20% at checkout → acme.example/sale 🛒", "https://acme.example/sale"));
    expect(r.text).toBe("Save 20% at checkout 🛒");
    expect(r.link).toBe("https://acme.example/sale");
  });
});

describe("campaign tags follow the post", () => {
  const link = "https://acme.com/s?utm_source=instagram&utm_medium=instagram&utm_campaign=summer";

  it("retags utm_source and utm_medium naming the old platform, in the link and in the text, and says so", () => {
    const r = to("x", withMedia(`Shop: ${link}`, link));
    expect(r.text).toBe("Shop: https://acme.com/s?utm_source=x&utm_medium=x&utm_campaign=summer");
    expect(r.warnings.join()).toMatch(/campaign tags retagged for x: utm_source=instagram → x, utm_medium=instagram → x/);
    const pin = to("pinterest", withMedia("Shop now", link));
    expect(pin.link).toBe("https://acme.com/s?utm_source=pinterest&utm_medium=pinterest&utm_campaign=summer");
  });

  it("leaves a medium or source that names no platform alone", () => {
    const r = to("bluesky", withMedia("Shop", "https://acme.com/s?utm_source=ig&utm_medium=social"));
    expect(r.text).toBe("Shop\n\nhttps://acme.com/s?utm_source=bluesky&utm_medium=social");
  });

  it("is off with defaults.retag: false", () => {
    const r = rewritePost(withMedia("Shop", link), { channel: channel("x"), source: channel("instagram"), retag: false });
    expect(r.text).toBe(`Shop\n\n${link}`);
    expect(r.warnings.join()).not.toMatch(/retag/);
  });
});

describe("typography", () => {
  it("keeps French spaces before ! ? : ;, non-breaking spaces and the author's line breaks", () => {
    const text = "Réservez vite ! Places limitées : 50 seulement ?\nÀ bientôt\u00a0!\n\nLien en bio.";
    for (const platform of [...CLICKABLE, "pinterest", "linkedin"] as Platform[]) {
      const r = to(platform, withMedia(text, "https://acme.example/fr"));
      expect(r.text.startsWith("Réservez vite ! Places limitées : 50 seulement ?\nÀ bientôt\u00a0!"), `${platform}: ${r.text}`).toBe(true);
    }
  });

  it("keeps the author's space before punctuation when a link before it is removed, and none where there was none", () => {
    expect(to("pinterest", withMedia("Réservez https://acme.example/fr !", "https://acme.example/fr")).text).toBe("Réservez !");
    expect(to("pinterest", withMedia("Book https://acme.example/fr!", "https://acme.example/fr")).text).toBe("Book!");
  });
});
