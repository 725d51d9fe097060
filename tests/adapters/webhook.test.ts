import { describe, expect, it } from "vitest";
import { webhook } from "../../src/adapters/webhook.js";
import { image, post, to } from "./helpers.js";

describe("webhook adapter", () => {
  it("declares 2000 characters (Discord's content) and no threads", () => {
    expect(webhook.text.limit).toBe(2000);
    expect(webhook.threads.maxParts).toBe(1);
  });

  it("renders a payload Slack and Discord both read, and warns that files are not sent", () => {
    const r = to("webhook", post({ text: "Launch day! Link in bio", link: "https://acme.com/l", media: [image("a.jpg")] }));
    expect(r.text).toBe("Launch day! https://acme.com/l");
    expect(r.payload).toEqual({ text: r.text, content: r.text });
    expect(r.warnings.join()).toMatch(/cannot carry files/);
  });

  it("shortens past 2000, or the channel's own limit", () => {
    const text = Array.from({ length: 600 }, (_, i) => `w${i}`).join(" ");
    expect(to("webhook", post({ text })).length.used).toBeLessThanOrEqual(2000);
    const slack = to("webhook", post({ text }), { textLimit: 40_000 });
    expect(slack.text).toBe(text);
  });
});
