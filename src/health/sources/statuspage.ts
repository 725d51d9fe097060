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
import { fetchJson } from "./fetch-json.js";

const component = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  group: z.boolean().optional(),
  group_id: z.string().nullable().optional(),
});

const payload = z.object({
  status: z.object({ indicator: z.string(), description: z.string().optional() }),
  components: z.array(component).optional(),
  scheduled_maintenances: z.array(z.object({ name: z.string().optional(), status: z.string() })).optional(),
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
  if (/\.json(\?.*)?$/i.test(url) || url.startsWith("file:")) return url;
  return `${url.replace(/\/+$/, "")}/api/v2/summary.json`;
}

export const statuspage: SourceChecker<"statuspage"> = {
  kind: "statuspage",
  async check(source, ctx) {
    const fetched = await fetchJson(ctx, statuspageEndpoint(source.url), payload, {
      ...(source.headers ? { headers: source.headers } : {}),
      ...(source.timeout ? { timeoutMs: source.timeout } : {}),
      what: "a Statuspage v2 document",
    });
    if (!fetched.ok) return fetched.answer;
    const page = fetched.data;

    if (source.components) {
      const all = page.components ?? [];
      if (all.length === 0) return { status: "unknown", error: "the page lists no components (is this status.json? use summary.json to filter components)" };
      const picked: Array<z.infer<typeof component>> = [];
      for (const wanted of source.components) {
        const match = all.find((c) => c.id === wanted || c.name.toLowerCase() === wanted.toLowerCase());
        if (!match) {
          const names = all.filter((c) => !c.group_id).map((c) => c.name);
          return { status: "unknown", error: `no component "${wanted}" on this page; it has: ${names.join(", ")}` };
        }
        // A group stands for its members: the worst of them counts.
        picked.push(match, ...(match.group ? all.filter((c) => c.group_id === match.id) : []));
      }
      let status: KnownStatus = "operational";
      const details: string[] = [];
      for (const c of picked) {
        const mapped = COMPONENT_STATUS[c.status];
        if (!mapped) return { status: "unknown", error: `component "${c.name}" has an unknown status "${c.status}"` };
        status = worse(status, mapped);
        if (mapped !== "operational") details.push(`${c.name}: ${c.status}`);
      }
      return { status, detail: details.join(", ") || `${source.components.join(", ")}: operational` };
    }

    const indicator = INDICATOR[page.status.indicator];
    if (!indicator) return { status: "unknown", error: `unknown page indicator "${page.status.indicator}"` };
    const maintenance = (page.scheduled_maintenances ?? []).find((m) => m.status === "in_progress" || m.status === "verifying");
    const status = maintenance ? worse(indicator, "maintenance") : indicator;
    return { status, detail: [page.status.description, maintenance ? `maintenance: ${maintenance.name ?? "in progress"}` : ""].filter(Boolean).join("; ") };
  },
};
