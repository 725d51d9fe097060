/** `status --history`: the health history as a per-channel timeline, a character per interval, with a legend. */
import type { ChalkInstance } from "chalk";
import type { TimelineRow } from "../../autopilot/history.js";
import { formatInZone } from "../../time/zone.js";

/** One character per status: readable without colour too (a piped log, a colour-blind reader). */
const MARKS: Record<string, { char: string; colour: keyof Pick<ChalkInstance, "green" | "yellow" | "red" | "magenta" | "gray"> }> = {
  operational: { char: "·", colour: "green" },
  degraded: { char: "~", colour: "yellow" },
  partial_outage: { char: "▒", colour: "red" },
  major_outage: { char: "█", colour: "red" },
  unknown: { char: "?", colour: "magenta" },
};
const NO_CHECK = " ";

/** When piped: 48 intervals (half an hour each over 24h), the same every run. */
export const PIPED_COLUMNS = 48;

export function renderTimeline(c: ChalkInstance, rows: readonly TimelineRow[], from: number, to: number): string {
  if (rows.length === 0) return `no health recorded from ${formatInZone(from, "UTC")} to ${formatInZone(to, "UTC")} (failover run records it in .failover/history.jsonl)`;
  const label = Math.max(...rows.map((r) => r.channel.length));
  const lines = [`${" ".repeat(label)} │${formatInZone(from, "UTC")} → ${formatInZone(to, "UTC")}`];
  for (const row of rows) {
    const cells = row.cells.map((s) => {
      const mark = s === undefined ? undefined : MARKS[s];
      return mark ? c[mark.colour](mark.char) : NO_CHECK;
    });
    lines.push(`${row.channel.padEnd(label)} │${cells.join("")}│`);
  }
  lines.push("", `legend: ${Object.entries(MARKS).map(([status, m]) => `${c[m.colour](m.char)} ${status}`).join("  ")}  (blank: not checked)`);
  return lines.join("\n");
}
