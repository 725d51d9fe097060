/**
 * Facebook Pages (Graph API, developers.facebook.com/docs/pages-api/posts): text and a link via
 * POST /v21.0/{page-id}/feed (`message`, `link`; answers {id: "<page>_<post>"}); one image via
 * POST /{page-id}/photos as a multipart `source` with `message` and `alt_text_custom` (answers
 * {id, post_id}); several images uploaded unpublished (published=false) and attached to one feed
 * post as attached_media[i]={"media_fbid": id}. A Page access token is needed. A thread's parts
 * become one message (a Page post has no thread). The Graph API takes no idempotency key and a
 * Page cannot be asked cheaply whether a post arrived: after a crash mid-send it is `uncertain`.
 */
import { uncertainFate } from "../errors.js";
import { FormData, baseUrl } from "../http.js";
import { graph, graphFailure, type GraphCall } from "../graph.js";
import { imagesOnly, readMedia } from "../media.js";
import { facebookSettings, type FacebookSettings } from "../../config/publish-settings.js";
import type { Publisher, PublishContext } from "../types.js";

const VERSION = "v21.0";
/** Photos up to 4 MB as Facebook documents for Page photos (PNG under 1 MB recommended). */
const MAX_PHOTO_BYTES = 4 * 1024 * 1024;

async function uploadPhoto(ctx: PublishContext<FacebookSettings>, base: string, index: number, fields: Record<string, string>): Promise<{ id: string; post_id?: string }> {
  const item = ctx.rendered.media[index]!;
  const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_PHOTO_BYTES, platform: "Facebook", http: ctx.http, signal: ctx.signal });
  const form = new FormData();
  form.append("source", new Blob([file.bytes], { type: file.mimeType }), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (item.alt) form.append("alt_text_custom", item.alt);
  form.append("access_token", ctx.settings.token);
  const answer = await ctx.http.request({ method: "POST", url: `${base}/${ctx.settings.pageId}/photos`, body: form }, ctx.signal);
  if (answer.status !== 200 || !(answer.json as { id?: string } | undefined)?.id) throw graphFailure(ctx.http, answer, `upload ${item.path}`, "Facebook");
  return answer.json as { id: string; post_id?: string };
}

export const facebookPublisher: Publisher<FacebookSettings> = {
  platform: "facebook",
  settings: facebookSettings,
  recovery: "unknown",
  async publish(ctx) {
    const s = ctx.settings;
    const base = `${baseUrl(s.api)}/${VERSION}`;
    const call: GraphCall = { http: ctx.http, signal: ctx.signal, token: s.token, platform: "Facebook" };
    const message = ctx.parts.join("\n\n");
    // Page videos go through /{page-id}/videos (resumable upload), not done yet: such a post fails, saying so.
    const images = imagesOnly(ctx.rendered.media, "Facebook Pages");
    const link = ctx.rendered.link ?? ctx.post.link;
    const sent = await ctx.step("post", async (again) => {
      if (again) throw uncertainFate(`an earlier run began posting this at ${again.at} and stopped before the answer; the Graph API takes no idempotency key, so it is not resent`);
      if (images.length === 1) {
        const photo = await uploadPhoto(ctx, base, images[0]!.index, { message });
        return { id: photo.post_id ?? photo.id };
      }
      const attached: Record<string, string> = {};
      // Unpublished photos are invisible until attached: uploading them again after a crash makes no post.
      for (const [i, img] of images.entries()) attached[`attached_media[${i}]`] = JSON.stringify({ media_fbid: (await uploadPhoto(ctx, base, img.index, { published: "false" })).id });
      const r = await graph<{ id: string }>(call, "POST", `${base}/${s.pageId}/feed`, { message, ...(link && images.length === 0 ? { link } : {}), ...attached }, "post to the Page");
      return { id: r.id };
    });
    // A post id is "<page-id>_<post-id>"; facebook.com/<page-id>/posts/<post-id> opens it.
    const [page, post] = sent.id.includes("_") ? sent.id.split("_") : [s.pageId, sent.id];
    return { remoteId: sent.id, url: `https://www.facebook.com/${page}/posts/${post}` };
  },
};
