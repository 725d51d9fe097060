/**
 * LinkedIn (Posts API, learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api):
 * POST /rest/posts with the `LinkedIn-Version` (YYYYMM) and `X-Restli-Protocol-Version: 2.0.0`
 * headers, {author, commentary, visibility, distribution, lifecycleState: PUBLISHED}; answers 201
 * with the post's URN in `x-restli-id`. Images through the Images API: POST
 * /rest/images?action=initializeUpload {initializeUploadRequest: {owner}} answers {value:
 * {uploadUrl, image}}, the bytes are PUT to uploadUrl, the post names the image URN with its
 * altText (one: content.media, several: content.multiImage); a video through the Videos API
 * (uploadVideo below) as content.media. `commentary` is "little text"
 * (…/shares/little-text-format): its reserved characters are backslash-escaped (an unescaped one
 * cuts the post short, silently), hashtags written as {hashtag|\#|tag}, and a mention already in
 * annotation form, @[Name](urn:li:organization:123), kept. Errors are {status, serviceErrorCode,
 * code, message}. No idempotency key: a send cut off by a crash is `uncertain`.
 */
import { baseUrl } from "../http.js";
import { PublishFailure, permanent, uncertainFate } from "../errors.js";
import type { HttpAnswer } from "../http.js";
import { readMedia } from "../media.js";
import { sleep } from "../../util/sleep.js";
import { LINKEDIN_ANNOTATION } from "../../adapters/mentions.js";
import { linkedinSettings, type LinkedinSettings } from "../../config/publish-settings.js";
import type { Publisher, PublishContext } from "../types.js";

type Ctx = PublishContext<LinkedinSettings>;

const MAX_IMAGE_BYTES = 36_152_320; // the Images API's limit (36 MB)
const MAX_IMAGES = 20;
/** The Videos API's limit for a post's video (500 MB). */
const MAX_VIDEO_BYTES = 500 * 1024 * 1024;
/** How long a video's processing is waited for (GET /rest/videos/{urn} until AVAILABLE). */
export const LINKEDIN_VIDEO_POLL = { pollMs: 1_000, polls: 30 };

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
/** An annotated mention anywhere in the text: the adapter writes one where `handles` maps a URN. */
const MENTION = new RegExp(LINKEDIN_ANNOTATION.source.slice(1, -1), "g");
const HASHTAG = /(^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]+)/gu;

const escapeLittle = (text: string) => text.replace(RESERVED, (c) => `\\${c}`);

/** The commentary in little text: reserved characters escaped, hashtags and annotated mentions kept as such. */
export function littleText(text: string): string {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    out.push(hashtags(text.slice(last, m.index)), `@[${escapeLittle(m[1]!)}](${m[2]})`);
    last = m.index! + m[0].length;
  }
  out.push(hashtags(text.slice(last)));
  return out.join("");
}

function hashtags(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(HASHTAG)) {
    const start = m.index! + m[1]!.length;
    out += escapeLittle(text.slice(last, start)) + `{hashtag|\\#|${escapeLittle(m[2]!)}}`;
    last = start + 1 + m[2]!.length;
  }
  return out + escapeLittle(text.slice(last));
}

export function linkedinFailure(ctx: { http: Ctx["http"] }, answer: HttpAnswer, what: string): PublishFailure {
  const body = (answer.json ?? {}) as { message?: string; serviceErrorCode?: number; code?: string };
  const words = body.message ?? (answer.text.trim().slice(0, 300) || "(no message)");
  const message = ctx.http.redact(`${what}: HTTP ${answer.status}: ${words}${body.code ? ` (${body.code})` : ""}`);
  const status = answer.status;
  if (status === 401) {
    const expired = body.serviceErrorCode === 65601 || /expired/i.test(words) || body.code === "EXPIRED_ACCESS_TOKEN";
    return new PublishFailure("permanent", message, { status, hint: expired ? "the LinkedIn token has expired (they last 60 days): refresh it or sign in again (docs/publishing.md)" : "LinkedIn refused the token (revoked?): make a new one" });
  }
  if (status === 403) return new PublishFailure("permanent", message, { status, hint: "the token lacks a permission: w_member_social for a person, w_organization_social (and an admin role on the Page) for an organization" });
  if (status === 429) {
    // LinkedIn's limits are per day, reset at midnight UTC; no header says when.
    return new PublishFailure("transient", `${message}: rate limit reached; LinkedIn's daily limits reset at midnight UTC`, { status, hint: "left due: the next run tries again" });
  }
  if ((status === 400 || status === 422) && /image|media|upload/i.test(words)) return new PublishFailure("permanent", message, { status, hint: "LinkedIn refused the image: a JPEG, PNG or GIF under 36 MB" });
  return ctx.http.failure(answer, `${what}: ${words}`);
}

async function uploadImage(ctx: Ctx, base: string, headers: Record<string, string>, index: number): Promise<{ id: string; altText?: string }> {
  const item = ctx.rendered.media[index]!;
  const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_IMAGE_BYTES, platform: "LinkedIn", http: ctx.http, signal: ctx.signal });
  const init = await ctx.http.request({ method: "POST", url: `${base}/rest/images?action=initializeUpload`, headers, json: { initializeUploadRequest: { owner: ctx.settings.author } } }, ctx.signal);
  const value = (init.json as { value?: { uploadUrl?: string; image?: string } } | undefined)?.value;
  if (init.status !== 200 || !value?.uploadUrl || !value.image) throw linkedinFailure(ctx, init, `upload ${item.path}`);
  const put = await ctx.http.request({ method: "PUT", url: value.uploadUrl, headers: { authorization: headers.authorization!, "content-type": file.mimeType }, body: file.bytes }, ctx.signal);
  if (put.status !== 200 && put.status !== 201) throw linkedinFailure(ctx, put, `upload ${item.path}`);
  return { id: value.image, ...(item.alt ? { altText: item.alt.slice(0, 4086) } : {}) };
}

/**
 * A video through the Videos API (learn.microsoft.com/linkedin/marketing/community-management/shares/videos-api):
 * POST /rest/videos?action=initializeUpload {initializeUploadRequest: {owner, fileSizeBytes,
 * uploadCaptions, uploadThumbnail}} answers {value: {video, uploadToken, uploadInstructions:
 * [{uploadUrl, firstByte, lastByte}]}}; each part is PUT to its uploadUrl and answers an ETag;
 * POST ?action=finalizeUpload {finalizeUploadRequest: {video, uploadToken, uploadedPartIds: [ETags]}};
 * then GET /rest/videos/{urn} until its status is AVAILABLE (bounded; PROCESSING_FAILED is refused for good).
 */
async function uploadVideo(ctx: Ctx, base: string, headers: Record<string, string>, index: number): Promise<{ id: string }> {
  const item = ctx.rendered.media[index]!;
  const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_VIDEO_BYTES, platform: "LinkedIn", http: ctx.http, signal: ctx.signal });
  const what = `upload ${item.path}`;
  const init = await ctx.http.request({ method: "POST", url: `${base}/rest/videos?action=initializeUpload`, headers, json: { initializeUploadRequest: { owner: ctx.settings.author, fileSizeBytes: file.bytes.length, uploadCaptions: false, uploadThumbnail: false } } }, ctx.signal);
  const value = (init.json as { value?: { video?: string; uploadToken?: string; uploadInstructions?: Array<{ uploadUrl: string; firstByte: number; lastByte: number }> } } | undefined)?.value;
  if (init.status !== 200 || !value?.video || !value.uploadInstructions?.length) throw linkedinFailure(ctx, init, what);
  const partIds: string[] = [];
  for (const part of value.uploadInstructions) {
    const put = await ctx.http.request({ method: "PUT", url: part.uploadUrl, headers: { authorization: headers.authorization!, "content-type": "application/octet-stream" }, body: file.bytes.subarray(part.firstByte, part.lastByte + 1) }, ctx.signal);
    if (put.status < 200 || put.status > 299 || !put.headers.etag) throw linkedinFailure(ctx, put, what);
    partIds.push(put.headers.etag);
  }
  const done = await ctx.http.request({ method: "POST", url: `${base}/rest/videos?action=finalizeUpload`, headers, json: { finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken ?? "", uploadedPartIds: partIds } } }, ctx.signal);
  if (done.status !== 200) throw linkedinFailure(ctx, done, what);
  for (let checks = 0; ; checks++) {
    const got = await ctx.http.request({ url: `${base}/rest/videos/${encodeURIComponent(value.video)}`, headers }, ctx.signal);
    if (got.status !== 200) throw linkedinFailure(ctx, got, what);
    const video = got.json as { status?: string; processingFailureReason?: string } | undefined;
    if (video?.status === "AVAILABLE") return { id: value.video };
    if (video?.status === "PROCESSING_FAILED") throw permanent(`LinkedIn could not process ${item.path}: ${video.processingFailureReason ?? "PROCESSING_FAILED"}`, "LinkedIn takes MP4 video from 75 KB to 500 MB, 3 seconds to 30 minutes");
    if (checks >= LINKEDIN_VIDEO_POLL.polls) throw new PublishFailure("transient", `LinkedIn is still processing ${item.path} after ${checks} checks; the next run sends the post again`);
    await sleep(LINKEDIN_VIDEO_POLL.pollMs, ctx.signal);
  }
}

export const linkedinPublisher: Publisher<LinkedinSettings> = {
  platform: "linkedin",
  settings: linkedinSettings,
  recovery: "unknown",
  async publish(ctx) {
    const s = ctx.settings;
    const base = baseUrl(s.api);
    const headers = { authorization: `Bearer ${s.token}`, "linkedin-version": s.version, "x-restli-protocol-version": "2.0.0" };
    // Images, or one video (the adapter keeps to LinkedIn's rules: no mixing).
    const video = ctx.rendered.media.findIndex((m) => m.kind === "video");
    const images = ctx.rendered.media.map((item, index) => ({ item, index })).slice(0, MAX_IMAGES);
    const sent = await ctx.step("post", async (again) => {
      if (again) throw uncertainFate(`an earlier run began posting this at ${again.at} and stopped before the answer; LinkedIn takes no idempotency key, so it is not resent`);
      // Images no post names are never shown: uploading them again after a crash makes no double.
      const uploaded = video >= 0 ? [await uploadVideo(ctx, base, headers, video)] : await Promise.all(images.map(({ index }) => uploadImage(ctx, base, headers, index)));
      const content = uploaded.length === 1 ? { media: uploaded[0] } : uploaded.length > 1 ? { multiImage: { images: uploaded } } : undefined;
      const answer = await ctx.http.request(
        {
          method: "POST",
          url: `${base}/rest/posts`,
          headers,
          json: {
            author: s.author,
            commentary: littleText(ctx.parts.join("\n\n")),
            visibility: "PUBLIC",
            distribution: { feedDistribution: "MAIN_FEED", targetEntities: [], thirdPartyDistributionChannels: [] },
            ...(content ? { content } : {}),
            lifecycleState: "PUBLISHED",
            isReshareDisabledByAuthor: false,
          },
        },
        ctx.signal,
      );
      const urn = answer.headers["x-restli-id"] ?? answer.headers["x-linkedin-id"];
      if (answer.status !== 201 || !urn) throw linkedinFailure(ctx, answer, "post");
      return { urn };
    });
    return { remoteId: sent.urn, url: `https://www.linkedin.com/feed/update/${sent.urn}/` };
  },
};
