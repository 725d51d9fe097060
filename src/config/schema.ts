/** The config file (`config/failover.yaml`): channels, their health sources, defaults, handles, notices. */
import { z } from "zod";
import { DURATION_LIMITS } from "../time/duration.js";
import { PLATFORMS } from "../platforms.js";
import { healthSource, knownHealthStatus, sourceUrl } from "../health/source-schema.js";
import { parseWindow } from "../schedule/windows.js";
import { duration, timeZone } from "../time/fields.js";
import { policy } from "./policy.js";

export const postingWindow = z
  .string()
  .meta({ description: 'when a channel may post, e.g. "Mon-Fri 08:00-20:00", "Sat 10:00-14:00", "daily 22:00-02:00"' })
  .transform((value, ctx) => {
    const parsed = parseWindow(value);
    if ("error" in parsed) {
      ctx.issues.push({ code: "custom", message: parsed.error, input: value });
      return z.NEVER;
    }
    return parsed;
  });

const threshold = (what: string) =>
  z.number().int("a whole number of answers, e.g. 3").min(1, "at least 1 (1 means no holding: every answer counts at once)").max(100, "at most 100").optional().meta({ description: what });
const thresholds = {
  failureThreshold: threshold("bad answers in a row before a channel counts as down, default 3"),
  successThreshold: threshold("good answers in a row before a down channel counts as up again, default 2"),
};

const channelName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "a channel name is letters, digits, '-', '_' or '.'");

export const channelSchema = z.strictObject({
  platform: z.enum(PLATFORMS).optional().meta({ description: "which adapter rewrites posts for this channel; may be left out when the channel is named like a platform" }),
  timezone: timeZone.optional().meta({ description: "the zone its windows are in; default: defaults.timezone, then the calendar's" }),
  windows: z.array(postingWindow).optional(),
  minGap: duration({ allowZero: true, maxMs: DURATION_LIMITS.minGap }).optional().meta({ description: "least time between two posts on this channel" }),
  health: z.array(healthSource).optional().meta({ description: "where its health is read; default: the platform's built-in sources" }),
  textLimit: z.number().int().positive().optional().meta({ description: "override the platform's text limit (e.g. a Mastodon instance's, X Premium's 4000)" }),
  instance: sourceUrl.optional().meta({ description: "Mastodon: the account's instance, e.g. https://mastodon.social" }),
  displayName: z.string().optional(),
  publish: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: "how `failover publish` sends this channel's posts: the platform's credentials and settings, secrets as ${ENV} (docs/publishing.md)" }),
  ...thresholds,
});

export const defaultsSchema = z.strictObject({
  backups: z.array(channelName).optional(),
  policy: policy.optional(),
  maxDelay: duration({ allowZero: true, maxMs: DURATION_LIMITS.maxDelay }).optional(),
  rerouteOn: z.array(knownHealthStatus).min(1).optional(),
  timezone: timeZone.optional(),
  windows: z.array(postingWindow).optional(),
  minGap: duration({ allowZero: true, maxMs: DURATION_LIMITS.minGap }).optional(),
  retag: z
    .boolean()
    .optional()
    .meta({ description: "when a post moves, rewrite a utm_source (and a utm_medium) naming the old platform to the new one; default true" }),
  ...thresholds,
});

export const noticeSchema = z.strictObject({
  when: z.union([channelName, z.array(channelName).min(1)]).meta({ description: "the channel (or channels) whose outage triggers the notice" }),
  on: z.array(channelName).min(1).meta({ description: "where to post the notice" }),
  text: z.string().min(1),
  variants: z.record(z.string(), z.string()).optional(),
});

export const healthSettingsSchema = z.strictObject({
  timeout: duration({ maxMs: DURATION_LIMITS.request }).optional().meta({ description: "per-source time limit, default 5s" }),
  deadline: duration({ maxMs: DURATION_LIMITS.request }).optional().meta({ description: "the whole check's time limit, default 20s" }),
  concurrency: z.number().int().min(1).max(256).optional().meta({ description: "sources fetched at once, default 16" }),
  retries: z.number().int().min(0).max(5).optional().meta({ description: "retries for connect errors, 429 and 5xx, default 2" }),
  mirrors: z
    .record(z.string().regex(/^(https?|file):/, "a URL prefix, e.g. https://metastatus.com/"), sourceUrl)
    .optional()
    .meta({ description: "read sources whose URL starts with a key from the value instead (a proxy, a recorded copy, a drill): { \"https://metastatus.com/\": \"http://127.0.0.1:8080/meta/\" }" }),
  proxy: z
    .union([z.literal("none"), z.string().regex(/^https?:\/\/\S+$/, "a proxy URL (http://proxy.example:3128) or none")])
    .optional()
    .meta({ description: "the proxy for health requests, overriding HTTPS_PROXY/HTTP_PROXY; none for a direct connection" }),
  noProxy: z.string().optional().meta({ description: "hosts reached without the proxy, comma-separated as NO_PROXY (which it overrides)" }),
});

export const autopilotSchema = z.strictObject({
  maxAutoMoves: z.number().int().min(0).max(10_000).optional().meta({ description: "posts `failover run --apply auto` moves per outage without a person, default 10" }),
  confirmFor: duration().optional().meta({ description: "how long a channel must be down before the autopilot acts on it, default 5m" }),
  neverMove: z
    .strictObject({ campaigns: z.array(z.string().min(1)).optional() })
    .optional()
    .meta({ description: "campaigns the autopilot never moves on its own (posts with policy: skip never are)" }),
});

export const configSchema = z.strictObject({
  version: z.literal(1).meta({ description: "always 1" }),
  defaults: defaultsSchema.optional(),
  channels: z.record(channelName, channelSchema).optional(),
  handles: z
    .record(z.string(), z.record(z.string(), z.string().min(1)))
    .optional()
    .meta({ description: "one identity's handle on each platform or channel, for mentions: acme: { x: \"@acme_hq\" }" }),
  notices: z.array(noticeSchema).optional(),
  health: healthSettingsSchema.optional(),
  autopilot: autopilotSchema.optional().meta({ description: "guard rails for `failover run --apply auto`" }),
});

export type RawConfig = z.output<typeof configSchema>;
export type RawChannel = z.output<typeof channelSchema>;
export type RawNotice = z.output<typeof noticeSchema>;
