/**
 * Instagram (Content Publishing, developers.facebook.com/docs/instagram-platform/content-publishing):
 * a container POST /v21.0/{ig-user-id}/media with image_url (or video_url, media_type REELS),
 * caption and alt_text; several images as a CAROUSEL of children made with is_carousel_item=true;
 * the container's status_code (GET /{container-id}?fields=status_code) polled until FINISHED,
 * then POST /{ig-user-id}/media_publish with creation_id. An account may publish 100 posts in 24 h:
 * GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config is read once a run and a
 * post past the quota is held. Instagram needs an image: a text-only post is refused. A thread's
 * parts become one caption. Images are fetched from public URLs (`mediaBaseUrl`), never uploaded.
 * Never twice: see containers.ts.
 */
import { baseUrl } from "../http.js";
import { permanent, held } from "../errors.js";
import { graph, publicMediaUrl, type GraphCall } from "../graph.js";
import { containerCalls, publishThroughContainer } from "../containers.js";
import { instagramSettings, type InstagramSettings } from "../../config/publish-settings.js";
import type { ChannelContext, Publisher } from "../types.js";

const VERSION = "v21.0";
const MAX_ITEMS = 10;
export const INSTAGRAM_POLL = { pollMs: 1_000, polls: 30 };

interface Session {
  call: GraphCall;
  base: string;
  /** Posts this account may still publish in the quota's window; undefined when it could not be read. */
  left: number | undefined;
}

function callOf(ctx: ChannelContext<InstagramSettings>): GraphCall {
  return { http: ctx.http, signal: ctx.signal, token: ctx.settings.token, platform: "Instagram" };
}

export const instagramPublisher: Publisher<InstagramSettings, Session> = {
  platform: "instagram",
  settings: instagramSettings,
  recovery: "exact",
  async session(ctx) {
    const call = callOf(ctx);
    const base = `${baseUrl(ctx.settings.api)}/${VERSION}`;
    const limit = await graph<{ data?: Array<{ quota_usage?: number; config?: { quota_total?: number } }> }>(call, "GET", `${base}/${ctx.settings.userId}/content_publishing_limit`, { fields: "quota_usage,config" }, "read the publishing limit");
    const d = limit.data?.[0];
    const left = d && typeof d.quota_usage === "number" ? (d.config?.quota_total ?? 100) - d.quota_usage : undefined;
    return { call, base, left };
  },
  async publish(ctx) {
    const s = ctx.settings;
    const { call, base } = ctx.session;
    const media = ctx.rendered.media.slice(0, MAX_ITEMS);
    if (media.length === 0) throw permanent("Instagram publishes only posts with an image or a video", "add media to the post, or a variant without this channel");
    const urls = media.map((m) => publicMediaUrl(m, s.mediaBaseUrl, ctx.channel, "Instagram"));
    const caption = ctx.parts.join("\n\n");
    const item = (n: number) => (media[n]!.kind === "video" ? { media_type: "REELS", video_url: urls[n] } : { image_url: urls[n], alt_text: media[n]!.alt });
    const create1 = (params: Record<string, string | undefined>) => graph<{ id: string }>(call, "POST", `${base}/${s.userId}/media`, params, "create the Instagram container").then((r) => r.id);
    const posted = await publishThroughContainer(
      {
        ...INSTAGRAM_POLL,
        http: ctx.http,
        signal: ctx.signal,
        platform: "Instagram",
        step: async (name, send) =>
          ctx.step(name, async (again) => {
            // A new publish counts against the 24-hour quota; a recovery (again) does not.
            if (name.startsWith("publish") && !again && ctx.session.left !== undefined) {
              if (ctx.session.left <= 0) throw held("this Instagram account has used its 100 posts of the last 24 hours (content_publishing_limit): left due for a later run");
              ctx.session.left--;
            }
            return send(again);
          }),
        create: async () => {
          if (media.length === 1) return create1({ ...item(0), caption });
          const children: string[] = [];
          for (let n = 0; n < media.length; n++) children.push(await create1({ ...item(n), is_carousel_item: "true" }));
          return create1({ media_type: "CAROUSEL", children: children.join(","), caption });
        },
        ...containerCalls(call, base, s.userId, { edge: "media", publishEdge: "media_publish", statusField: "status_code", textField: "caption" }),
      },
      0,
      caption,
    );
    return { remoteId: posted.id, ...(posted.url ? { url: posted.url } : {}) };
  },
};
