/**
 * Mastodon (REST): media with their description via POST /api/v2/media (polled while the server
 * processes them), statuses via POST /api/v1/statuses with `media_ids[]` and `in_reply_to_id` for a
 * thread, the instance's own limits from GET /api/v2/instance. Exactly once: every status carries
 * an `Idempotency-Key` derived from the post, so a resend within the hour Mastodon keeps the key
 * returns the first status instead of a second one (documentation content/en/methods/statuses.md).
 */
import { createHash } from "node:crypto";
import { mastodonLength } from "../../text/count.js";
import { answerMessage, answerObject, FormData, type HttpAnswer, baseUrl } from "../http.js";
import { permanent, PublishFailure, uncertainFate } from "../errors.js";
import { readMedia } from "../media.js";
import { mastodonSettings, type MastodonSettings } from "../../config/publish-settings.js";
import type { ChannelContext, Publisher } from "../types.js";

/** Mastodon keeps an Idempotency-Key for an hour; past that a resend could make a second status. */
const KEY_TTL_MS = 55 * 60_000;
const POLL_MS = 1_000;
const POLLS = 30;

interface Limits {
  maxCharacters: number;
  maxMedia: number;
  /** configuration.media_attachments.image_size_limit (default 16 MB). */
  imageBytes: number;
  videoBytes: number;
  descriptionLimit: number;
}

interface Session {
  base: string;
  limits: Limits;
}

const DEFAULT_LIMITS: Limits = { maxCharacters: 500, maxMedia: 4, imageBytes: 16 * 1024 * 1024, videoBytes: 99 * 1024 * 1024, descriptionLimit: 1500 };

type Ctx = ChannelContext<MastodonSettings>;

function baseOf(ctx: Ctx, instance: string | undefined): string {
  if (!instance) throw permanent(`channels.${ctx.channel}.publish.instance is not set (nor the channel's instance)`, "add instance: https://your.instance");
  return baseUrl(instance);
}

/** Mastodon's errors are `{error}` (Entities: Error); a 422 carries the validation message. */
function failure(ctx: Ctx, answer: HttpAnswer, what: string): PublishFailure {
  const message = `${what}: ${answerMessage(answer, "error", "error_description")}`;
  const hint = /character limit/i.test(message)
    ? "the text is too long as this instance counts it: shorten it, or set the channel's textLimit to the instance's limit"
    : /too large|file size/i.test(message)
      ? "the file is over the instance's size limit: make it smaller"
      : answer.status === 401 || answer.status === 403
        ? "the token was refused: make a new one with the write:statuses and write:media scopes"
        : undefined;
  return ctx.http.failure(answer, message, hint);
}

/** GET /api/v2/instance: configuration.statuses and media_attachments. Unreadable: the defaults (a post is not held for it). */
async function readLimits(ctx: Ctx, base: string): Promise<Limits> {
  try {
    const answer = await ctx.http.request({ url: `${base}/api/v2/instance` }, ctx.signal);
    const c = (answer.json as { configuration?: { statuses?: Record<string, number>; media_attachments?: Record<string, number> } } | undefined)?.configuration;
    if (answer.status !== 200 || !c) return DEFAULT_LIMITS;
    return {
      maxCharacters: c.statuses?.max_characters ?? DEFAULT_LIMITS.maxCharacters,
      maxMedia: c.statuses?.max_media_attachments ?? DEFAULT_LIMITS.maxMedia,
      imageBytes: c.media_attachments?.image_size_limit ?? DEFAULT_LIMITS.imageBytes,
      videoBytes: c.media_attachments?.video_size_limit ?? DEFAULT_LIMITS.videoBytes,
      descriptionLimit: c.media_attachments?.description_limit ?? DEFAULT_LIMITS.descriptionLimit,
    };
  } catch {
    return DEFAULT_LIMITS;
  }
}

/** The key for one status of a post: the same post (id, channel, time, part) always gets the same key. */
export function idempotencyKey(channel: string, postId: string, at: number, part: number): string {
  return createHash("sha256").update(`failover\0${channel}\0${postId}\0${at}\0${part}`).digest("hex").slice(0, 40);
}

export const mastodonPublisher: Publisher<MastodonSettings, Session> = {
  platform: "mastodon",
  settings: mastodonSettings,
  recovery: "exact",
  async session(ctx) {
    const base = baseOf(ctx, ctx.settings.instance ?? ctx.channelConfig.instance);
    return { base, limits: await readLimits(ctx, base) };
  },
  async publish(ctx) {
    const { base, limits } = ctx.session;
    const auth = { authorization: `Bearer ${ctx.settings.token}` };
    for (const part of ctx.parts) {
      const used = mastodonLength(part);
      if (used > limits.maxCharacters) {
        throw permanent(`the text is ${used} characters as Mastodon counts them, over this instance's ${limits.maxCharacters}`, "shorten it, or set the channel's textLimit so failover splits it as a thread");
      }
    }
    const mediaIds: string[] = [];
    for (const item of ctx.rendered.media.slice(0, limits.maxMedia)) {
      const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: item.kind === "video" ? limits.videoBytes : limits.imageBytes, platform: "this Mastodon instance", http: ctx.http, signal: ctx.signal });
      const form = new FormData();
      form.append("file", new Blob([file.bytes], { type: file.mimeType }), file.name);
      if (item.alt) form.append("description", item.alt.slice(0, limits.descriptionLimit));
      let answer = await ctx.http.request({ method: "POST", url: `${base}/api/v2/media`, headers: auth, body: form }, ctx.signal);
      if (answer.status !== 200 && answer.status !== 202) throw failure(ctx, answer, `upload ${item.path}`);
      const id = String(answerObject<{ id: string }>(ctx.http, answer, `upload ${item.path}`, "id").id);
      // 202: still processing; the attachment is usable once it has a url.
      for (let n = 0; answer.status === 202 || !(answer.json as { url?: string | null } | undefined)?.url; n++) {
        if (n >= POLLS) throw new PublishFailure("transient", `${item.path}: the instance is still processing it after ${POLLS} s`);
        await new Promise((r) => setTimeout(r, POLL_MS));
        answer = await ctx.http.request({ url: `${base}/api/v1/media/${id}`, headers: auth }, ctx.signal);
        if (answer.status !== 200 && answer.status !== 206) throw failure(ctx, answer, `upload ${item.path}`);
        if (answer.status === 206) answer = { ...answer, json: { url: null } };
      }
      mediaIds.push(id);
    }
    const statuses: Array<{ id: string; url: string }> = [];
    for (const [i, text] of ctx.parts.entries()) {
      const status = await ctx.step(`part${i}`, async (again) => {
        if (again && ctx.now - Date.parse(again.at) > KEY_TTL_MS) {
          throw uncertainFate(`an earlier run began sending this at ${again.at} and stopped before the answer; Mastodon forgets an Idempotency-Key after an hour, so a resend could post it twice`);
        }
        const answer = await ctx.http.request(
          {
            method: "POST",
            url: `${base}/api/v1/statuses`,
            headers: { ...auth, "idempotency-key": idempotencyKey(ctx.channel, ctx.post.id, ctx.post.at, i) },
            json: {
              status: text,
              ...(i === 0 && mediaIds.length ? { media_ids: mediaIds } : {}),
              ...(i > 0 ? { in_reply_to_id: statuses[i - 1]!.id } : {}),
              visibility: ctx.settings.visibility,
              ...(ctx.post.lang ? { language: ctx.post.lang.split("-")[0] } : {}),
            },
          },
          ctx.signal,
        );
        if (answer.status !== 200) throw failure(ctx, answer, "post");
        const body = answerObject<{ id: string; url?: string; uri?: string }>(ctx.http, answer, "post", "id");
        return { id: String(body.id), url: body.url ?? body.uri ?? "" };
      });
      statuses.push(status);
    }
    return { remoteId: statuses[0]!.id, url: statuses[0]!.url };
  },
};
