/**
 * UptimeRobot status pages (Bluesky's status.bsky.app is one): the page's own script reads
 * `<page>/api/getMonitorList/<key>`, which answers `{ status: "ok", psp: { monitors: [{ monitorId,
 * name, statusClass }], totalMonitors, perPage }, statistics: { counts: { up, down, paused } } }`
 * (newer pages put the monitors in `data` instead of `psp.monitors`). `statusClass` is success,
 * warning (seems down), danger (down) or black (paused, no data). Shape as recorded by public
 * clients of status.bsky.app (a Go client's test data from the April 2025 PDS outage, 9 of 52
 * monitors down) and of other UptimeRobot pages. The key is not a published API: it is taken
 * from the page and may change, so a failure here says so rather than guessing.
 *
 * A page of many monitors (Bluesky watches every PDS host separately) is down by the share of
 * monitors down: all of them (or half or more) a major outage, a tenth or more partial, fewer
 * degraded. Counts come from `statistics.counts` when present, since the list itself is paged.
 * With `monitors`, only those count, each down monitor a major outage; the pages are followed
 * (`?page=2`, … up to `totalMonitors`) until every watched monitor is found.
 */
import { z } from "zod";
import type { KnownStatus } from "../status.js";
import type { SourceChecker } from "../types.js";
import { fetchSourceJson } from "./fetch-json.js";
import { pickNamed, readNamed } from "./pick.js";

const monitor = z.object({
  monitorId: z.union([z.number(), z.string()]).optional(),
  name: z.string(),
  statusClass: z.string(),
});

const payload = z.object({
  status: z.string(),
  psp: z.object({ monitors: z.array(monitor).nullish(), totalMonitors: z.number().nullish(), perPage: z.number().nullish() }).passthrough().nullish(),
  data: z.array(monitor).optional(),
  statistics: z.object({ counts: z.object({ up: z.number(), down: z.number(), paused: z.number().optional() }).passthrough().optional() }).passthrough().optional(),
});

const CLASS: Record<string, KnownStatus | "paused"> = {
  success: "operational",
  warning: "degraded",
  danger: "major_outage",
  black: "paused",
  paused: "paused",
};

/** Pages of monitors read at most (a page lists 30 or so). */
const MAX_PAGES = 20;

/** The monitor list's page `n`, as the page's own script asks for it. */
function withPage(url: string, n: number): string {
  return `${url}${url.includes("?") ? "&" : "?"}page=${n}`;
}

/** How bad a page is when `down` of `counted` monitors are down. */
export function shareStatus(down: number, counted: number): KnownStatus {
  if (counted === 0 || down === 0) return "operational";
  const share = down / counted;
  if (share >= 0.5) return "major_outage";
  if (share >= 0.1) return "partial_outage";
  return "degraded";
}

export const uptimerobot: SourceChecker<"uptimerobot"> = {
  kind: "uptimerobot",
  async check(source, ctx) {
    const fetched = await fetchSourceJson(ctx, source, source.url, payload, "an UptimeRobot monitor list");
    if (!fetched.ok) return fetched.answer;
    const page = fetched.data;
    if (page.status !== "ok") return { status: "unknown", error: `the page answered status "${page.status}" (is the key still the page's?)` };
    const monitors = (page.psp?.monitors ?? page.data ?? []).map((m) => ({ ...m, id: m.monitorId }));
    // The list is paged (perPage, totalMonitors): a watched monitor may be on a later page.
    const total = page.psp?.totalMonitors ?? 0;
    const perPage = page.psp?.perPage ?? monitors.length;
    for (let n = 2; source.monitors && monitors.length < total && perPage > 0 && n <= Math.min(MAX_PAGES, Math.ceil(total / perPage)); n++) {
      if (source.monitors.every((w) => monitors.some((m) => m.name.toLowerCase() === w.toLowerCase() || String(m.id) === w))) break;
      const next = await fetchSourceJson(ctx, source, withPage(source.url, n), payload, "an UptimeRobot monitor list");
      if (!next.ok) return next.answer;
      const more = next.data.psp?.monitors ?? next.data.data ?? [];
      if (more.length === 0) break;
      monitors.push(...more.map((m) => ({ ...m, id: m.monitorId })));
    }

    if (source.monitors) {
      const picked = pickNamed(monitors, source.monitors, "monitor");
      if (!picked.ok) return picked.answer;
      const paused = picked.items.find((m) => CLASS[m.statusClass] === "paused");
      if (paused) return { status: "unknown", error: `monitor "${paused.name}" is paused: it says nothing now` };
      return readNamed(picked.items, source.monitors, "monitor", (m) => m.statusClass, (raw) => {
        const mapped = CLASS[raw];
        return mapped === "paused" ? undefined : mapped;
      });
    }

    const counts = page.statistics?.counts;
    const down = counts ? counts.down : monitors.filter((m) => m.statusClass === "danger").length;
    const up = counts ? counts.up : monitors.filter((m) => m.statusClass === "success" || m.statusClass === "warning").length;
    const counted = up + down;
    if (counted === 0) return { status: "unknown", error: "the page lists no active monitors" };
    const status = shareStatus(down, counted);
    const names = monitors.filter((m) => m.statusClass === "danger").slice(0, 5).map((m) => m.name);
    if (status !== "operational") {
      return { status, detail: `${down} of ${counted} monitors down${names.length ? `: ${names.join(", ")}${down > names.length ? ", …" : ""}` : ""}` };
    }
    const slow = monitors.filter((m) => m.statusClass === "warning");
    if (slow.length > 0) return { status: "degraded", detail: `seems down: ${slow.slice(0, 5).map((m) => m.name).join(", ")}` };
    return { status: "operational", detail: `${counted} monitors up` };
  },
};
