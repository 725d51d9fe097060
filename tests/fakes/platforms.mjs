#!/usr/bin/env node
/**
 * Loopback fakes of the APIs `failover publish` talks to, in their own process (so a test can
 * kill -9 the CLI, make the server slow or hang, and the server keeps its state across runs).
 * Prints `{"http": <url>, "smtp": <port>}` on its first line of stdout.
 *
 * Each route implements the subset failover uses, with request and response shapes copied from
 * the official references named beside it, and rejects what the real service rejects.
 *   Bluesky: github.com/bluesky-social/atproto lexicons/ (com/atproto/server/createSession.json,
 *     identity/resolveHandle.json, repo/uploadBlob.json, repo/createRecord.json, repo/getRecord.json,
 *     app/bsky/feed/post.json, app/bsky/richtext/facet.json, app/bsky/embed/images.json) and
 *     packages/pds/src/repo/prepare.ts (rkey must be a TID); a duplicate rkey answers 500 (issue #3718).
 *   Mastodon: github.com/mastodon/documentation content/en/methods/statuses.md, media.md,
 *     instance.md, entities/Status.md, entities/MediaAttachment.md, entities/Error.md.
 *   Slack: api.slack.com/messaging/webhooks (200 "ok"; plain-text errors).
 *   Discord: discord-api-docs docs/resources/webhook.mdx (Execute Webhook; ?wait=true answers the message).
 *
 * Test controls (not part of any API): GET /__state, POST /__faults (by path prefix, latencyMs, and
 * stallAt/stallAfter/stallPath: the n-th request (to a path prefix) never answered), POST /__reset.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";
import { partTwo } from "./part-two.mjs";

const DID = "did:plc:acmeacmeacmeacmeacme0001";
const HANDLE = "acme.test";
const APP_PASSWORD = "app-pass-1234";
const JWT = "jwt-access-acme";
const MASTODON_TOKEN = "masto-token-5678";
const KNOWN_HANDLES = { "friend.test": "did:plc:friendfriendfriend000002", "acme.test": DID };
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

const state = { records: {}, blobs: 0, statuses: [], media: {}, idempotency: {}, slack: [], discord: [], json: [], mails: [], requests: 0 };
/** path prefix -> { status?, times, retryAfter?, delayMs?, hang? } */
let faults = {};
let latencyMs = Number(process.env.FAKE_LATENCY_MS ?? 0);
/** Requests counted towards faults.stallAt since the faults were set. */
let stallCount = 0;

const cid = (s) => "bafyrei" + createHash("sha256").update(s).digest("hex").slice(0, 40);
const graphemes = (s) => [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(s)].length;

function send(res, status, body, headers = {}) {
  if (typeof body === "string") res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
  else if (body === undefined) res.writeHead(status, headers).end();
  else res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
}

/** XRPC errors: `{error, message}` (lexicon error responses). */
const xrpcError = (res, status, error, message) => send(res, status, { error, message });

function bskyAuth(req, res) {
  if (req.headers.authorization === `Bearer ${JWT}`) return true;
  xrpcError(res, 401, "AuthMissing", "Authentication Required");
  return false;
}

/** app.bsky.feed.post record checks, as the PDS's lexicon validation does them. */
function postProblem(record) {
  if (record?.$type !== "app.bsky.feed.post") return "Invalid app.bsky.feed.post record: Record/$type must be app.bsky.feed.post";
  if (typeof record.text !== "string") return "Invalid app.bsky.feed.post record: Record must have the property \"text\"";
  if (typeof record.createdAt !== "string" || Number.isNaN(Date.parse(record.createdAt))) return "Invalid app.bsky.feed.post record: Record/createdAt must be an valid atproto datetime";
  // lexicons/app/bsky/feed/post.json: text maxGraphemes 300, maxLength 3000.
  if (graphemes(record.text) > 300) return "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes";
  const bytes = Buffer.byteLength(record.text, "utf8");
  if (bytes > 3000) return "Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 characters";
  for (const [i, f] of (record.facets ?? []).entries()) {
    // lexicons/app/bsky/richtext/facet.json: byteSlice {byteStart, byteEnd} (minimum 0), features union.
    const ix = f.index;
    if (!ix || !Number.isInteger(ix.byteStart) || !Number.isInteger(ix.byteEnd) || ix.byteStart < 0 || ix.byteEnd < ix.byteStart) return `Invalid app.bsky.feed.post record: Record/facets/${i}/index must be a byteSlice`;
    if (ix.byteEnd > bytes) return `Invalid app.bsky.feed.post record: Record/facets/${i}/index is past the end of the text`;
    for (const feat of f.features ?? []) {
      if (feat.$type === "app.bsky.richtext.facet#link" && !/^[a-z][a-z0-9+.-]*:/.test(feat.uri ?? "")) return `Invalid app.bsky.feed.post record: Record/facets/${i}/features/0/uri must be a uri`;
      if (feat.$type === "app.bsky.richtext.facet#mention" && !/^did:[a-z]+:[a-zA-Z0-9._:%-]+$/.test(feat.did ?? "")) return `Invalid app.bsky.feed.post record: Record/facets/${i}/features/0/did must be a valid did`;
      if (feat.$type === "app.bsky.richtext.facet#tag" && (typeof feat.tag !== "string" || feat.tag.length === 0 || feat.tag.startsWith("#"))) return `Invalid app.bsky.feed.post record: Record/facets/${i}/features/0/tag must be a tag`;
    }
  }
  if (record.embed?.$type === "app.bsky.embed.images") {
    // lexicons/app/bsky/embed/images.json: images maxLength 4, each {image: blob, alt: string}.
    if (record.embed.images.length > 4) return "Invalid app.bsky.feed.post record: Record/embed/images must not have more than 4 elements";
    if (record.embed.images.some((im) => typeof im.alt !== "string" || im.image?.$type !== "blob")) return "Invalid app.bsky.feed.post record: Record/embed/images/0 must have the property \"alt\"";
  }
  if (record.reply) {
    for (const k of ["root", "parent"]) if (!state.records[record.reply[k]?.uri]) return `Invalid app.bsky.feed.post record: Record/reply/${k} does not exist`;
  }
  return undefined;
}

/** Mastodon counts each URL as 23 characters (StatusLengthValidator). */
function mastodonLength(text) {
  return graphemes(text.replace(/https?:\/\/\S+/g, "x".repeat(23)));
}

function parseMultipart(req, buf) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers["content-type"] ?? "");
  if (!boundary) return undefined;
  const sep = Buffer.from("--" + (boundary[1] ?? boundary[2]));
  const fields = {};
  let start = buf.indexOf(sep);
  while (start !== -1) {
    const next = buf.indexOf(sep, start + sep.length);
    if (next === -1) break;
    const part = buf.subarray(start + sep.length + 2, next - 2);
    const headEnd = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, headEnd).toString("utf8");
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const data = part.subarray(headEnd + 4);
    if (name) fields[name] = filename !== undefined ? { filename, size: data.length, type: /content-type:\s*(\S+)/i.exec(head)?.[1], head: data.subarray(0, 12) } : data.toString("utf8");
    start = next;
  }
  return fields;
}

function mastodonAuth(req, res) {
  if (req.headers.authorization === `Bearer ${MASTODON_TOKEN}`) return true;
  // entities/Error.md; methods/statuses.md 401.
  send(res, 401, { error: "The access token is invalid" });
  return false;
}

const routes = {
  // lexicons/com/atproto/server/createSession.json: output {accessJwt, refreshJwt, handle, did, didDoc?}
  "POST /bsky/xrpc/com.atproto.server.createSession": (req, res, body, base) => {
    const { identifier, password } = JSON.parse(body.toString("utf8") || "{}");
    if ((identifier !== HANDLE && identifier !== DID) || password !== APP_PASSWORD) return xrpcError(res, 401, "AuthenticationRequired", "Invalid identifier or password");
    send(res, 200, { did: DID, handle: HANDLE, accessJwt: JWT, refreshJwt: "jwt-refresh-acme", active: true, didDoc: { id: DID, service: [{ id: "#atproto_pds", type: "AtprotoPersonalDataServer", serviceEndpoint: `${base}/bsky` }] } });
  },
  // lexicons/com/atproto/identity/resolveHandle.json: output {did}; unknown handle: 400 InvalidRequest.
  "GET /bsky/xrpc/com.atproto.identity.resolveHandle": (req, res, _b, _base, url) => {
    const did = KNOWN_HANDLES[url.searchParams.get("handle")];
    did ? send(res, 200, { did }) : xrpcError(res, 400, "InvalidRequest", "Unable to resolve handle");
  },
  // lexicons/com/atproto/repo/uploadBlob.json: raw bytes in, output {blob}.
  "POST /bsky/xrpc/com.atproto.repo.uploadBlob": (req, res, body) => {
    if (!bskyAuth(req, res)) return;
    if (body.length > 2_000_000) return xrpcError(res, 400, "BlobTooLarge", "This file is too large. It is 2.5MB but the maximum size is 2.0MB.");
    state.blobs++;
    send(res, 200, { blob: { $type: "blob", ref: { $link: cid(body) }, mimeType: req.headers["content-type"], size: body.length } });
  },
  // lexicons/com/atproto/repo/createRecord.json: input {repo, collection, rkey?, record}; output {uri, cid}.
  "POST /bsky/xrpc/com.atproto.repo.createRecord": (req, res, body) => {
    if (!bskyAuth(req, res)) return;
    const input = JSON.parse(body.toString("utf8"));
    if (input.repo !== DID && input.repo !== HANDLE) return xrpcError(res, 400, "InvalidRequest", "Invalid repo");
    if (input.collection !== "app.bsky.feed.post") return xrpcError(res, 400, "InvalidRequest", "Invalid collection");
    // packages/pds/src/repo/prepare.ts: posts need a TID record key.
    if (input.rkey !== undefined && !TID.test(input.rkey)) return xrpcError(res, 400, "InvalidRequest", `Invalid record key: ${input.rkey} is not a TID`);
    const problem = postProblem(input.record);
    if (problem) return xrpcError(res, 400, "InvalidRequest", problem);
    const uri = `at://${DID}/app.bsky.feed.post/${input.rkey}`;
    // A repeat of a key: the live PDS answers 500 InternalServerError (atproto issue #3718).
    if (state.records[uri]) return xrpcError(res, 500, "InternalServerError", "Internal Server Error");
    const c = cid(JSON.stringify(input.record));
    state.records[uri] = { uri, cid: c, value: input.record, order: Object.keys(state.records).length };
    send(res, 200, { uri, cid: c, commit: { cid: cid(uri), rev: "3l" + input.rkey.slice(2) }, validationStatus: "valid" });
  },
  // lexicons/com/atproto/repo/getRecord.json: output {uri, cid?, value}; missing: 400 RecordNotFound.
  "GET /bsky/xrpc/com.atproto.repo.getRecord": (req, res, _b, _base, url) => {
    const uri = `at://${url.searchParams.get("repo")}/${url.searchParams.get("collection")}/${url.searchParams.get("rkey")}`;
    const r = state.records[uri];
    r ? send(res, 200, { uri: r.uri, cid: r.cid, value: r.value }) : xrpcError(res, 400, "RecordNotFound", `Could not locate record: ${uri}`);
  },
  // methods/instance.md, GET /api/v2/instance: configuration.statuses and media_attachments (values of mastodon.social).
  "GET /masto/api/v2/instance": (req, res) =>
    send(res, 200, {
      domain: "masto.test",
      title: "Masto test",
      version: "4.3.0",
      configuration: {
        statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
        media_attachments: { supported_mime_types: ["image/jpeg", "image/png"], image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024, description_limit: 1500 },
      },
    }),
  // methods/media.md, POST /api/v2/media: multipart file + description; 200 MediaAttachment (202 while processing).
  "POST /masto/api/v2/media": (req, res, body, base) => {
    if (!mastodonAuth(req, res)) return;
    const fields = parseMultipart(req, body);
    if (!fields?.file?.filename) return send(res, 422, { error: "Validation failed: File can't be blank" });
    if ((fields.description ?? "").length > 1500) return send(res, 422, { error: "Validation failed: Description is too long (maximum is 1500 characters)" });
    const id = String(100000 + Object.keys(state.media).length);
    const attachment = { id, type: "image", url: `${base}/masto/system/media/${id}.png`, preview_url: `${base}/masto/system/media/${id}_small.png`, description: fields.description ?? null, blurhash: "UFBWY:8_0Jxv" };
    state.media[id] = attachment;
    send(res, 200, attachment);
  },
  // methods/statuses.md, POST /api/v1/statuses: Idempotency-Key; 200 Status; 422 on validation.
  "POST /masto/api/v1/statuses": (req, res, body, base) => {
    if (!mastodonAuth(req, res)) return;
    const key = req.headers["idempotency-key"];
    if (key && state.idempotency[key]) return send(res, 200, state.idempotency[key]);
    const input = JSON.parse(body.toString("utf8"));
    if (!input.status && !(input.media_ids ?? []).length) return send(res, 422, { error: "Validation failed: Text can't be blank" });
    if (mastodonLength(input.status ?? "") > 500) return send(res, 422, { error: "Validation failed: Text character limit of 500 exceeded" });
    if (input.in_reply_to_id && !state.statuses.some((s) => s.id === input.in_reply_to_id)) return send(res, 404, { error: "Record not found" });
    for (const m of input.media_ids ?? []) if (!state.media[m]) return send(res, 422, { error: "Validation failed: Media attachments is invalid" });
    const id = String(110000000000000000n + BigInt(state.statuses.length + 1));
    const status = {
      id,
      created_at: new Date().toISOString(),
      in_reply_to_id: input.in_reply_to_id ?? null,
      visibility: input.visibility ?? "public",
      language: input.language ?? null,
      uri: `${base}/masto/users/acme/statuses/${id}`,
      url: `${base}/masto/@acme/${id}`,
      content: `<p>${input.status}</p>`,
      text: input.status,
      media_attachments: (input.media_ids ?? []).map((m) => state.media[m]),
      account: { id: "1", username: "acme", acct: "acme" },
      idempotencyKey: key ?? null,
    };
    state.statuses.push(status);
    if (key) state.idempotency[key] = status;
    send(res, 200, status);
  },
  "GET /masto/api/v1/media/": (req, res, _b, _base, url) => {
    const m = state.media[url.pathname.split("/").pop()];
    m ? send(res, 200, m) : send(res, 404, { error: "Record not found" });
  },
  // Slack incoming webhook: 200 "ok"; 400 "invalid_payload" / "no_text"; 404 "no_service".
  "POST /slack/": (req, res, body, _base, url) => {
    if (url.pathname !== "/slack/T000/B000/secret-slack-hook") return send(res, 404, "no_service");
    let input;
    try {
      input = JSON.parse(body.toString("utf8"));
    } catch {
      return send(res, 400, "invalid_payload");
    }
    if (!input.text && !input.blocks) return send(res, 400, "no_text");
    state.slack.push(input);
    send(res, 200, "ok");
  },
  // Discord Execute Webhook: content at most 2000; ?wait=true answers 200 with the message, else 204.
  "POST /discord/": (req, res, body, _base, url) => {
    const input = JSON.parse(body.toString("utf8"));
    if (!input.content && !input.embeds) return send(res, 400, { message: "Cannot send an empty message", code: 50006 });
    if (input.content.length > 2000) return send(res, 400, { message: "Invalid Form Body", code: 50035, errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] } } });
    const message = { id: String(1200000000000000000n + BigInt(state.discord.length + 1)), type: 0, content: input.content, channel_id: "1100", webhook_id: "1000" };
    state.discord.push(message);
    url.searchParams.get("wait") === "true" ? send(res, 200, message) : send(res, 204);
  },
  "POST /hook/json": (req, res, body) => {
    state.json.push(JSON.parse(body.toString("utf8")));
    send(res, 200, { ok: true });
  },
};

// X, LinkedIn, Threads, Facebook Pages, Instagram and Pinterest (their sources are named in part-two.mjs).
Object.assign(routes, partTwo(state, send, parseMultipart));

/** A response that goes nowhere: the handler acts, the client never hears back. */
const NO_ANSWER = { writeHead: () => ({ end: () => undefined }), end: () => undefined };

function route(method, path) {
  const exact = routes[`${method} ${path}`];
  if (exact) return exact;
  const prefix = Object.keys(routes).filter((k) => k.endsWith("/") && `${method} ${path}`.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  return prefix ? routes[prefix] : undefined;
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const base = `http://${req.headers.host}`;
    const url = new URL(req.url, base);
    if (url.pathname === "/__state") return send(res, 200, state);
    if (url.pathname === "/__quota") return (state.quotaUsedBefore = Number(url.searchParams.get("used") ?? 0)), send(res, 200, { ok: true });
    if (url.pathname === "/__faults") {
      faults = JSON.parse(body.toString("utf8") || "{}");
      state.stalled = undefined;
      stallCount = 0;
      if (typeof faults.latencyMs === "number") latencyMs = faults.latencyMs;
      return send(res, 200, { ok: true });
    }
    state.requests++;
    // The kill tests: the stallAt-th request (to stallPath, if given) is never answered (with stallAfter, it is carried out
    // first: the platform acted, the answer is lost), and /__state says so, so the test kills the CLI there.
    if (faults.stallAt !== undefined && url.pathname.startsWith(faults.stallPath ?? "/") && ++stallCount === faults.stallAt) {
      state.stalled = { at: state.requests, path: url.pathname, after: Boolean(faults.stallAfter) };
      if (faults.stallAfter) route(req.method, url.pathname)?.(req, NO_ANSWER, body, base, url);
      return;
    }
    const fault = Object.entries(faults).find(([prefix, f]) => prefix.startsWith("/") && url.pathname.startsWith(prefix) && f.times > 0);
    if (fault) {
      const f = fault[1];
      f.times--;
      // "after": the request is handled but its answer never comes (a crash after the platform acted).
      if (f.hang === "after") return route(req.method, url.pathname)?.(req, NO_ANSWER, body, base, url);
      if (f.hang) return; // never answers
      const answer = () => send(res, f.status ?? 503, f.body ?? { error: "Service Unavailable", message: "try later" }, { ...(f.retryAfter !== undefined ? { "retry-after": String(f.retryAfter) } : {}), ...(f.headers ?? {}) });
      return f.delayMs ? setTimeout(answer, f.delayMs) : answer();
    }
    const handler = route(req.method, url.pathname);
    const run = () => (handler ? handler(req, res, body, base, url) : send(res, 404, { error: "NotFound", message: `${req.method} ${url.pathname}` }));
    latencyMs ? setTimeout(run, latencyMs) : run();
  });
});

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (/Subject: .*REJECT-ME/.test(raw)) return callback(Object.assign(new Error("Message rejected: spam"), { responseCode: 554 }));
      state.mails.push({ from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

// A client killed mid-session (the crash tests) resets its connection: not the server's problem.
smtp.on("error", () => undefined);

server.listen(0, "127.0.0.1", () => {
  smtp.listen(0, "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ http: `http://127.0.0.1:${server.address().port}`, smtp: smtp.server.address().port }) + "\n");
  });
});
process.on("SIGTERM", () => process.exit(0));
