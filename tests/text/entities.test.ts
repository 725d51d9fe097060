/** Mentions, hashtags and links as spans, and the "link in bio" phrases. */
import { describe, expect, it } from "vitest";
import { entities } from "../../src/text/entities.js";
import { hasLinkInBio, removeLinkInBio } from "../../src/text/link-in-bio.js";

const kinds = (text: string): string[] => entities(text).map((e) => `${e.kind}:${e.text}`);

describe("entities", () => {
  it("finds mentions of every handle style, not e-mail addresses", () => {
    expect(kinds("hi @acme, @acme.bsky.social and @acme@mastodon.social; mail me@acme.com.")).toEqual([
      "mention:@acme",
      "mention:@acme.bsky.social",
      "mention:@acme@mastodon.social",
    ]);
  });

  it("finds hashtags in any script, not numbers, not inside links", () => {
    expect(kinds("#夏 #SummerLaunch #1 C# https://acme.com/#frag")).toEqual(["hashtag:#夏", "hashtag:#SummerLaunch", "url:https://acme.com/#frag"]);
  });

  it("leaves the sentence's full stop out of a mention", () => {
    expect(kinds("Thanks @acme.")).toEqual(["mention:@acme"]);
  });
});

describe("link in bio", () => {
  it.each([
    ["Shop now: link in bio 👆", "Shop now"],
    ["Big news ✨ Link in bio!", "Big news ✨"],
    ["Tap the link in our bio to shop.", ""],
    ["New drop, link in bio for details!", "New drop!"],
    ["Tickets are live — tap the link in our bio to grab yours!", "Tickets are live!"],
    ["New drop! Link in bio, see you there.", "New drop! See you there."],
    ["Réservez ! Lien en bio pour réserver.", "Réservez !"],
    ["Details (link in profile)", "Details"],
    ["Nouveau ! Lien en bio.", "Nouveau !"],
    ["Jetzt kaufen – Link in der Bio", "Jetzt kaufen"],
    ["詳しくはプロフィールのリンクから！", ""],
    ["Novidade — link na bio", "Novidade"],
  ])("removes %j", (text, expected) => {
    expect(hasLinkInBio(text)).toBe(true);
    expect(removeLinkInBio(text)).toEqual({ text: expected, removed: true });
  });

  it("puts the link where the phrase was", () => {
    expect(removeLinkInBio("Shop now: link in bio 👆\n\n#launch", "https://acme.com/x").text).toBe("Shop now: https://acme.com/x\n\n#launch");
    expect(removeLinkInBio("👉 link in bio", "https://acme.com/x").text).toBe("👉 https://acme.com/x");
  });

  it.each([
    ["Link in bio to RSVP.", "https://acme.example/rsvp to RSVP."],
    ["Check the link in bio and tell us what you think!", "Check https://acme.example/rsvp and tell us what you think!"],
    ["Lien en bio pour réserver.", "https://acme.example/rsvp pour réserver."],
    ["Link in bio for tickets 🎟️", "https://acme.example/rsvp for tickets 🎟️"],
    ["Tickets are live — tap the link in our bio to grab yours!", "Tickets are live — tap https://acme.example/rsvp to grab yours!"],
    ["Out now. Link in bio! #launch", "Out now. https://acme.example/rsvp #launch"],
    ["Details (link in bio) below", "Details (https://acme.example/rsvp) below"],
    ["詳しくはプロフィールのリンクから", "https://acme.example/rsvp"],
  ])("replaces %j with the link, never glued to a word", (text, expected) => {
    expect(removeLinkInBio(text, "https://acme.example/rsvp").text).toBe(expected);
  });

  it("leaves other text alone", () => {
    expect(hasLinkInBio("Our biology lab links in")).toBe(false);
    expect(removeLinkInBio("A bio of our founder")).toEqual({ text: "A bio of our founder", removed: false });
  });
});

describe("entities asked twice about the same text", () => {
  it("gives the same entities each time, as copies a caller may change", () => {
    const text = "See https://acme.example/a @acme #launch";
    const first = entities(text);
    first[0]!.start = 99;
    first.pop();
    const second = entities(text);
    expect(second).toEqual(entities(`${text} `.trimEnd()));
    expect(second.map((e) => e.kind)).toEqual(["url", "mention", "hashtag"]);
    expect(second[0]!.start).toBe(4);
    expect(entities("no links here")).toEqual([]);
    expect(entities(text)).toEqual(second);
  });
});
