/**
 * X (API v2, docs.x.com/x-api): images through POST /2/media/upload (multipart `media`,
 * `media_category` tweet_image; answers {data: {id, media_key}}) and their alt text through
 * POST /2/media/metadata ({id, metadata: {alt_text: {text}}}); a video through the chunked
 * upload (uploadVideo below); posts through POST /2/tweets
 * ({text, media: {media_ids}, reply: {in_reply_to_tweet_id}}; answers 201 {data: {id, text}}), a
 * thread as a chain of replies. Signed with OAuth 1.0a user context (oauth1.ts) or an OAuth 2.0
 * user token. Errors are problem objects {title, detail, type, status}; 429 carries
 * x-rate-limit-reset (epoch seconds). X takes no idempotency key: a post whose send was cut
 * off by a crash is `uncertain`, never resent.
 */
import { randomBytes } from "node:crypto";
import { PublishFailure, permanent, uncertainFate } from "../errors.js";
import { FormData, type HttpAnswer, type HttpRequest, baseUrl } from "../http.js";
import { readMedia } from "../media.js";
import { sleep } from "../../util/sleep.js";
import { oauth1Header } from "../oauth1.js";
import { xSettings, type XSettings } from "../../config/publish-settings.js";
import type { Publisher, PublishContext } from "../types.js";

/** X's limits for an image upload (5 MB) and alt text (1000 characters); 4 images a post. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_ALT = 1000;
const MAX_IMAGES = 4;
/** A video: up to 512 MB (docs.x.com media introduction), sent in 4 MB chunks (APPEND takes at most 5 MB). */
const MAX_VIDEO_BYTES = 512 * 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** How long a video's processing is waited for: X's check_after_secs, at most 5 s at a time, 30 times. */
export const X_VIDEO_POLL = { polls: 30, maxWaitMs: 5_000 };

type Ctx = PublishContext<XSettings>;

function authorization(ctx: Ctx, method: string, url: string): string {
  const s = ctx.settings;
  if (s.token) return `Bearer ${s.token}`;
  return oauth1Header(method, url, { consumerKey: s.apiKey!, consumerSecret: s.apiSecret!, token: s.accessToken!, tokenSecret: s.accessSecret! }, randomBytes(16).toString("hex"), Math.floor(ctx.now / 1000));
}

async function call(ctx: Ctx, req: HttpRequest): Promise<HttpAnswer> {
  return ctx.http.request({ ...req, headers: { ...req.headers, authorization: authorization(ctx, req.method ?? "GET", req.url) } }, ctx.signal);
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

/** What the upload endpoint answers about a media item (`data`). */
interface XMedia {
  id?: string;
  processing_info?: { state?: "pending" | "in_progress" | "failed" | "succeeded"; check_after_secs?: number; error?: { message?: string; name?: string } };
}

/**
 * A video through the chunked upload (docs.x.com/x-api/media/quickstart/media-upload-chunked):
 * POST /2/media/upload with command=INIT (media_type, total_bytes, media_category tweet_video),
 * APPEND (media_id, segment_index, media) per chunk, FINALIZE, then GET ?command=STATUS while
 * processing_info.state is pending or in_progress (bounded: X_VIDEO_POLL). A video X cannot
 * process (state failed) is refused for good; one still processing at the bound is left due.
 * Alt text is not sent: X's metadata endpoint takes it for images and GIFs only.
 */
async function uploadVideo(ctx: Ctx, base: string, index: number): Promise<string> {
  const item = ctx.rendered.media[index]!;
  const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_VIDEO_BYTES, platform: "X", http: ctx.http, signal: ctx.signal });
  const command = async (fields: Record<string, string>, chunk?: Buffer): Promise<XMedia | undefined> => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (chunk) form.append("media", new Blob([chunk], { type: "application/octet-stream" }), file.name);
    const answer = await call(ctx, { method: "POST", url: `${base}/2/media/upload`, body: form });
    if (answer.status < 200 || answer.status > 299) throw xFailure(ctx, answer, `upload ${item.path} (${fields.command})`);
    return (answer.json as { data?: XMedia } | undefined)?.data;
  };
  const id = (await command({ command: "INIT", media_type: file.mimeType, total_bytes: String(file.bytes.length), media_category: "tweet_video" }))?.id;
  if (!id) throw new PublishFailure("transient", `upload ${item.path}: X answered INIT without a media id`);
  for (let at = 0, segment = 0; at < file.bytes.length; at += CHUNK_BYTES, segment++) {
    await command({ command: "APPEND", media_id: id, segment_index: String(segment) }, file.bytes.subarray(at, at + CHUNK_BYTES));
  }
  let info = (await command({ command: "FINALIZE", media_id: id }))?.processing_info;
  for (let checks = 0; info && info.state !== "succeeded"; checks++) {
    if (info.state === "failed") throw permanent(`X could not process ${item.path}: ${info.error?.message ?? info.error?.name ?? "processing failed"}`, "X takes MP4 or MOV video (H.264, AAC) up to 512 MB and 140 seconds");
    if (checks >= X_VIDEO_POLL.polls) throw new PublishFailure("transient", `X is still processing ${item.path} after ${checks} checks; the next run sends the post again`);
    await sleep(Math.min(Math.max(info.check_after_secs ?? 1, 0) * 1000, X_VIDEO_POLL.maxWaitMs), ctx.signal);
    const status = await call(ctx, { url: `${base}/2/media/upload?command=STATUS&media_id=${encodeURIComponent(id)}` });
    if (status.status !== 200) throw xFailure(ctx, status, `upload ${item.path} (STATUS)`);
    info = (status.json as { data?: XMedia } | undefined)?.data?.processing_info;
  }
  return id;
}

export const xPublisher: Publisher<XSettings> = {
  platform: "x",
  settings: xSettings,
  recovery: "unknown",
  async publish(ctx) {
    const base = baseUrl(ctx.settings.api);
    // Up to 4 images, or one video or GIF (the adapter keeps to X's rules).
    const media = ctx.rendered.media.slice(0, MAX_IMAGES);
    const posted: string[] = [];
    for (const [i, text] of ctx.parts.entries()) {
      const { id } = await ctx.step(`part${i}`, async (again) => {
        if (again) throw uncertainFate(`an earlier run began posting this at ${again.at} and stopped before the answer; X takes no idempotency key, so it is not resent`);
        // Uploaded media that no post uses expire unseen (24 h): uploading again makes no double.
        const mediaIds = i === 0 ? await Promise.all(media.map((m, n) => (m.kind === "video" ? uploadVideo(ctx, base, n) : uploadImage(ctx, base, n)))) : [];
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
