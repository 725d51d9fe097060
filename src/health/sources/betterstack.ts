/**
 * Better Stack status pages: `<page>/index.json` is JSON:API, `{ data: { type: "status_page",
 * attributes: { aggregate_state } }, included: [{ type: "status_page_resource", attributes:
 * { public_name, status } }] }`, states operational, degraded, downtime and maintenance (as a
 * live page answers, e.g. status.latitude.so/index.json). `downtime` on the page while some of
 * its resources still work is a partial outage; on every resource (or with none listed), major.
 */
import { z } from "zod";
import type { KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson, lenient } from "./fetch-json.js";
import { jsonEndpoint, readNamed } from "./pick.js";

const resource = z.object({
  id: lenient.id(),
  type: z.string(),
  attributes: z.object({ public_name: lenient.text(), status: lenient.text() }),
});

const payload = z.object({
  data: z.object({ attributes: z.object({ aggregate_state: z.string() }).passthrough() }),
  included: z.array(resource).optional(),
});

const STATE: Record<string, KnownStatus> = {
  operational: "operational",
  degraded: "degraded",
  downtime: "major_outage",
  maintenance: "maintenance",
};

export const betterstack: SourceChecker<"betterstack"> = {
  kind: "betterstack",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, jsonEndpoint(source.url, "/index.json"), payload, "a Better Stack index.json");
    if (!fetched.ok) return fetched.answer;
    const resources = (fetched.data.included ?? [])
      // A resource (or section) with no status, or one Better Stack does not monitor, says nothing.
      .filter((r) => r.type === "status_page_resource" && r.attributes.status !== undefined && r.attributes.status.toLowerCase() !== "not_monitored")
      .map((r) => ({ id: r.id, name: r.attributes.public_name ?? r.id, raw: r.attributes.status!.toLowerCase() }));

    if (source.components) {
      return readNamed(resources, source.components, "resource", (r) => r.raw, (raw) => STATE[raw]);
    }

    const state = fetched.data.data.attributes.aggregate_state.toLowerCase();
    const mapped = STATE[state];
    if (!mapped) return { status: "unknown", error: `unknown aggregate state "${state}"` };
    const down = resources.filter((r) => r.raw === "downtime");
    if (mapped === "major_outage" && down.length > 0 && down.length < resources.length) {
      return { status: "partial_outage", detail: `downtime: ${down.map((r) => r.name).join(", ")} (${down.length} of ${resources.length})` };
    }
    const notFine = resources.filter((r) => r.raw !== "operational");
    return { status: mapped, detail: notFine.length ? `${state}: ${notFine.map((r) => `${r.name} ${r.raw}`).join(", ")}` : state };
  },
};
