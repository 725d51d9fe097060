/**
 * Threads (Threads API on graph.threads.net, developers.facebook.com/docs/threads/posts): a
 * container per post, POST /v1.0/{user-id}/threads with media_type TEXT, IMAGE (image_url,
 * alt_text) or CAROUSEL (children made with is_carousel_item=true), then POST
 * /v1.0/{user-id}/threads_publish with creation_id; a thread's next parts reply with reply_to_id.
 * The container's status (GET /v1.0/{container-id}?fields=status,error_message) is polled until
 * FINISHED. Images are fetched by Threads from public URLs: `mediaBaseUrl`, or the post is held.
 * Never twice: see containers.ts.
 */
import { baseUrl } from "../http.js";
import { graph, publicMediaUrl, type GraphCall } from "../graph.js";
import { containerCalls, publishThroughContainer } from "../containers.js";
import { threadsSettings, type ThreadsSettings } from "../../config/publish-settings.js";
import type { Publisher } from "../types.js";

const VERSION = "v1.0";
/** Threads takes up to 20 carousel items, 500 characters of text. */
const MAX_ITEMS = 20;
export const THREADS_POLL = { pollMs: 1_000, polls: 30 };

export const threadsPublisher: Publisher<ThreadsSettings> = {
  platform: "threads",
  settings: threadsSettings,
  recovery: "exact",
  async publish(ctx) {
    const s = ctx.settings;
    const call: GraphCall = { http: ctx.http, signal: ctx.signal, token: s.token, platform: "Threads" };
    const base = `${baseUrl(s.api)}/${VERSION}`;
    const media = ctx.rendered.media.slice(0, MAX_ITEMS);
    // Checked before anything is sent: a post held for its media sends none of its parts.
    const urls = media.map((m) => publicMediaUrl(m, s.mediaBaseUrl, ctx.channel, "Threads"));
    const item = (i: number) => ({ [media[i]!.kind === "video" ? "video_url" : "image_url"]: urls[i], media_type: media[i]!.kind === "video" ? "VIDEO" : "IMAGE", alt_text: media[i]!.alt });
    const posted: Array<{ id: string; url: string }> = [];
    for (const [i, text] of ctx.parts.entries()) {
      const replyTo = i > 0 ? posted[i - 1]!.id : undefined;
      const create = async (): Promise<string> => {
        const create1 = (params: Record<string, string | undefined>) => graph<{ id: string }>(call, "POST", `${base}/${s.userId}/threads`, params, "create the Threads container").then((r) => r.id);
        if (i > 0 || media.length === 0) return create1({ media_type: "TEXT", text, reply_to_id: replyTo });
        if (media.length === 1) return create1({ ...item(0), text });
        const children: string[] = [];
        for (let n = 0; n < media.length; n++) children.push(await create1({ ...item(n), is_carousel_item: "true" }));
        return create1({ media_type: "CAROUSEL", children: children.join(","), text });
      };
      posted.push(
        await publishThroughContainer(
          {
            ...THREADS_POLL,
            http: ctx.http,
            signal: ctx.signal,
            platform: "Threads",
            step: ctx.step,
            create,
            ...containerCalls(call, base, s.userId, { edge: "threads", publishEdge: "threads_publish", statusField: "status", textField: "text" }),
          },
          i,
          text,
        ),
      );
    }
    return { remoteId: posted[0]!.id, ...(posted[0]!.url ? { url: posted[0]!.url } : {}) };
  },
};
