/**
 * Atlassian Statuspage v2 (used by Discord, Reddit, LinkedIn, many email providers):
 * `/api/v2/summary.json` (components) or `/api/v2/status.json` (the page indicator only).
 * A page URL (not ending in .json) gets `/api/v2/summary.json`. Component statuses map one to one;
 * without a component filter the page's indicator (none/minor/major/critical) counts, and any
 * maintenance in progress. Format: https://metastatuspage.com/api (Statuspage's own docs).
 */
import { z } from "zod";
import { worse, type KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson, lenient } from "./fetch-json.js";
import { jsonEndpoint, pickNamed, readEach } from "./pick.js";

const component = z.object({
  id: lenient.id(),
  name: z.string(),
  status: z.string(),
  group: z.boolean().nullish(),
  group_id: lenient.id().nullish(),
});

const payload = z.object({
  status: z.object({ indicator: z.string(), description: lenient.text() }),
  components: lenient.list(component),
  scheduled_maintenances: lenient.list(z.object({ name: lenient.text(), status: z.string() })),
});

const COMPONENT_STATUS: Record<string, KnownStatus> = {
  operational: "operational",
  degraded_performance: "degraded",
  partial_outage: "partial_outage",
  major_outage: "major_outage",
  under_maintenance: "maintenance",
};

const INDICATOR: Record<string, KnownStatus> = {
  none: "operational",
  minor: "degraded",
  major: "partial_outage",
  critical: "major_outage",
  maintenance: "maintenance",
};

/** The JSON endpoint for what the user wrote: a page, summary.json or status.json. */
export function statuspageEndpoint(url: string): string {
  return jsonEndpoint(url, "/api/v2/summary.json");
}

export const statuspage: SourceChecker<"statuspage"> = {
  kind: "statuspage",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, statuspageEndpoint(source.url), payload, "a Statuspage v2 document");
    if (!fetched.ok) return fetched.answer;
    const page = fetched.data;

    if (source.components) {
      const all = page.components ?? [];
      if (all.length === 0) return { status: "unknown", error: "the page lists no components (is this status.json? use summary.json to filter components)" };
      // A group and a child with the same name (HashiCorp's page has both): the group is meant.
      const groupsFirst = [...all.filter((c) => c.group), ...all.filter((c) => !c.group)];
      const picked = pickNamed(groupsFirst, source.components, "component", all.filter((c) => !c.group_id));
      if (!picked.ok) return picked.answer;
      // A group stands for its members: the worst of them counts.
      const parts = picked.items.flatMap((c) => [c, ...(c.group ? all.filter((m) => m.group_id === c.id) : [])]);
      return readEach(parts, "component", (c) => c.status, (raw) => COMPONENT_STATUS[raw.toLowerCase()], `${source.components.join(", ")}: operational`);
    }

    const indicator = INDICATOR[page.status.indicator.toLowerCase()];
    if (!indicator) return { status: "unknown", error: `unknown page indicator "${page.status.indicator}"` };
    const maintenance = (page.scheduled_maintenances ?? []).find((m) => ["in_progress", "verifying"].includes(m.status.toLowerCase()));
    const status = maintenance ? worse(indicator, "maintenance") : indicator;
    return { status, detail: [page.status.description, maintenance ? `maintenance: ${maintenance.name ?? "in progress"}` : ""].filter(Boolean).join("; ") };
  },
};
