/**
 * Instatus pages: `<page>/summary.json` is `{ page: { name, url, status }, activeIncidents: [{ name,
 * impact, status }], activeMaintenances: [...] }` with `page.status` UP, HASISSUES or
 * UNDERMAINTENANCE. HASISSUES is as bad as the worst open incident's impact (MAJOROUTAGE,
 * PARTIALOUTAGE, DEGRADEDPERFORMANCE), degraded when no impact is given: the page says
 * something is wrong without saying how much. Shape as read by public clients of summary.json,
 * which has no component list: `components` is refused by the config schema (docs/config.md).
 */
import { z } from "zod";
import { worse, type KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson } from "./fetch-json.js";
import { jsonEndpoint } from "./pick.js";

const entry = z.object({ id: z.string().optional(), name: z.string().optional(), impact: z.string().optional(), status: z.string().optional() });

const payload = z.object({
  page: z.object({ name: z.string().optional(), url: z.string().optional(), status: z.string() }),
  activeIncidents: z.array(entry).optional(),
  activeMaintenances: z.array(entry).optional(),
});

const LEVEL: Record<string, KnownStatus> = {
  OPERATIONAL: "operational",
  UP: "operational",
  DEGRADEDPERFORMANCE: "degraded",
  PARTIALOUTAGE: "partial_outage",
  MAJOROUTAGE: "major_outage",
  UNDERMAINTENANCE: "maintenance",
};

export const instatus: SourceChecker<"instatus"> = {
  kind: "instatus",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, jsonEndpoint(source.url, "/summary.json"), payload, "an Instatus summary.json");
    if (!fetched.ok) return fetched.answer;
    const { page, activeIncidents = [], activeMaintenances = [] } = fetched.data;

    const names = (list: Array<z.infer<typeof entry>>) => list.map((e) => e.name ?? "untitled").join("; ");
    switch (page.status.toUpperCase()) {
      case "UP":
        return { status: "operational", detail: "UP" };
      case "UNDERMAINTENANCE":
        return { status: "maintenance", detail: `maintenance: ${names(activeMaintenances) || "in progress"}` };
      case "HASISSUES": {
        let status: KnownStatus = "degraded";
        for (const i of activeIncidents) {
          const mapped = i.impact ? LEVEL[i.impact.toUpperCase()] : undefined;
          if (mapped) status = worse(status, mapped);
        }
        return { status, detail: `incidents: ${names(activeIncidents) || "none listed"}` };
      }
      default:
        return { status: "unknown", error: `unknown page status "${page.status}"` };
    }
  },
};
