/**
 * Pinterest (API v5, developers.pinterest.com/docs/api/v5/pins-create): POST /v5/pins with
 * {board_id, title, description, link, alt_text, media_source}; media_source is {source_type:
 * "image_url", url} for an image already online, else {source_type: "image_base64",
 * content_type, data}; several images (a carousel Pin, 2 to 5) {source_type:
 * "multiple_image_base64", items: [{content_type, data}]} (the official generated client,
 * pinterest/pinterest-python-generated-api-client docs/PinCreate.md, PinMediaSourceImagesBase64.md,
 * PinMediaSourceImagesBase64Items.md). Answers 201 with the Pin ({id, ...}). A Pin needs an image:
 * a post without one is refused. Errors are {code, message}; a 429 may say in x-ratelimit-reset
 * (seconds) when the limit lifts. No idempotency key: a send cut off by a crash is `uncertain`.
 */
import { baseUrl } from "../http.js";
import { PublishFailure, permanent, uncertainFate } from "../errors.js";
import type { HttpAnswer } from "../http.js";
import { imagesOnly, readMedia } from "../media.js";
import type { MediaOut } from "../../adapters/types.js";
import { pinterestSettings, type PinterestSettings } from "../../config/publish-settings.js";
import type { Publisher } from "../types.js";

/** Pinterest's image limit for a Pin (20 MB); title 100 characters, description 800, alt text 500. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** A carousel Pin takes 2 to 5 images (media_source multiple_image_base64). */
const MAX_IMAGES = 5;

export function pinterestFailure(http: { redact(t: string): string; failure(a: HttpAnswer, m: string, h?: string): PublishFailure }, answer: HttpAnswer, what: string): PublishFailure {
  const body = (answer.json ?? {}) as { code?: number; message?: string };
  const words = body.message ?? (answer.text.trim().slice(0, 300) || "(no message)");
  const message = http.redact(`${what}: HTTP ${answer.status}: ${words}${body.code !== undefined ? ` (code ${body.code})` : ""}`);
  const status = answer.status;
  if (status === 401) return new PublishFailure("permanent", message, { status, hint: "Pinterest refused the token: access tokens last 30 days; refresh it with the refresh token (docs/publishing.md)" });
  if (status === 403) return new PublishFailure("permanent", message, { status, hint: "the token lacks a scope (pins:write, boards:read) or the board belongs to someone else" });
  if (status === 429) {
    const reset = Number(answer.headers["x-ratelimit-reset"]);
    return new PublishFailure("transient", `${message}: rate limit reached${Number.isFinite(reset) && reset > 0 ? `; it resets in ${reset} s` : ""}`, { status, ...(Number.isFinite(reset) && reset > 0 ? { retryAfterMs: reset * 1000 } : {}), hint: "left due: the next run tries again" });
  }
  if (status === 400 && /image|media/i.test(words)) return new PublishFailure("permanent", message, { status, hint: "Pinterest refused the image: a JPEG or PNG up to 20 MB, at a public URL or uploaded" });
  return http.failure(answer, `${what}: ${words}`);
}

export const pinterestPublisher: Publisher<PinterestSettings> = {
  platform: "pinterest",
  settings: pinterestSettings,
  recovery: "unknown",
  async publish(ctx) {
    // Video Pins need the media upload flow (POST /v5/media, then a video_id), not done yet: such a post fails, saying so.
    const images = imagesOnly(ctx.rendered.media, "Pinterest").slice(0, MAX_IMAGES);
    if (images.length === 0) throw permanent("a Pin needs an image and this post has none", "add an image to the post, or a variant without this channel");
    const image = images[0]!.item;
    const base = baseUrl(ctx.settings.api);
    const sent = await ctx.step("pin", async (again) => {
      if (again) throw uncertainFate(`an earlier run began pinning this at ${again.at} and stopped before the answer; Pinterest takes no idempotency key, so it is not resent`);
      const read = async (item: MediaOut) => {
        const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_IMAGE_BYTES, platform: "Pinterest", http: ctx.http, signal: ctx.signal });
        return { content_type: file.mimeType, data: file.bytes.toString("base64") };
      };
      let mediaSource: Record<string, unknown>;
      if (images.length > 1) mediaSource = { source_type: "multiple_image_base64", items: await Promise.all(images.map(({ item }) => read(item))) };
      else if (/^https?:\/\//i.test(image.path)) mediaSource = { source_type: "image_url", url: image.path };
      else mediaSource = { source_type: "image_base64", ...(await read(image)) };
      const title = (ctx.rendered.title ?? ctx.post.title ?? "").slice(0, 100);
      const link = ctx.rendered.link ?? ctx.post.link;
      const answer = await ctx.http.request(
        {
          method: "POST",
          url: `${base}/v5/pins`,
          headers: { authorization: `Bearer ${ctx.settings.token}` },
          json: { board_id: ctx.settings.boardId, ...(title ? { title } : {}), description: ctx.parts.join("\n\n").slice(0, 800), ...(link ? { link } : {}), ...(image.alt ? { alt_text: image.alt.slice(0, 500) } : {}), media_source: mediaSource },
        },
        ctx.signal,
      );
      const id = (answer.json as { id?: string } | undefined)?.id;
      if (answer.status !== 201 || !id) throw pinterestFailure(ctx.http, answer, "create the Pin");
      return { id };
    });
    return { remoteId: sent.id, url: `https://www.pinterest.com/pin/${sent.id}/` };
  },
};
