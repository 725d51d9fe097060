/**
 * Field types shared by the calendar and the config schemas. Each validates with a message a
 * person can act on and, where useful, transforms to the typed value (durations to ms, windows
 * to ranges), so the JSON Schema for editors (input side) still shows plain strings.
 */
import { z } from "zod";
import { durationOverLimit, parseDuration } from "../time/duration.js";
import { allTimeZones, isValidTimeZone } from "../time/zone.js";
import { parseWindow } from "../schedule/windows.js";
import { didYouMean } from "../util/did-you-mean.js";
import { expandWithPlaceholders } from "../config/env.js";
import { ALL_STATUSES, HEALTH_STATUSES } from "../health/status.js";

// zod compiles a fast path for each object schema on its first parse; a CLI parses each schema a
// handful of times per run, so the compilation costs more than it saves (measured in bench/).
z.config({ jitless: true });

const DURATION_HINT = "a duration such as 90s, 30m, 6h, 2d or 1h30m";

/** A duration; `allowZero` for things like a gap of 0. Negative or unit-less values are errors. */
export function duration(options: { allowZero?: boolean; maxMs?: number } = {}) {
  return z
    .union([z.string(), z.number()])
    .meta({ description: DURATION_HINT, type: "string", pattern: "^(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?$" } as Record<string, unknown>)
    .transform((value, ctx) => {
      const parsed = parseDuration(value);
      if (!parsed.ok) {
        ctx.issues.push({ code: "custom", message: parsed.reason, input: value });
        return z.NEVER;
      }
      if (parsed.ms === 0 && !options.allowZero) {
        ctx.issues.push({ code: "custom", message: `a zero duration makes no sense here; write ${DURATION_HINT}`, input: value });
        return z.NEVER;
      }
      const tooLong = options.maxMs !== undefined ? durationOverLimit(parsed.ms, options.maxMs) : undefined;
      if (tooLong) {
        ctx.issues.push({ code: "custom", message: tooLong, input: value });
        return z.NEVER;
      }
      return parsed.ms;
    });
}

export const timeZone = z
  .string()
  .meta({ description: "an IANA time zone, e.g. America/New_York, Europe/Berlin or UTC" })
  .check((ctx) => {
    if (!isValidTimeZone(ctx.value)) {
      ctx.issues.push({
        code: "custom",
        message: `"${ctx.value}" is not a time zone${didYouMean(ctx.value, allTimeZones())}; use an IANA name such as Europe/Berlin`,
        input: ctx.value,
      });
    }
  });

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

export const healthStatus = z.enum(ALL_STATUSES as [string, ...string[]]);
export const knownHealthStatus = z.enum(HEALTH_STATUSES);
export const POLICIES = ["reroute", "delay", "mirror", "skip"] as const;
export const policy = z.enum(POLICIES);
export type Policy = (typeof POLICIES)[number];
