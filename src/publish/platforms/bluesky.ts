/**
 * Bluesky over XRPC (AT Protocol), a small client instead of @atproto/api: that package wants
 * Node 22, installs 26 MB and takes about 2 s to import on a shared CI core (measured, see
 * docs/publishing.md), for the five calls needed here:
 *   com.atproto.server.createSession, com.atproto.identity.resolveHandle,
 *   com.atproto.repo.uploadBlob, com.atproto.repo.createRecord, com.atproto.repo.getRecord.
 * Exactly once: each post's record key is a TID derived from the post (tid.ts); a step an earlier
 * run started is first looked up with getRecord, and a repeat the PDS refuses as a duplicate is
 * looked up too, so a killed run never doubles a post.
 */
import { answerMessage, answerObject, type HttpAnswer, baseUrl } from "../http.js";
import { permanent, PublishFailure } from "../errors.js";
import { readMedia } from "../media.js";
import { blueskySettings, type BlueskySettings } from "../../config/publish-settings.js";
import { tidForPost } from "../tid.js";
import type { ChannelContext, PublishContext, Publisher } from "../types.js";
import { richText } from "./bluesky-richtext.js";

/** lexicons/app/bsky/embed/images.json: at most 4 images, each at most 2,000,000 bytes. */
const MAX_IMAGES = 4;
const MAX_IMAGE_BYTES = 2_000_000;
const COLLECTION = "app.bsky.feed.post";

interface Session {
  did: string;
  handle: string;
  accessJwt: string;
  /** The PDS the account lives on (didDoc's #atproto_pds service), else the service logged in to. */
  pds: string;
  handles: Map<string, Promise<string | undefined>>;
}

interface StrongRef extends Record<string, string> {
  uri: string;
  cid: string;
}

type Ctx = ChannelContext<BlueskySettings>;


/** An XRPC error body is `{error, message}` (lexicons: com.atproto error shapes). */
function xrpcFailure(ctx: Ctx, answer: HttpAnswer, what: string): PublishFailure {
  const body = answer.json as { error?: string; message?: string } | undefined;
  const message = `${what}: ${answerMessage(answer, "error", "message")}`;
  const hint =
    body?.error === "ExpiredToken" || body?.error === "InvalidToken"
      ? "the session was refused: check the app password (Settings > Privacy and security > App passwords)"
      : answer.status === 401 && what === "log in"
        ? "the identifier or app password was refused: make a new app password and set it in the environment"
        : /grapheme|too long|maxLength/i.test(message)
          ? "the text is too long for Bluesky (300 graphemes, 3000 bytes): shorten it or give the post a bluesky variant"
          : undefined;
  return ctx.http.failure(answer, message, hint);
}

async function xrpc(ctx: Ctx, session: Pick<Session, "accessJwt" | "pds"> | { pds: string; accessJwt?: undefined }, method: string, init: { query?: Record<string, string>; json?: unknown; body?: Uint8Array; contentType?: string }): Promise<HttpAnswer> {
  const query = init.query ? `?${new URLSearchParams(init.query)}` : "";
  const headers: Record<string, string> = {};
  if (session.accessJwt) headers.authorization = `Bearer ${session.accessJwt}`;
  if (init.contentType) headers["content-type"] = init.contentType;
  const post = init.json !== undefined || init.body !== undefined;
  return ctx.http.request({ method: post ? "POST" : "GET", url: `${baseUrl(session.pds)}/xrpc/${method}${query}`, headers, ...(init.json !== undefined ? { json: init.json } : {}), ...(init.body ? { body: init.body } : {}) }, ctx.signal);
}

function pdsOf(didDoc: unknown): string | undefined {
  const services = (didDoc as { service?: Array<{ id?: string; type?: string; serviceEndpoint?: unknown }> } | undefined)?.service;
  const pds = services?.find((s) => s.id?.endsWith("#atproto_pds") || s.type === "AtprotoPersonalDataServer");
  return typeof pds?.serviceEndpoint === "string" ? pds.serviceEndpoint : undefined;
}

async function login(ctx: Ctx): Promise<Session> {
  const { service, identifier, password } = ctx.settings;
  const answer = await xrpc(ctx, { pds: service }, "com.atproto.server.createSession", { json: { identifier, password } });
  if (answer.status !== 200) throw xrpcFailure(ctx, answer, "log in");
  const body = answer.json as { did?: string; handle?: string; accessJwt?: string; didDoc?: unknown } | undefined;
  if (!body?.did || !body.accessJwt) throw new PublishFailure("transient", "log in: the answer has no did or accessJwt");
  return { did: body.did, handle: body.handle ?? body.did, accessJwt: body.accessJwt, pds: pdsOf(body.didDoc) ?? service, handles: new Map() };
}

/** A handle's DID, or undefined when it does not resolve (the mention then stays plain text). */
function resolver(ctx: Ctx, session: Session): (handle: string) => Promise<string | undefined> {
  return (handle) => {
    const key = handle.toLowerCase();
    let pending = session.handles.get(key);
    if (!pending) {
      pending = xrpc(ctx, session, "com.atproto.identity.resolveHandle", { query: { handle: key } }).then(
        (a) => (a.status === 200 ? (a.json as { did?: string } | undefined)?.did : undefined),
        () => undefined,
      );
      session.handles.set(key, pending);
    }
    return pending;
  };
}

async function getRecord(ctx: Ctx, session: Session, rkey: string): Promise<StrongRef | undefined> {
  const answer = await xrpc(ctx, session, "com.atproto.repo.getRecord", { query: { repo: session.did, collection: COLLECTION, rkey } });
  if (answer.status === 200) {
    const body = answer.json as { uri?: string; cid?: string } | undefined;
    if (body?.uri && body.cid) return { uri: body.uri, cid: body.cid };
  }
  if (answer.status === 400 || answer.status === 404) return undefined; // RecordNotFound
  throw xrpcFailure(ctx, answer, "look up the post");
}

async function uploadImages(ctx: PublishContext<BlueskySettings, Session>, session: Session): Promise<unknown> {
  const media = ctx.rendered.media;
  if (media.length === 0) return undefined;
  if (media.some((m) => m.kind === "video")) throw permanent("failover does not upload videos to Bluesky yet", "post the video by hand, or give the post images instead");
  const images = [];
  for (const item of media.slice(0, MAX_IMAGES)) {
    const file = await readMedia(item, { baseDir: ctx.baseDir, maxBytes: MAX_IMAGE_BYTES, platform: "Bluesky", http: ctx.http, signal: ctx.signal });
    const answer = await xrpc(ctx, session, "com.atproto.repo.uploadBlob", { body: file.bytes, contentType: file.mimeType });
    if (answer.status !== 200) throw xrpcFailure(ctx, answer, `upload ${item.path}`);
    images.push({ alt: item.alt ?? "", image: answerObject<{ blob: unknown }>(ctx.http, answer, `upload ${item.path}`, "blob").blob });
  }
  return { $type: "app.bsky.embed.images", images };
}

export const blueskyPublisher: Publisher<BlueskySettings, Session> = {
  platform: "bluesky",
  settings: blueskySettings,
  recovery: "exact",
  session: login,
  async publish(ctx) {
    const session = ctx.session;
    const refs: StrongRef[] = [];
    // Images go with the first post of a thread.
    const embed = await uploadImages(ctx, session);
    for (const [i, part] of ctx.parts.entries()) {
      const rkey = tidForPost(ctx.post.id, ctx.post.at, i);
      const ref = await ctx.step(`part${i}`, async (again) => {
        if (again) {
          const found = await getRecord(ctx, session, rkey);
          if (found) return found;
        }
        const { text, facets } = await richText(part, resolver(ctx, session));
        const record = {
          $type: COLLECTION,
          text,
          createdAt: new Date(ctx.now).toISOString(),
          ...(facets.length ? { facets } : {}),
          ...(i === 0 && embed ? { embed } : {}),
          ...(i > 0 ? { reply: { root: { uri: refs[0]!.uri, cid: refs[0]!.cid }, parent: { uri: refs[i - 1]!.uri, cid: refs[i - 1]!.cid } } } : {}),
          ...(ctx.post.lang ? { langs: [ctx.post.lang] } : {}),
        };
        const answer = await xrpc(ctx, session, "com.atproto.repo.createRecord", { json: { repo: session.did, collection: COLLECTION, rkey, record } });
        if (answer.status === 200) {
          const body = answerObject<{ uri: string; cid: string }>(ctx.http, answer, "post", "uri", "cid");
          return { uri: String(body.uri), cid: String(body.cid) };
        }
        // A repeat of a key is refused (400, or 500 on the live PDS: atproto issue #3718): the post is there.
        if (answer.status === 400 || answer.status === 500) {
          const found = await getRecord(ctx, session, rkey).catch(() => undefined);
          if (found) return found;
        }
        throw xrpcFailure(ctx, answer, "post");
      });
      refs.push(ref);
    }
    const first = refs[0]!;
    const rkey = first.uri.split("/").pop()!;
    return { remoteId: first.uri, url: `https://bsky.app/profile/${session.handle}/post/${rkey}` };
  },
};
