import { describe, expect, it } from "vitest";
import { email } from "../../src/adapters/email.js";
import { HANDLES, image, post, to } from "./helpers.js";
import { channel } from "./helpers.js";
import { rewritePost } from "../../src/adapters/rewrite.js";

describe("email adapter", () => {
  it("declares a subject of 78 (advice) and no threads", () => {
    expect(email.title).toMatchObject({ name: "subject", limit: 78, hard: false });
    expect(email.threads.maxParts).toBe(1);
  });

  it("renders a subject, a plain body with the link on its own line, and the attachments with their alt text", () => {
    const r = to("email", post({ text: "Big news ✨ Our bottle is here @acme!\n\n#launch #summer", link: "https://acme.com/b", media: [image("a.jpg", "The bottle")] }));
    expect(r.ok).toBe(true);
    expect(r.title).toBe("Big news ✨ Our bottle is here acme!");
    expect(r.text).toBe("Big news ✨ Our bottle is here acme!\n\nhttps://acme.com/b\n\nAttached:\n- a.jpg (The bottle)");
    // "Link in bio" gives its place to the link.
    expect(to("email", post({ text: "Shop now: link in bio", link: "https://acme.com/b" })).text).toBe("Shop now: https://acme.com/b");
  });

  it("uses a configured name for a mention and turns inline hashtags into words", () => {
    const r = rewritePost(post({ text: "Hi from @acme at #Tokyo" }), { channel: channel("email", { name: "newsletter" }) }, { acme: { ...HANDLES.acme, newsletter: "Acme" } });
    expect(r.text).toBe("Hi from Acme at Tokyo");
    expect(r.warnings).toEqual([]);
  });

  it("makes a subject from a long first sentence, cut at a word within 78", () => {
    const r = to("email", post({ text: "Big news ✨ Our Summer Bottle is finally here, and we made it over eight months of sketches and prototypes. More soon." }));
    expect(r.title!.length).toBeLessThanOrEqual(78);
    expect(r.title).toMatch(/^Big news ✨ Our Summer Bottle is finally here, and we made it over eight\S*…$/);
  });

  it("warns about a long subject but does not cut it", () => {
    const title = "A subject line that goes on and on well past what an inbox shows in its list view";
    const r = to("email", post({ text: "Body", title }));
    expect(r.title).toBe(title);
    expect(r.warnings.join()).toMatch(/subject is \d+ characters/);
  });
});
