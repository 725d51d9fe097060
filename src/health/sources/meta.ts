/**
 * Meta's status (Facebook, Instagram, Threads, WhatsApp, the Graph API...): metastatus.com's own
 * data file, `/data/orgs.json`. Not a Statuspage: a JSON array of orgs, each with services and a
 * free-text status, e.g.
 *   [{ "id": "whatsapp-business-api", "name": "WhatsApp Business Platform",
 *      "services": [{ "id": 1, "name": "Cloud API", "status": "No known issues" }] }]
 * Shape and wording as read by public clients of the file (dashboards that fetch
 * https://metastatus.com/data/orgs.json and compare `status` with "No known issues",
 * "Resolved", "Low disruptions", "Medium disruptions", "High disruptions"), and as
 * /work/shared/notes/platforms.md records it. Meta publishes no schema for it, so:
 * - `service` is looked up first as an org (id or name: an org's status is its worst service),
 *   then as a service inside any org (or inside `org` when given). Which orgs hold Instagram,
 *   Facebook and Threads is not documented; the built-in defaults name them and a miss says
 *   what the file does hold, so a renamed org shows up as `unknown` with the fix, never as a
 *   false "operational".
 * - Free text is read by its words (no known issues / resolved, maintenance, low, medium, high
 *   or major disruption, outage); wording we do not recognise is `unknown` with the text.
 */
import { z } from "zod";
import type { KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson, lenient } from "./fetch-json.js";
import { readEach } from "./pick.js";

// Lenient like the other kinds: ids string or number, null names, null or missing service
// lists (an org without services has nothing to say), extra fields ignored. A service's status
// is what the answer is made of, so it stays required.
const service = z.object({
  id: lenient.optionalId(),
  name: z.string(),
  status: z.string(),
});

const org = z.object({
  id: lenient.optionalId(),
  name: lenient.text(),
  services: lenient.list(service).transform((v) => v ?? []),
});

const payload = z.array(org);

/** Meta's free-text status in one of the contract's words, or undefined if it reads as none. */
export function metaStatus(text: string): KnownStatus | undefined {
  const t = text.toLowerCase();
  // Bad news first: "High disruptions (unresolved)" or "Operational issues with Feed" must never
  // read as operational because a good word appears somewhere in them.
  if (/maintenance/.test(t)) return "maintenance";
  if (/(high|major|severe|critical)\s+(disruption|outage)|\boutages?\b|unavailable|\bdown\b/.test(t)) return "major_outage";
  if (/medium\s+disruption/.test(t)) return "partial_outage";
  if (/low\s+disruption|degraded|delay/.test(t)) return "degraded";
  // "Disruptions" or "issues" with no level: something is wrong, how much is not said.
  if (/disruption|\bissues?\b|\bunresolved\b|not (yet )?resolved/.test(t) && !/no known issues/.test(t)) return "partial_outage";
  if (/^\s*(no known issues|operational|all systems operational|ok|resolved)\.?\s*$/.test(t)) return "operational";
  return undefined;
}

const same = (a: string | number | undefined, b: string) => a !== undefined && String(a).toLowerCase() === b.toLowerCase();

export const meta: SourceChecker<"meta"> = {
  kind: "meta",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, source.url, payload, "Meta's status data (an array of orgs with services)");
    if (!fetched.ok) return fetched.answer;
    let orgs = fetched.data;
    if (source.org) {
      const wanted = source.org;
      orgs = orgs.filter((o) => same(o.id, wanted) || same(o.name, wanted));
      if (orgs.length === 0) {
        return { status: "unknown", error: `no org "${wanted}" in Meta's status; it has: ${fetched.data.map((o) => o.name ?? String(o.id)).join(", ")}` };
      }
    }

    const asOrg = source.org ? undefined : orgs.find((o) => same(o.id, source.service) || same(o.name, source.service));
    const services = asOrg
      ? asOrg.services
      : orgs.flatMap((o) => o.services.filter((s) => same(s.name, source.service) || same(s.id, source.service)));
    if (services.length === 0) {
      const known = orgs.flatMap((o) => [o.name ?? String(o.id ?? "")].filter(Boolean)).slice(0, 15);
      return { status: "unknown", error: `no org or service "${source.service}" in Meta's status; orgs: ${known.join(", ") || "none"}` };
    }
    return readEach(services, "service", (s) => s.status, metaStatus, `${source.service}: ${services.length === 1 ? services[0]!.status : "no known issues"}`);
  },
};
