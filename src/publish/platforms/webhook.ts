/**
 * Incoming webhooks: Slack (`{text}`; answers 200 `ok`, errors as plain text such as
 * `invalid_payload`, `no_text`, `channel_is_archived`: api.slack.com/messaging/webhooks), Discord
 * (`{content}` to `?wait=true`, which answers the message: discord-api-docs
 * docs/resources/webhook.mdx, Execute Webhook), or `json`: the post and its rendering, for anything
 * else. Media travel as links (an incoming webhook takes no files). A webhook cannot be asked
 * whether a message arrived: after a crash mid-send the post is `uncertain`, never resent.
 */
import { createHash } from "node:crypto";
import { answerMessage } from "../http.js";
import { uncertainFate } from "../errors.js";
import { webhookSettings, type WebhookSettings } from "../../config/publish-settings.js";
import type { Publisher, PublishContext } from "../types.js";

function body(ctx: PublishContext<WebhookSettings>): unknown {
  const text = ctx.parts.join("\n\n");
  const links = ctx.rendered.media.filter((m) => /^https?:\/\//i.test(m.path)).map((m) => (m.alt ? `${m.path} (${m.alt})` : m.path));
  const withLinks = links.length ? `${text}\n\n${links.join("\n")}` : text;
  switch (ctx.settings.format) {
    case "slack":
      return { text: withLinks };
    case "discord":
      return { content: withLinks };
    case "json":
      return {
        schemaVersion: 1,
        post: { id: ctx.post.id, channel: ctx.post.channel, at: new Date(ctx.post.at).toISOString(), text: ctx.post.text, ...(ctx.post.link ? { link: ctx.post.link } : {}), ...(ctx.post.title ? { title: ctx.post.title } : {}) },
        rendered: { text: ctx.rendered.text, ...(ctx.parts.length > 1 ? { thread: ctx.parts } : {}), ...(ctx.rendered.title ? { title: ctx.rendered.title } : {}), ...(ctx.rendered.link ? { link: ctx.rendered.link } : {}), media: ctx.rendered.media },
        // The same post always has the same key: a receiver can drop a repeat.
        idempotencyKey: createHash("sha256").update(`${ctx.channel}\0${ctx.post.id}\0${ctx.post.at}`).digest("hex").slice(0, 40),
      };
  }
}

export const webhookPublisher: Publisher<WebhookSettings> = {
  platform: "webhook",
  settings: webhookSettings,
  recovery: "unknown",
  async publish(ctx) {
    const sent = await ctx.step("send", async (again) => {
      if (again) throw uncertainFate(`an earlier run began sending this at ${again.at} and stopped before the answer; a webhook cannot be asked whether it arrived`);
      const url = ctx.settings.format === "discord" ? `${ctx.settings.url}${ctx.settings.url.includes("?") ? "&" : "?"}wait=true` : ctx.settings.url;
      const answer = await ctx.http.request({ method: "POST", url, json: body(ctx) }, ctx.signal);
      if (answer.status < 200 || answer.status > 299) throw ctx.http.failure(answer, answerMessage(answer, "message", "error"));
      const id = (answer.json as { id?: unknown } | undefined)?.id;
      return { id: typeof id === "string" ? id : "" };
    });
    return { remoteId: sent.id };
  },
};
