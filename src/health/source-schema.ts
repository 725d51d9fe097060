/**
 * What a health source looks like in the config, one schema per kind. The kinds' checkers live
 * beside this file; the config loader only needs the shapes.
 */
import { z } from "zod";
import { DURATION_LIMITS } from "../time/duration.js";
import { duration } from "../time/fields.js";
import { expandWithPlaceholders } from "../util/env.js";
import { ALL_STATUSES, HEALTH_STATUSES } from "./status.js";

// Here, with the other schemas, not in status.ts: the CLI's context reads statuses before every
// command, and `__complete` must not load zod for it (docs/performance.md).
export const healthStatus = z.enum(ALL_STATUSES);
export const knownHealthStatus = z.enum(HEALTH_STATUSES);

/** http(s) or file: URL; `${ENV}` references are allowed anywhere in it. */
export const sourceUrl = z
  .string()
  .meta({ description: "an http(s):// or file: URL; ${ENV_NAME} reads the environment" })
  .check((ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(expandWithPlaceholders(ctx.value), "file:///");
    } catch {
      url = undefined;
    }
    if (!url || !/^(https?|file):$/.test(url.protocol) || (!/^file:/i.test(ctx.value) && !/^https?:\/\//i.test(ctx.value) && !ctx.value.startsWith("${"))) {
      ctx.issues.push({ code: "custom", message: `"${ctx.value}" is not an http(s):// or file: URL`, input: ctx.value });
    }
  });

const common = {
  /** A label for tables and JSON; defaults to the kind and host. */
  name: z.string().min(1).optional(),
  timeout: duration({ maxMs: DURATION_LIMITS.request }).optional().meta({ description: "per-request time limit (connect, headers and body), default 5s" }),
};

const statusCodes = z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]);

export const statuspageSource = z.strictObject({
  kind: z.literal("statuspage"),
  url: sourceUrl.meta({ description: "the status page, or its /api/v2/summary.json or /api/v2/status.json" }),
  components: z.array(z.string().min(1)).min(1).optional().meta({ description: "component (or group) names or ids to watch; default: the whole page" }),
  headers: z.record(z.string(), z.string()).optional(),
  ...common,
});

export const httpSource = z.strictObject({
  kind: z.literal("http"),
  url: sourceUrl,
  method: z.enum(["GET", "HEAD", "POST"]).optional(),
  expect: statusCodes.optional().meta({ description: "status codes that mean up; default 200-399" }),
  degradedAfter: duration({ maxMs: DURATION_LIMITS.request }).optional().meta({ description: "slower than this counts as degraded" }),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional().meta({ description: "request body, for POST" }),
  contains: z.string().optional().meta({ description: "the response body must contain this text" }),
  json: z
    .strictObject({
      path: z.string().min(1).meta({ description: "dot path into the JSON body, e.g. status.healthy" }),
      equals: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    })
    .optional(),
  ...common,
});

export const feedSource = z.strictObject({
  kind: z.literal("feed"),
  url: sourceUrl.meta({ description: "an RSS 2.0 or Atom incident feed, e.g. https://status.example/history.rss" }),
  lookback: duration({ maxMs: DURATION_LIMITS.lookback }).optional().meta({ description: "incidents newer than this count as open unless resolved; default 6h" }),
  match: z.array(z.string().min(1)).min(1).optional().meta({ description: "only entries whose title mentions one of these" }),
  headers: z.record(z.string(), z.string()).optional(),
  ...common,
});

export const manualSource = z.strictObject({
  kind: z.literal("manual"),
  status: knownHealthStatus,
  note: z.string().optional(),
  name: common.name,
});

/** What every kind that fetches a document shares: request headers (e.g. a token) and the limits. */
const fetched = { headers: z.record(z.string(), z.string()).optional(), ...common };

/** Names or ids of parts of a page; a bare number in YAML (an UptimeRobot monitor id) is an id too. */
const names = (description: string) =>
  z.array(z.union([z.string().min(1), z.number().transform(String)])).min(1).optional().meta({ description });

export const metaSource = z.strictObject({
  kind: z.literal("meta"),
  url: sourceUrl.meta({ description: "Meta's status data, https://metastatus.com/data/orgs.json" }),
  service: z.string().min(1).meta({ description: "the org or service to read, by id or name, e.g. Instagram" }),
  org: z.string().min(1).optional().meta({ description: "only look for the service inside this org (id or name)" }),
  ...fetched,
});

export const slackSource = z.strictObject({
  kind: z.literal("slack"),
  url: sourceUrl.meta({ description: "Slack's status API, https://slack-status.com/api/v2.0.0/current" }),
  services: names("only incidents naming one of these services count, e.g. [Messaging, Apps/Integrations/APIs]"),
  ...fetched,
});

export const instatusSource = z.strictObject({
  kind: z.literal("instatus"),
  url: sourceUrl.meta({ description: "an Instatus page, or its /summary.json" }),
  // Instatus's public summary.json has no component list, and no public per-component endpoint
  // of an Instatus page was found documented (docs/config.md): a filter that could never match
  // is refused here rather than read as `unknown` on every run.
  components: z
    .unknown()
    .refine(() => false, { message: "Instatus's public summary.json lists no components, so `components` cannot be read on an Instatus page: remove it (the whole page is read), or point a statuspage/http source at the part you need" })
    .optional()
    .meta({ description: "not supported: Instatus's public summary.json lists no components (refused)" }),
  ...fetched,
});

export const betterstackSource = z.strictObject({
  kind: z.literal("betterstack"),
  url: sourceUrl.meta({ description: "a Better Stack status page, or its /index.json" }),
  components: names("resource names (public_name) or ids to watch; default: the page's aggregate state"),
  ...fetched,
});

export const uptimerobotSource = z.strictObject({
  kind: z.literal("uptimerobot"),
  url: sourceUrl.meta({ description: "an UptimeRobot status page's monitor list, <page>/api/getMonitorList/<key>" }),
  monitors: names("monitor names or ids to watch; default: every monitor on the page"),
  ...fetched,
});

export const statusioSource = z.strictObject({
  kind: z.literal("statusio"),
  url: sourceUrl.meta({ description: "a Status.io public status API, https://api.status.io/1.0/status/<page id>" }),
  components: names("component names or ids to watch; default: the overall status"),
  ...fetched,
});

export const mastodonSource = z.strictObject({
  kind: z.literal("mastodon"),
  instance: z.string().min(1).optional().meta({ description: "the instance to probe, e.g. mastodon.social; default: the channel's instance" }),
  url: sourceUrl.optional().meta({ description: "the full URL to probe instead, e.g. https://mastodon.social/api/v2/instance" }),
  degradedAfter: duration({ maxMs: DURATION_LIMITS.request }).optional().meta({ description: "slower than this counts as degraded" }),
  ...fetched,
});

export const healthSource = z.discriminatedUnion("kind", [
  statuspageSource,
  httpSource,
  feedSource,
  manualSource,
  metaSource,
  slackSource,
  instatusSource,
  betterstackSource,
  uptimerobotSource,
  statusioSource,
  mastodonSource,
]);
export type HealthSourceConfig = z.output<typeof healthSource>;
export type HealthSourceKind = HealthSourceConfig["kind"];
