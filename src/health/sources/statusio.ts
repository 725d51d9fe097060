/**
 * Status.io public pages: `https://api.status.io/1.0/status/<page id>` answers `{ result: {
 * status_overall: { status, status_code }, status: [{ id, name, status, status_code,
 * containers: [...] }] } }` with Status.io's codes: 100 operational, 200 planned maintenance,
 * 300 degraded performance, 400 partial service disruption, 500 service disruption, 600
 * security event. A security event is read as a partial outage: the service may work, but a
 * brand should not post into it unawares. With `components`, those entries of `status` count.
 */
import { z } from "zod";
import type { KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson, lenient } from "./fetch-json.js";
import { readNamed } from "./pick.js";

/** A status code as a number whether the page sends 100 or "100". */
const code = z.union([z.number(), z.string().regex(/^\s*\d+\s*$/)]).transform(Number);

const level = z.object({ status: lenient.text(), status_code: code });

// Lenient like the other kinds: null words and lists, numeric ids, extra fields ignored.
const payload = z.object({
  result: z.object({
    status_overall: level,
    status: lenient.list(level.extend({ id: lenient.optionalId(), name: z.string() })),
  }),
});

const CODE: Record<number, KnownStatus> = {
  100: "operational",
  200: "maintenance",
  300: "degraded",
  400: "partial_outage",
  500: "major_outage",
  600: "partial_outage",
};

export const statusio: SourceChecker<"statusio"> = {
  kind: "statusio",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, source.url, payload, "a Status.io status answer");
    if (!fetched.ok) return fetched.answer;
    const { status_overall, status: components = [] } = fetched.data.result;

    if (source.components) {
      // The code decides; the status words are only shown.
      return readNamed(components, source.components, "component", (c) => String(c.status_code), (raw) => CODE[Number(raw)]);
    }

    const mapped = CODE[status_overall.status_code];
    if (!mapped) return { status: "unknown", error: `unknown status code ${status_overall.status_code}` };
    return { status: mapped, detail: `${status_overall.status ?? "status"} (${status_overall.status_code})` };
  },
};
