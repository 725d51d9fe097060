/**
 * Fakes of the platforms of "Publishing, part two", loaded by platforms.mjs (same process, same
 * state and faults). Shapes from the official references:
 *   X: docs.x.com/x-api/posts/create-post (POST /2/tweets, 201 {data:{id,text}}), media upload
 *     (POST /2/media/upload, {data:{id,media_key}}), media metadata (POST /2/media/metadata),
 *     problem objects {title, detail, type, status}; 403 client-forbidden (reason client-not-enrolled); 429 x-rate-limit-reset.
 *   LinkedIn: learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api (201, x-restli-id),
 *     images-api (initializeUpload, PUT upload), little-text-format; errors {status, serviceErrorCode, code, message}.
 *   Threads: developers.facebook.com/docs/threads/posts (containers, threads_publish, reply_to_id, status).
 *   Instagram: developers.facebook.com/docs/instagram-platform/content-publishing (media, carousel
 *     children, status_code, media_publish, content_publishing_limit).
 *   Facebook Pages: developers.facebook.com/docs/pages-api/posts (/feed, /photos, attached_media).
 *   Graph errors: developers.facebook.com/docs/graph-api/guides/error-handling ({error:{message,type,code,error_subcode}}).
 *   Pinterest: developers.pinterest.com/docs/api/v5/pins-create (201 Pin; errors {code, message}); media_source
 *     shapes from pinterest/pinterest-python-generated-api-client docs/PinCreate.md, PinMediaSourceImagesBase64(Items).md.
 * Test controls: the token (or X consumer key) "expired-token", "no-scope-token", "rate-limited-token"
 * and, for X, "free-tier-token" answer those refusals as the platform words them.
 */
export const TOKENS = { x: "x-user-token", xKey: "x-api-key", linkedin: "li-token", threads: "threads-token", facebook: "fb-page-token", instagram: "ig-token", pinterest: "pin-token" };

/**
 * What an image's first bytes say it is (the platforms look at the bytes, not the file's name):
 * JPEG, PNG, GIF, WebP, BMP or TIFF, else undefined.
 */
function sniffImage(bytes) {
  const b = Buffer.from(bytes ?? []);
  const hex = b.toString("hex");
  if (hex.startsWith("ffd8ff")) return "image/jpeg";
  if (hex.startsWith("89504e470d0a1a0a")) return "image/png";
  if (hex.startsWith("474946383")) return "image/gif";
  if (hex.startsWith("52494646") && b.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  if (hex.startsWith("424d")) return "image/bmp";
  if (hex.startsWith("49492a00") || hex.startsWith("4d4d002a")) return "image/tiff";
  return undefined;
}

/** The special tokens every fake answers with its platform's refusal. */
const special = (t) => (["expired-token", "no-scope-token", "rate-limited-token", "free-tier-token"].includes(t) ? t : undefined);

export function partTwo(state, send, parseMultipart) {
  Object.assign(state, { tweets: [], xMedia: {}, linkedin: [], liImages: {}, liVideos: {}, containers: {}, threads: [], instagram: [], facebook: [], fbPhotos: {}, pins: [] });
  let seq = 1000;
  const nextId = (prefix = "") => `${prefix}${17890000000000000n + BigInt(seq++)}`;
  const form = (req, body, url) => {
    const p = Object.fromEntries(url.searchParams);
    if ((req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) Object.assign(p, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
    if ((req.headers["content-type"] ?? "").startsWith("multipart/form-data")) Object.assign(p, parseMultipart(req, body));
    return p;
  };

  // ---- Graph API (Threads, Instagram, Facebook) ----
  const graphError = (res, status, error, headers = {}) => send(res, status, { error: { fbtrace_id: "AbCdEf123", ...error } }, headers);
  function graphAuth(res, token, expected, permission) {
    if (token === "expired-token") return graphError(res, 400, { message: "Error validating access token: Session has expired on Tuesday, 14-Jul-26 02:00:00 PDT.", type: "OAuthException", code: 190, error_subcode: 463 }), false;
    if (token === "no-scope-token") return graphError(res, 403, { message: `(#200) Requires ${permission} permission to manage the object`, type: "OAuthException", code: 200 }), false;
    if (token === "rate-limited-token")
      return graphError(res, 400, { message: "(#4) Application request limit reached", type: "OAuthException", code: 4, is_transient: true }, { "x-business-use-case-usage": JSON.stringify({ "102938475610293": [{ type: "pages", call_count: 100, total_cputime: 12, total_time: 15, estimated_time_to_regain_access: 17 }] }) }), false;
    if (token !== expected) return graphError(res, 400, { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190 }), false;
    return true;
  }

  /** Threads and Instagram containers: made IN_PROGRESS, FINISHED at the second look (media) or at once (text). */
  function makeContainer(kind, owner, p, res) {
    const isUrl = (u) => typeof u === "string" && /^https?:\/\//.test(u);
    const type = p.media_type ?? (p.video_url ? "VIDEO" : p.image_url ? "IMAGE" : kind === "threads" ? undefined : undefined);
    const text = kind === "threads" ? p.text : p.caption;
    const maxText = kind === "threads" ? 500 : 2200;
    if (kind === "threads" && !["TEXT", "IMAGE", "VIDEO", "CAROUSEL"].includes(type)) return graphError(res, 400, { message: "(#100) The parameter media_type is required", type: "OAuthException", code: 100 });
    if (kind === "instagram" && !type) return graphError(res, 400, { message: "(#100) Only photo or video can be accepted as media type.", type: "OAuthException", code: 100, error_subcode: 2207052 });
    if ((text ?? "").length > maxText) return graphError(res, 400, { message: `(#100) The text is over ${maxText} characters`, type: "OAuthException", code: 100 });
    if (type === "IMAGE" && !isUrl(p.image_url)) return graphError(res, 400, { message: "(#9004) The media could not be fetched from this URI", type: "OAuthException", code: 9004, error_subcode: 2207052 });
    if (type === "IMAGE" && /\.bmp$/.test(p.image_url)) return graphError(res, 400, { message: "Only photo or video can be accepted as media type.", type: "OAuthException", code: 9004, error_subcode: 2207026 });
    if (type === "TEXT" && !p.text) return graphError(res, 400, { message: "(#100) The parameter text is required", type: "OAuthException", code: 100 });
    if (type === "CAROUSEL") {
      const kids = (p.children ?? "").split(",").filter(Boolean);
      if (kids.length < 2 || kids.length > (kind === "threads" ? 20 : 10)) return graphError(res, 400, { message: "(#100) A carousel needs 2 to 10 (Instagram) or 20 (Threads) children", type: "OAuthException", code: 100 });
      if (kids.some((k) => !state.containers[k]?.carouselItem)) return graphError(res, 400, { message: "(#100) Invalid children: each must be a carousel item container", type: "OAuthException", code: 100 });
    }
    if (p.reply_to_id && !state.threads.some((t) => t.id === p.reply_to_id)) return graphError(res, 400, { message: "(#100) Invalid parameter reply_to_id", type: "OAuthException", code: 100 });
    const id = nextId();
    state.containers[id] = { id, kind, owner, type, text: text ?? "", imageUrl: p.image_url, altText: p.alt_text, children: p.children, replyTo: p.reply_to_id, carouselItem: p.is_carousel_item === "true", status: type === "TEXT" ? "FINISHED" : "IN_PROGRESS", fails: /\/broken\./.test(p.image_url ?? "") };
    send(res, 200, { id });
  }
  function containerStatus(c) {
    const s = c.status;
    // A file Meta fetched and could not process ends in ERROR (test control: a URL with "/broken.").
    if (s === "IN_PROGRESS") c.status = c.fails ? "ERROR" : "FINISHED";
    return s;
  }
  function publishContainer(kind, owner, p, res, base) {
    const c = state.containers[p.creation_id];
    if (!c || c.kind !== kind || c.owner !== owner) return graphError(res, 400, { message: "(#100) Invalid parameter creation_id", type: "OAuthException", code: 100 });
    if (c.status === "PUBLISHED") return graphError(res, 400, { message: "(#9007) The media has already been published", type: "OAuthException", code: 9007, error_subcode: 2207008 });
    if (c.status !== "FINISHED") return graphError(res, 400, { message: "(#9007) Media ID is not available: the media is not ready for publishing, please wait", type: "OAuthException", code: 9007, error_subcode: 2207027 });
    c.status = "PUBLISHED";
    const id = nextId();
    const children = (c.children ?? "").split(",").filter(Boolean).map((k) => state.containers[k]);
    const post = { id, container: c.id, text: c.text, caption: c.text, replyTo: c.replyTo ?? null, images: (c.type === "CAROUSEL" ? children : c.type === "TEXT" ? [] : [c]).map((x) => ({ url: x.imageUrl, alt: x.altText ?? null })), permalink: `${base}/${kind}/p/${id}` };
    (kind === "threads" ? state.threads : state.instagram).push(post);
    send(res, 200, { id });
  }
  function graphGet(kind, list, res, url, segs, token) {
    // GET /{user}/{edge} or GET /{id}?fields=...
    if (segs.length === 2 && segs[1] === "content_publishing_limit") {
      const used = state.instagram.length + (state.quotaUsedBefore ?? 0);
      return send(res, 200, { data: [{ quota_usage: used, config: { quota_total: 100, quota_duration: 86400 } }] });
    }
    if (segs.length === 2) return send(res, 200, { data: [...list()].reverse().slice(0, Number(url.searchParams.get("limit") ?? 25)).map((p) => ({ id: p.id, text: p.text, caption: p.caption })) });
    const c = state.containers[segs[0]];
    if (c) {
      const status = containerStatus(c);
      // Threads: status + error_message (threads/troubleshooting, publishing-status); Instagram: status_code + status ("Error: …").
      if (kind === "threads") return send(res, 200, { id: c.id, status, ...(status === "ERROR" ? { error_message: "UNKNOWN" } : {}) });
      return send(res, 200, { id: c.id, status_code: status, ...(status === "ERROR" ? { status: "Error: Media upload has failed with error code 2207026" } : {}) });
    }
    const post = list().find((p) => p.id === segs[0]);
    return post ? send(res, 200, { id: post.id, permalink: post.permalink }) : graphError(res, 400, { message: `(#100) Object with ID '${segs[0]}' does not exist`, type: "GraphMethodException", code: 100, error_subcode: 33 });
  }
  const graphRoute = (prefix, version, kind, token, permission) => ({
    [`POST /${prefix}/`]: (req, res, body, base, url) => {
      const p = form(req, body, url);
      if (!graphAuth(res, p.access_token, token, permission)) return;
      const segs = url.pathname.slice(`/${prefix}/${version}/`.length).split("/");
      if (!url.pathname.startsWith(`/${prefix}/${version}/`)) return graphError(res, 400, { message: "Unknown path components", type: "OAuthException", code: 2500 });
      const [owner, edge] = segs;
      if (kind === "threads" && edge === "threads") return makeContainer("threads", owner, p, res);
      if (kind === "threads" && edge === "threads_publish") return publishContainer("threads", owner, p, res, base);
      if (kind === "instagram" && edge === "media") return makeContainer("instagram", owner, p, res);
      if (kind === "instagram" && edge === "media_publish") return publishContainer("instagram", owner, p, res, base);
      if (kind === "facebook" && edge === "photos") {
        if (!p.source?.filename && !p.url) return graphError(res, 400, { message: "(#324) Requires upload file", type: "OAuthException", code: 324 });
        if (p.source && !sniffImage(p.source.head)) return graphError(res, 400, { message: "(#324) Missing or invalid image file", type: "OAuthException", code: 324 });
        const id = nextId();
        const published = p.published !== "false";
        state.fbPhotos[id] = { id, alt: p.alt_text_custom ?? null, size: p.source?.size, published };
        if (!published) return send(res, 200, { id });
        const postId = `${owner}_${nextId()}`;
        state.facebook.push({ id: postId, message: p.message ?? "", photos: [state.fbPhotos[id]] });
        return send(res, 200, { id, post_id: postId });
      }
      if (kind === "facebook" && edge === "feed") {
        const attached = Object.keys(p).filter((k) => /^attached_media\[\d+\]$/.test(k)).map((k) => JSON.parse(p[k]).media_fbid);
        if (!p.message && !p.link && !attached.length) return graphError(res, 400, { message: "(#100) Missing message or attachment", type: "OAuthException", code: 100 });
        if (attached.some((a) => !state.fbPhotos[a] || state.fbPhotos[a].published)) return graphError(res, 400, { message: "(#100) attached_media must be unpublished photos of this Page", type: "OAuthException", code: 100 });
        const id = `${owner}_${nextId()}`;
        state.facebook.push({ id, message: p.message ?? "", link: p.link ?? null, photos: attached.map((a) => state.fbPhotos[a]) });
        return send(res, 200, { id });
      }
      graphError(res, 400, { message: `Unsupported post request. Object with ID '${owner}' does not exist`, type: "GraphMethodException", code: 100, error_subcode: 33 });
    },
    [`GET /${prefix}/`]: (req, res, _b, _base, url) => {
      if (!graphAuth(res, url.searchParams.get("access_token"), token, permission)) return;
      graphGet(kind, () => (kind === "threads" ? state.threads : state.instagram), res, url, url.pathname.slice(`/${prefix}/${version}/`.length).split("/"), token);
    },
  });

  // ---- X ----
  const problem = (res, status, title, detail, extra = {}, headers = {}) => send(res, status, { title, detail, type: "about:blank", status, ...extra }, headers);
  function xAuth(req, res) {
    const h = req.headers.authorization ?? "";
    let who;
    if (h.startsWith("Bearer ")) who = h.slice(7);
    else if (h.startsWith("OAuth ")) {
      const f = Object.fromEntries([...h.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], decodeURIComponent(m[2])]));
      const needed = ["oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version"];
      if (needed.some((k) => !f[k]) || f.oauth_signature_method !== "HMAC-SHA1") return problem(res, 401, "Unauthorized", "Unauthorized"), false;
      who = special(f.oauth_consumer_key) ?? (f.oauth_consumer_key === TOKENS.xKey && f.oauth_token === "x-access-token" ? TOKENS.x : "bad");
    }
    if (who === "expired-token" || who === "bad" || who === undefined) return problem(res, 401, "Unauthorized", "Unauthorized"), false;
    if (who === "no-scope-token") return problem(res, 403, "Forbidden", "You are not permitted to perform this action."), false;
    if (who === "free-tier-token")
      return send(res, 403, { client_id: "31117", detail: "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.", registration_url: "https://developer.twitter.com/en/docs/projects/overview", title: "Client Forbidden", required_enrollment: "Appropriate Level of API Access", reason: "client-not-enrolled", type: "https://api.twitter.com/2/problems/client-forbidden" }), false;
    if (who === "rate-limited-token") return problem(res, 429, "Too Many Requests", "Too Many Requests", {}, { "x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 900) }), false;
    return who === TOKENS.x;
  }
  /**
   * The chunked upload (docs.x.com/x-api/media/quickstart/media-upload-chunked; FINALIZE and STATUS
   * answers as docs.x.com/x-api/media/finalize-media-upload, failed as the v1.1 STATUS reference):
   * INIT {media_type, total_bytes, media_category} -> {data: {id, media_key, expires_after_secs}};
   * APPEND {media_id, segment_index, media} -> 204; FINALIZE {media_id} -> {data: {id, media_key,
   * size, expires_after_secs, processing_info: {state: "pending", check_after_secs}}}. A video whose
   * first chunk is not an MP4/MOV (no "ftyp" box) ends in state failed, "Unsupported video format".
   */
  const processingInfo = (m) =>
    m.processing === "failed" ? { state: "failed", progress_percent: 12, error: { code: 1, name: "InvalidMedia", message: "Unsupported video format" } } : { state: m.processing, check_after_secs: m.processing === "succeeded" ? undefined : 1, progress_percent: m.processing === "succeeded" ? 100 : 40 };
  function chunked(f, res) {
    const bad = (message) => problem(res, 400, "Invalid Request", "One or more parameters to your request was invalid.", { errors: [{ message }] });
    if (f.command === "INIT") {
      if (!/^\d+$/.test(f.total_bytes ?? "") || !f.media_type) return bad("total_bytes and media_type are required");
      if (f.media_category === "tweet_video" && Number(f.total_bytes) > 512 * 1024 * 1024) return bad("File size exceeds 536870912 bytes.");
      const id = nextId();
      state.xMedia[id] = { id, category: f.media_category, type: f.media_type, total: Number(f.total_bytes), segments: [], alt: null };
      return send(res, 200, { data: { id, media_key: `7_${id}`, expires_after_secs: 86400 } });
    }
    const m = state.xMedia[f.media_id];
    if (!m?.segments) return bad("media_id not found");
    if (f.command === "APPEND") {
      if (!f.media?.size || !/^\d+$/.test(f.segment_index ?? "")) return bad("media and segment_index are required");
      if (f.media.size > 5 * 1024 * 1024) return bad("segment over 5 MB");
      m.segments[Number(f.segment_index)] = f.media.size;
      if (f.segment_index === "0") m.playable = f.media.head.subarray(4, 8).toString("latin1") === "ftyp";
      return send(res, 204, undefined);
    }
    if (f.command === "FINALIZE") {
      const size = m.segments.reduce((a, b) => a + (b ?? 0), 0);
      if (size !== m.total) return bad(`File size mismatch: got ${size} of ${m.total} bytes`);
      m.size = size;
      m.processing = "pending";
      return send(res, 200, { data: { id: m.id, media_key: `7_${m.id}`, size, expires_after_secs: 86400, processing_info: processingInfo(m) } });
    }
    return bad(`unknown command ${f.command}`);
  }

  const x = {
    "POST /x/2/media/upload": (req, res, body) => {
      if (!xAuth(req, res)) return;
      const f = parseMultipart(req, body);
      if (f?.command) return chunked(f, res);
      if (!f?.media?.size) return problem(res, 400, "Invalid Request", "One or more parameters to your request was invalid.", { errors: [{ message: "media is required" }] });
      // The one-shot upload takes JPEG, BMP, PNG, WebP, TIFF (and GIF): docs.x.com MediaUploadRequestOneShot.mediaType.
      if (!sniffImage(f.media.head)) return problem(res, 400, "Invalid Request", "One or more parameters to your request was invalid.", { errors: [{ message: "media type unrecognized." }], type: "https://api.twitter.com/2/problems/invalid-request" });
      const id = nextId();
      state.xMedia[id] = { id, size: f.media.size, category: f.media_category, alt: null };
      send(res, 200, { data: { id, media_key: `3_${id}`, size: f.media.size, expires_after_secs: 86400 } });
    },
    // STATUS of a chunked upload: processing_info.state pending -> in_progress -> succeeded | failed.
    "GET /x/2/media/upload": (req, res, _b, _base, url) => {
      if (!xAuth(req, res)) return;
      const m = state.xMedia[url.searchParams.get("media_id")];
      if (url.searchParams.get("command") !== "STATUS" || !m?.processing) return problem(res, 400, "Invalid Request", "One or more parameters to your request was invalid.", { errors: [{ message: "media_id not found or not processing" }] });
      m.processing = m.processing === "pending" ? "in_progress" : m.playable ? "succeeded" : "failed";
      send(res, 200, { data: { id: m.id, media_key: `7_${m.id}`, processing_info: processingInfo(m) } });
    },
    "POST /x/2/media/metadata": (req, res, body) => {
      if (!xAuth(req, res)) return;
      const input = JSON.parse(body.toString("utf8"));
      const m = state.xMedia[input.id];
      if (!m) return problem(res, 400, "Invalid Request", "media id not found");
      if ((input.metadata?.alt_text?.text ?? "").length > 1000) return problem(res, 400, "Invalid Request", "alt text over 1000 characters");
      m.alt = input.metadata?.alt_text?.text ?? null;
      send(res, 200, { data: { id: input.id, associated_metadata: true } });
    },
    "POST /x/2/tweets": (req, res, body) => {
      if (!xAuth(req, res)) return;
      const input = JSON.parse(body.toString("utf8"));
      if (!input.text && !input.media) return problem(res, 400, "Invalid Request", "One or more parameters to your request was invalid.", { errors: [{ message: "$.text: text or media is required" }] });
      if (state.tweets.some((t) => t.text === input.text)) return problem(res, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
      const reply = input.reply?.in_reply_to_tweet_id;
      if (reply && !state.tweets.some((t) => t.id === reply)) return problem(res, 400, "Invalid Request", "The Tweet you are replying to does not exist.");
      for (const m of input.media?.media_ids ?? []) if (!state.xMedia[m] || (state.xMedia[m].processing && state.xMedia[m].processing !== "succeeded")) return problem(res, 400, "Invalid Request", "Your media IDs are invalid.");
      const id = String(1810000000000000000n + BigInt(state.tweets.length + 1));
      state.tweets.push({ id, text: input.text, replyTo: reply ?? null, media: (input.media?.media_ids ?? []).map((m) => state.xMedia[m]) });
      send(res, 201, { data: { id, text: input.text, edit_history_tweet_ids: [id] } });
    },
  };

  // ---- LinkedIn ----
  const liError = (res, status, serviceErrorCode, code, message) => send(res, status, { status, serviceErrorCode, code, message });
  function liAuth(req, res) {
    if (!/^\d{6}$/.test(req.headers["linkedin-version"] ?? "")) return liError(res, 426, 0, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header."), false;
    const t = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (t === "expired-token") return liError(res, 401, 65601, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired"), false;
    if (t === "no-scope-token") return liError(res, 403, 100, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.CREATE.20250501"), false;
    if (t === "rate-limited-token") return liError(res, 429, 101, "TOO_MANY_REQUESTS", "Resource level throttle APPLICATION DAY limit for calls to this resource is reached."), false;
    if (t !== TOKENS.linkedin) return liError(res, 401, 65600, "INVALID_ACCESS_TOKEN", "Invalid access token"), false;
    return true;
  }
  /** little-text-format: an unescaped reserved character ends the commentary there (what LinkedIn shows). */
  const shownCommentary = (c) => {
    // A mention shows as the entity's name, linked (little-text-format: "@[Devtestco](urn:li:organization:2414183)").
    const out = c.replace(/\{hashtag\|\\#\|([^}]+)\}/g, "\\#$1").replace(/@\[((?:\\.|[^\]\\])+)\]\((urn:li:(?:person|organization):[^)]+)\)/g, "$1");
    const cut = out.search(/(?<!\\)[|{}@[\]()<>#*_~]/);
    const kept = cut === -1 ? out : out.slice(0, cut);
    return kept.replace(/\\(.)/g, "$1");
  };
  const li = {
    "POST /li/rest/images": (req, res, body, base, url) => {
      if (!liAuth(req, res)) return;
      if (url.searchParams.get("action") !== "initializeUpload") return liError(res, 400, 0, "ILLEGAL_ARGUMENT", "Unsupported action");
      const input = JSON.parse(body.toString("utf8"));
      if (!/^urn:li:(person|organization):/.test(input.initializeUploadRequest?.owner ?? "")) return liError(res, 422, 0, "FIELD_VALUE_ERROR", "/initializeUploadRequest/owner is required");
      const image = `urn:li:image:C4E10AQ${nextId()}`;
      state.liImages[image] = { image, uploaded: false };
      send(res, 200, { value: { uploadUrlExpiresAt: 1784100000000, uploadUrl: `${base}/li-upload/${encodeURIComponent(image)}`, image } });
    },
    "PUT /li-upload/": (req, res, body, _base, url) => {
      const image = decodeURIComponent(url.pathname.slice("/li-upload/".length));
      if (!state.liImages[image]) return send(res, 404, "");
      // images-api: JPG, GIF and PNG. (LinkedIn marks such an image PROCESSING_FAILED; the fake refuses the upload outright.)
      if (!["image/jpeg", "image/png", "image/gif"].includes(sniffImage(body))) return liError(res, 400, 0, "ILLEGAL_ARGUMENT", "Unsupported media type for image upload: JPG, GIF or PNG only");
      state.liImages[image] = { image, uploaded: true, size: body.length };
      send(res, 201, undefined);
    },
    // videos-api: initializeUpload -> parts of 4 MB to PUT (each answers an ETag) -> finalizeUpload with
    // the ETags in order -> GET /rest/videos/{urn} PROCESSING, then AVAILABLE (or PROCESSING_FAILED when
    // the first part is not an MP4: no "ftyp" box).
    "POST /li/rest/videos": (req, res, body, base, url) => {
      if (!liAuth(req, res)) return;
      const input = JSON.parse(body.toString("utf8"));
      if (url.searchParams.get("action") === "initializeUpload") {
        const r = input.initializeUploadRequest ?? {};
        if (!/^urn:li:(person|organization):/.test(r.owner ?? "") || !Number.isInteger(r.fileSizeBytes)) return liError(res, 422, 0, "FIELD_VALUE_ERROR", "/initializeUploadRequest/owner and fileSizeBytes are required");
        const video = `urn:li:video:C5F10AQ${nextId()}`;
        const PART = 4 * 1024 * 1024;
        const uploadInstructions = [];
        for (let first = 0, i = 0; first < r.fileSizeBytes; first += PART, i++) uploadInstructions.push({ uploadUrl: `${base}/li-video-upload/${encodeURIComponent(video)}/${i}`, firstByte: first, lastByte: Math.min(first + PART, r.fileSizeBytes) - 1 });
        state.liVideos[video] = { video, size: r.fileSizeBytes, parts: uploadInstructions.map((u) => ({ size: u.lastByte - u.firstByte + 1 })), status: "WAITING_UPLOAD" };
        return send(res, 200, { value: { uploadUrlsExpireAt: 1784100000000, video, uploadInstructions, uploadToken: "" } });
      }
      if (url.searchParams.get("action") === "finalizeUpload") {
        const r = input.finalizeUploadRequest ?? {};
        const v = state.liVideos[r.video];
        if (!v) return liError(res, 404, 0, "NOT_FOUND", `Video ${r.video} not found`);
        if (JSON.stringify(r.uploadedPartIds) !== JSON.stringify(v.parts.map((p) => p.etag))) return liError(res, 400, 0, "ILLEGAL_ARGUMENT", "uploadedPartIds do not match the uploaded parts");
        v.status = "PROCESSING";
        return send(res, 200, undefined);
      }
      liError(res, 400, 0, "ILLEGAL_ARGUMENT", "Unsupported action");
    },
    "PUT /li-video-upload/": (req, res, body, _base, url) => {
      const [urn, index] = url.pathname.slice("/li-video-upload/".length).split("/");
      const v = state.liVideos[decodeURIComponent(urn)];
      const part = v?.parts[Number(index)];
      if (!part) return send(res, 404, "");
      if (body.length !== part.size) return send(res, 400, { message: `part ${index} must be ${part.size} bytes` });
      part.etag = `"etag-${index}-${body.length}"`;
      if (index === "0") v.playable = body.subarray(4, 8).toString("latin1") === "ftyp";
      send(res, 200, undefined, { etag: part.etag });
    },
    "GET /li/rest/videos/": (req, res, _b, _base, url) => {
      if (!liAuth(req, res)) return;
      const v = state.liVideos[decodeURIComponent(url.pathname.slice("/li/rest/videos/".length))];
      if (!v) return liError(res, 404, 0, "NOT_FOUND", "Video not found");
      const shown = v.status;
      if (v.status === "PROCESSING") v.status = v.playable ? "AVAILABLE" : "PROCESSING_FAILED";
      send(res, 200, { owner: "urn:li:organization:1234567", id: v.video, status: shown, ...(shown === "PROCESSING_FAILED" ? { processingFailureReason: "Invalid video file" } : {}) });
    },
    "POST /li/rest/posts": (req, res, body) => {
      if (!liAuth(req, res)) return;
      if (req.headers["x-restli-protocol-version"] !== "2.0.0") return liError(res, 400, 0, "ILLEGAL_ARGUMENT", "X-Restli-Protocol-Version 2.0.0 is required");
      const input = JSON.parse(body.toString("utf8"));
      for (const k of ["author", "commentary", "visibility", "distribution", "lifecycleState"]) if (input[k] === undefined) return liError(res, 422, 0, "FIELD_VALUE_ERROR", `/${k} is required`);
      const imgs = input.content?.media ? [input.content.media] : input.content?.multiImage?.images ?? [];
      for (const im of imgs) {
        if (im.id?.startsWith("urn:li:video:") ? state.liVideos[im.id]?.status !== "AVAILABLE" : !state.liImages[im.id]?.uploaded) return liError(res, 400, 0, "ILLEGAL_ARGUMENT", `Media ${im.id} has not been uploaded or is not available`);
      }
      const urn = `urn:li:share:${nextId()}`;
      const mentions = [...input.commentary.matchAll(/@\[((?:\\.|[^\]\\])+)\]\((urn:li:(?:person|organization):[^)]+)\)/g)].map((m) => ({ name: m[1].replace(/\\(.)/g, "$1"), urn: m[2] }));
      state.linkedin.push({ urn, author: input.author, commentary: input.commentary, shown: shownCommentary(input.commentary), mentions, images: imgs });
      send(res, 201, undefined, { "x-restli-id": urn });
    },
  };

  // ---- Pinterest ----
  const pin = {
    "POST /pin/v5/pins": (req, res, body) => {
      const t = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      if (t === "expired-token" || (t !== TOKENS.pinterest && !special(t))) return send(res, 401, { code: 2, message: "Authentication failed." });
      if (t === "no-scope-token") return send(res, 403, { code: 29, message: "You are not permitted to access that resource." });
      if (t === "rate-limited-token") return send(res, 429, { code: 8, message: "You have exceeded your rate limit. Try again later." }, { "x-ratelimit-reset": "300" });
      const input = JSON.parse(body.toString("utf8"));
      if (!input.board_id) return send(res, 400, { code: 1, message: "board_id is required" });
      const src = input.media_source ?? {};
      if (src.source_type === "image_base64" && (!src.data || !/^image\/(jpeg|png)$/.test(src.content_type))) return send(res, 400, { code: 1, message: "Invalid image: media_source.content_type must be image/jpeg or image/png" });
      if (src.source_type === "image_url" && !/^https?:\/\//.test(src.url ?? "")) return send(res, 400, { code: 1, message: "Invalid image url" });
      if (src.source_type === "multiple_image_base64" && (!Array.isArray(src.items) || src.items.length < 2 || src.items.length > 5 || src.items.some((i) => !i.data || !/^image\/(jpeg|png)$/.test(i.content_type)))) return send(res, 400, { code: 1, message: "Invalid image: media_source.items must be 2 to 5 images, image/jpeg or image/png" });
      if (!["image_base64", "image_url", "multiple_image_base64"].includes(src.source_type)) return send(res, 400, { code: 1, message: "media_source.source_type is required" });
      if ((input.title ?? "").length > 100 || (input.description ?? "").length > 800 || (input.alt_text ?? "").length > 500) return send(res, 400, { code: 1, message: "title, description or alt_text too long" });
      const id = String(813000000000000000n + BigInt(state.pins.length + 1));
      state.pins.push({ id, ...input, media_source: { source_type: src.source_type, size: src.data ? Buffer.from(src.data, "base64").length : undefined, url: src.url, items: src.items?.length } });
      send(res, 201, { id, board_id: input.board_id, title: input.title ?? null, description: input.description ?? null, link: input.link ?? null, alt_text: input.alt_text ?? null, created_at: "2026-07-14T10:10:00" });
    },
  };

  return { ...graphRoute("threads", "v1.0", "threads", TOKENS.threads, "threads_content_publish"), ...graphRoute("ig", "v21.0", "instagram", TOKENS.instagram, "instagram_content_publish"), ...graphRoute("fb", "v21.0", "facebook", TOKENS.facebook, "pages_manage_posts"), ...x, ...li, ...pin };
}
