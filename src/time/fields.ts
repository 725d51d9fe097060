/**
 * Time field types shared by the calendar and the config schemas. Each validates with a message a
 * person can act on and, where useful, transforms to the typed value (durations to ms), so the
 * JSON Schema for editors (input side) still shows plain strings. Other fields live beside their
 * domain: posting windows in config/schema.ts, source URLs in health/source-schema.ts, statuses in
 * health/status.ts, policies in config/policy.ts, links in calendar/schema.ts.
 */
import { z } from "zod";
import { parseDuration } from "./duration.js";
import { allTimeZones, isValidTimeZone } from "./zone.js";
import { didYouMean } from "../util/did-you-mean.js";

const DURATION_HINT = "a duration such as 90s, 30m, 6h, 2d or 1h30m";

/** A duration; `allowZero` for things like a gap of 0. Negative or unit-less values are errors. */
export function duration(options: { allowZero?: boolean } = {}) {
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
