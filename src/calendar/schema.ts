/** The content calendar (`calendar.yaml`): the posts, where and when they go, and their backups. */
import { z } from "zod";
import { policy } from "../config/policy.js";
import { duration, timeZone } from "../time/fields.js";

export const linkUrl = z
  .string()
  .meta({ description: "an http(s) link" })
  .check((ctx) => {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(ctx.value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) ctx.issues.push({ code: "custom", message: `"${ctx.value}" is not an http(s) link`, input: ctx.value });
  });

/** `failed` and `uncertain` are written by `failover publish` (see docs/publishing.md). */
export const POST_STATUSES = ["scheduled", "posted", "rerouted", "skipped", "failed", "uncertain"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const mediaSchema = z.strictObject({
  path: z.string().min(1),
  kind: z.enum(["image", "video", "gif"]),
  alt: z.string().optional().meta({ description: "alt text; carried over to every platform that takes it" }),
});

export const postSchema = z.strictObject({
  id: z.string().regex(/^\S+$/, "an id is one word, with no spaces").meta({ description: "unique within the file" }),
  channel: z.string().min(1),
  at: z.string().min(1).meta({ description: "2026-07-14T10:00 (local to the calendar's timezone) or ISO 8601 with an offset" }),
  text: z.string(),
  title: z.string().optional().meta({ description: "for platforms with titles: email subject, YouTube, Pinterest" }),
  link: linkUrl.optional(),
  media: z.array(mediaSchema).optional(),
  backups: z.array(z.string().min(1)).optional().meta({ description: "ordered backup channels; default from the config" }),
  variants: z.record(z.string(), z.string()).optional().meta({ description: "hand-written text per platform or channel, used as is" }),
  policy: policy.optional(),
  maxDelay: duration({ allowZero: true }).optional().meta({ description: "how late a rerouted or delayed post may go out" }),
  campaign: z.string().optional(),
  timezone: timeZone.optional().meta({ description: "read this post's local `at` in another zone" }),
  status: z.enum(POST_STATUSES).optional(),
  reroutedFrom: z.string().optional().meta({ description: "set by `failover reroute`: the post this one stands in for" }),
  reroutedTo: z.string().optional().meta({ description: "set by `failover reroute`: the post standing in for this one" }),
  reason: z.string().optional().meta({ description: "set by `failover reroute`: why" }),
  originalAt: z.string().optional().meta({ description: "set by `failover reroute` on a delay: the time it had" }),
  originalChannel: z.string().optional().meta({ description: "set by `failover reroute`: the channel it had" }),
  thread: z.array(z.string()).min(1).optional().meta({ description: "set by `failover reroute`: a rerouted post split into a thread, every part in order (the first is `text`)" }),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag, e.g. en or pt-BR").optional().meta({ description: "the post's language (BCP 47), sent to platforms that take one (Bluesky langs, Mastodon language)" }),
  postedAt: z.string().optional().meta({ description: "set by `failover publish`: when it went out" }),
  url: z.string().optional().meta({ description: "set by `failover publish`: the post's public URL" }),
  error: z.string().optional().meta({ description: "set by `failover publish`: why it failed (status: failed) or why its fate is unknown (status: uncertain)" }),
});

export const calendarSchema = z.strictObject({
  version: z.literal(1).meta({ description: "always 1" }),
  timezone: timeZone.optional().meta({ description: "default zone for times written without an offset" }),
  posts: z.array(postSchema),
});

/** The top level alone, each post left for postSchema, so every post's problems are reported. */
export const calendarShell = calendarSchema.extend({ posts: z.array(z.unknown()) });
export type CalendarShell = z.output<typeof calendarShell>;

export type RawCalendar = z.output<typeof calendarSchema>;
export type RawPost = z.output<typeof postSchema>;
export type Media = z.output<typeof mediaSchema>;
