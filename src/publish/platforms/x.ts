/**
 * X (API v2, docs.x.com/x-api): images through POST /2/media/upload (multipart `media`,
 * `media_category` tweet_image; answers {data: {id, media_key}}) and their alt text through
 * POST /2/media/metadata ({id, metadata: {alt_text: {text}}}); posts through POST /2/tweets
 * ({text, media: {media_ids}, reply: {in_reply_to_tweet_id}}; answers 201 {data: {id, text}}), a
 * thread as a chain of replies. Signed with OAuth 1.0a user context (oauth1.ts) or an OAuth 2.0
 * user token. Errors are problem objects {title, detail, type, status}; 429 carries
 * x-rate-limit-reset (epoch seconds). X takes no idempotency key: a post whose send was cut
 * off by a crash is `uncertain`, never resent.
 */
import { randomBytes } from "node:crypto";
import { PublishFailure, uncertainFate } from "../errors.js";
import { FormData, type HttpAnswer, type HttpRequest } from "../http.js";
import { imagesOnly, readMedia } from "../media.js";
import { oauth1Header } from "../oauth1.js";
import { xSettings, type XSettings } from "../../config/publish-settings.js";
import type { Publisher, PublishContext } from "../types.js";

/** X's limits for an image upload (5 MB) and alt text (1000 characters); 4 images a post. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_ALT = 1000;
const MAX_IMAGES = 4;

type Ctx = PublishContext<XSettings>;

function authorization(ctx: Ctx, method: string, url: string): string {
  const s = ctx.settings;
  if (s.token) return `Bearer ${s.token}`;
  return oauth1Header(method, url, { consumerKey: s.apiKey!, consumerSecret: s.apiSecret!, token: s.accessToken!, tokenSecret: s.accessSecret! }, randomBytes(16).toString("hex"), Math.floor(ctx.now / 1000));
}

async function call(ctx: Ctx, req: HttpRequest & { method: "POST" }): Promise<HttpAnswer> {
  return ctx.http.request({ ...req, headers: { ...req.headers, authorization: authorization(ctx, req.method, req.url) } }, ctx.signal);
}

/** When a 429's limit lifts: x-rate-limit-reset against the answer's own Date (no local clock). */
function resetOf(answer: HttpAnswer): { at: string; inMs?: number } | undefined {
  const reset = Number(answer.headers["x-rate-limit-reset"]);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  const date = Date.parse(answer.headers.date ?? "");
  return { at: new Date(reset * 1000).toISOString(), ...(Number.isNaN(date) ? {} : { inMs: Math.max(0, reset * 1000 - date) }) };
}

/** An X error answer as the run treats it, in plain words. */
export function xFailure(ctx: { http: Ctx["http"] }, answer: HttpAnswer, what: string): PublishFailure {
  const body = (answer.json ?? {}) as { title?: string; detail?: string; reason?: string; type?: string; errors?: Array<{ message?: string }> };
  // A problem object's `detail` is generic when `errors` names what was wrong ("media type unrecognized.").
  const words = body.errors?.[0]?.message ?? body.detail ?? body.title ?? (answer.text.trim().slice(0, 300) || "(no message)");
  const message = ctx.http.redact(`${what}: HTTP ${answer.status}: ${words}`);
  const status = answer.status;
  if (status === 429) {
    const reset = resetOf(answer);
    return new PublishFailure("transient", `${message}: rate limit reached${reset ? `; it resets at ${reset.at}` : ""}`, { status, ...(reset?.inMs !== undefined ? { retryAfterMs: reset.inMs } : {}), hint: "left due: the next run tries again" });
  }
  if (status === 401) return new PublishFailure("permanent", message, { status, hint: "X refused the credentials: an OAuth 2.0 token lasts 2 hours (refresh it), OAuth 1.0a keys end when regenerated or revoked; see docs/publishing.md" });
  if (status === 403) {
    if (body.reason === "client-not-enrolled" || /client-forbidden/.test(body.type ?? "") || /access level|tier|enrolled|Project/i.test(words)) {
      return new PublishFailure("permanent", message, {
        status,
        hint: "X's API tier of this app does not allow posting: the app must sit in a Project whose access (Free, Basic or above) includes POST /2/tweets. Nothing is wrong with the post; change the app's access at developer.x.com",
      });
    }
    if (/duplicate/i.test(words)) return new PublishFailure("permanent", message, { status, hint: "X refuses a post with the same text as a recent one: change the text" });
    return new PublishFailure("permanent", message, { status, hint: "X refused this for the app's permissions: set the app to \"Read and write\" and make new access tokens (OAuth 1.0a), or a token with tweet.write and media.write (OAuth 2.0)" });
  }
  if (status === 400 && /media/i.test(words)) return new PublishFailure("permanent", message, { status, hint: "X refused the media: a JPEG, PNG, GIF or WebP of at most 5 MB" });
  return ctx.http.failure(answer, `${what}: ${words}`);
}

async function uploadImage(ctx: Ctx, base: string, index: number): Promise<string> {
  const item = ctx.rendered.media[index]!;
  const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_IMAGE_BYTES, platform: "X", http: ctx.http, signal: ctx.signal });
  const form = new FormData();
  form.append("media", new Blob([file.bytes], { type: file.mimeType }), file.name);
  form.append("media_category", file.mimeType === "image/gif" ? "tweet_gif" : "tweet_image");
  const up = await call(ctx, { method: "POST", url: `${base}/2/media/upload`, body: form });
  const id = (up.json as { data?: { id?: string } } | undefined)?.data?.id;
  if ((up.status !== 200 && up.status !== 201) || !id) throw xFailure(ctx, up, `upload ${item.path}`);
  if (item.alt) {
    const meta = await call(ctx, { method: "POST", url: `${base}/2/media/metadata`, json: { id, metadata: { alt_text: { text: item.alt.slice(0, MAX_ALT) } } } });
    if (meta.status !== 200 && meta.status !== 201) throw xFailure(ctx, meta, `alt text of ${item.path}`);
  }
  return id;
}

export const xPublisher: Publisher<XSettings> = {
  platform: "x",
  settings: xSettings,
  recovery: "unknown",
  async publish(ctx) {
    const base = ctx.settings.api.replace(/\/+$/, "");
    // Videos need the chunked upload (INIT/APPEND/FINALIZE), not done yet: such a post fails, saying so.
    const images = imagesOnly(ctx.rendered.media, "X").slice(0, MAX_IMAGES);
    const posted: string[] = [];
    for (const [i, text] of ctx.parts.entries()) {
      const { id } = await ctx.step(`part${i}`, async (again) => {
        if (again) throw uncertainFate(`an earlier run began posting this at ${again.at} and stopped before the answer; X takes no idempotency key, so it is not resent`);
        // Uploaded media that no post uses expire unseen (24 h): uploading again makes no double.
        const mediaIds = i === 0 ? await Promise.all(images.map(({ index }) => uploadImage(ctx, base, index))) : [];
        const answer = await call(ctx, {
          method: "POST",
          url: `${base}/2/tweets`,
          json: { text, ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}), ...(i > 0 ? { reply: { in_reply_to_tweet_id: posted[i - 1] } } : {}) },
        });
        const id = (answer.json as { data?: { id?: string } } | undefined)?.data?.id;
        if (answer.status !== 201 || !id) throw xFailure(ctx, answer, "post");
        return { id };
      });
      posted.push(id);
    }
    return { remoteId: posted[0]!, url: `https://x.com/i/web/status/${posted[0]}` };
  },
};
