/**
 * What a health source looks like in the config, one schema per kind. The kinds' checkers live
 * beside this file; the config loader only needs the shapes.
 */
import { z } from "zod";
import { duration, knownHealthStatus, sourceUrl } from "../yaml/fields.js";

const common = {
  /** A label for tables and JSON; defaults to the kind and host. */
  name: z.string().min(1).optional(),
  timeout: duration().optional().meta({ description: "per-request time limit (connect, headers and body), default 5s" }),
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
  degradedAfter: duration().optional().meta({ description: "slower than this counts as degraded" }),
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
  lookback: duration().optional().meta({ description: "incidents newer than this count as open unless resolved; default 6h" }),
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

export const healthSource = z.discriminatedUnion("kind", [statuspageSource, httpSource, feedSource, manualSource]);
export type HealthSourceConfig = z.output<typeof healthSource>;
export type HealthSourceKind = HealthSourceConfig["kind"];
