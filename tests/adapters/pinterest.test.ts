import { describe, expect, it } from "vitest";
import { pinterest } from "../../src/adapters/pinterest.js";
import { image, post, to } from "./helpers.js";

describe("pinterest adapter", () => {
  it("declares a 100 title, an 800 description (PinCreate.description), media, and a link field", () => {
    expect(pinterest.title).toMatchObject({ limit: 100 });
    expect(pinterest.text.limit).toBe(800);
    expect(pinterest.media.altLimit).toEqual({ limit: 500, unit: "characters" });
    expect(pinterest.links).toMatchObject({ mode: "field", fieldLimit: 2048 });
  });

  it("puts the link in its field, not the description, and takes the title from the first sentence", () => {
    const r = to("pinterest", post({ text: "The Summer Bottle. Cold for 24 hours, link in bio!", link: "https://acme.com/b", media: [image("a.jpg", "Bottle")] }));
    expect(r.ok).toBe(true);
    expect(r.link).toBe("https://acme.com/b");
    expect(r.text).toBe("The Summer Bottle. Cold for 24 hours!");
    expect(r.title).toBe("The Summer Bottle.");
  });

  it("shortens a long title at a word", () => {
    const title = "An extraordinarily long title for a pin ".repeat(5).trim();
    const r = to("pinterest", post({ text: "x", title, media: [image("a.jpg")] }));
    expect(r.title!.length).toBeLessThanOrEqual(100);
    expect(r.title!.endsWith("…")).toBe(true);
    expect(r.warnings.join()).toMatch(/title is 199 characters/);
  });

  it("refuses a link longer than the field", () => {
    const r = to("pinterest", post({ text: "x", link: `https://acme.com/${"a".repeat(2100)}`, media: [image("a.jpg")] }));
    expect(r.problems.join()).toMatch(/over Pinterest's 2048/);
  });
});
