/**
 * Slack's Status API v2.0.0 (https://docs.slack.dev/reference/slack-status-api):
 * `https://slack-status.com/api/v2.0.0/current` (status.slack.com answers the same) returns
 * `{ status: "ok" | "active" | "broken", active_incidents: [{ title, type, status, services[] }] }`.
 * Slack names three kinds of event: an `incident` (some people or features affected), an
 * `outage` (Slack down for many) and a `notice` (planned maintenance and information), read as
 * partial_outage, major_outage and maintenance. With `services`, only incidents naming one of
 * them count (Slack's own service names: Messaging, Apps/Integrations/APIs, ...).
 */
import { z } from "zod";
import { worse, type KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson, lenient } from "./fetch-json.js";
import { plural } from "../../util/words.js";

const incident = z.object({
  id: lenient.id().nullish(),
  title: lenient.text(),
  type: z.string(),
  status: lenient.text(),
  services: lenient.list(z.string()),
});

const payload = z.object({
  status: z.string(),
  active_incidents: z.array(incident),
});

const TYPE: Record<string, KnownStatus> = {
  outage: "major_outage",
  incident: "partial_outage",
  notice: "maintenance",
};

/**
 * Incident states that mean it is not happening now: over (Slack may keep one listed for a while
 * after), or a notice of maintenance announced for later, or called off.
 */
const OVER = new Set(["resolved", "completed", "closed", "ok", "scheduled", "cancelled", "canceled"]);

export const slack: SourceChecker<"slack"> = {
  kind: "slack",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, source.url, payload, "Slack's status API v2 answer");
    if (!fetched.ok) return fetched.answer;
    const { status: overall, active_incidents } = fetched.data;
    const wanted = source.services?.map((s) => s.toLowerCase());
    const open = active_incidents.filter((i) => !OVER.has((i.status ?? "active").toLowerCase()));
    const relevant = wanted ? open.filter((i) => (i.services ?? []).some((s) => wanted.includes(s.toLowerCase()))) : open;

    let status: KnownStatus = "operational";
    const details: string[] = [];
    for (const i of relevant) {
      const mapped = TYPE[i.type.toLowerCase()];
      if (!mapped) return { status: "unknown", error: `an incident of an unknown type "${i.type}"` };
      status = worse(status, mapped);
      details.push(`${i.type}: ${i.title ?? "untitled"}${i.services?.length ? ` (${i.services.join(", ")})` : ""}`);
    }
    if (relevant.length > 0) return { status, detail: details.join("; ") };

    const o = overall.toLowerCase();
    if (o === "ok") return { status: "operational", detail: "ok" };
    // "active" only because of notices of maintenance scheduled for later or called off.
    const notYet = (i: z.infer<typeof incident>) => ["scheduled", "cancelled", "canceled"].includes((i.status ?? "").toLowerCase());
    if (active_incidents.length > 0 && active_incidents.every(notYet)) return { status: "operational", detail: `${plural(active_incidents.length, "notice")}, none happening now` };
    if (wanted && open.length > 0) return { status: "operational", detail: `${plural(open.length, "incident")}, none for ${source.services!.join(", ")}` };
    // "active" or "broken" with no incident listed: something is reported, but not what.
    if (o === "active" || o === "broken") return { status: "degraded", detail: `status "${overall}" with no incident listed` };
    return { status: "unknown", error: `unknown overall status "${overall}"` };
  },
};
