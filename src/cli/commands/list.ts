/**
 * `failover list [--window 7d] [--channel ch...]` (alias `agenda`): the calendar to look at, by
 * day and channel, each post at its time in its channel's zone with its status, stand-ins right
 * under the post they stand in for, notices marked. Reads only: no health check, no network.
 */
import { buildAgenda, type Agenda, type AgendaEntry } from "../../calendar/agenda.js";
import { NOTICE_PREFIX } from "../../calendar/bookkeeping.js";
import { knownChannelNames, resolveChannel } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import { parseDuration } from "../../time/duration.js";
import { formatInZone, zoneAbbreviation } from "../../time/zone.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { configJson, loadProjectFor } from "../config-run.js";
import type { CliContext } from "../context.js";
import type { Output } from "../output.js";
import { cell } from "../report/summary.js";
import { renderTable, truncateToWidth } from "../table.js";

export const DEFAULT_LIST_WINDOW = "7d";

function windowOf(value: unknown): number {
  const r = parseDuration(String(value ?? DEFAULT_LIST_WINDOW));
  if (!r.ok) throw new UsageError(r.reason, "--window");
  if (r.ms === 0) throw new UsageError("a zero window lists nothing; write e.g. 7d or 48h", "--window");
  return r.ms;
}

/** "Tue 14 Jul 2026" from "2026-07-14". */
function dayTitle(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).replace(/,/g, "");
}

/** "09:00 EDT": the wall-clock time the entry carries, and its zone as people there name it. */
function timeOf(e: AgendaEntry): string {
  return `${e.at.slice(11, 16)} ${zoneAbbreviation(Date.parse(e.at), e.zone)}`;
}

/** A reason's first clause: the why, without the bookkeeping that follows it ("…; rerouted to x"). */
function why(e: AgendaEntry): string {
  const first = (e.reason ?? "").split("; ")[0]!;
  return first.startsWith(NOTICE_PREFIX) ? first.slice(NOTICE_PREFIX.length) : first;
}

/** What a person needs next to the status: where it went, what it stands in for, why. */
function noteOf(e: AgendaEntry): string {
  const because = why(e) ? `: ${why(e)}` : "";
  if (e.kind === "notice") return `notice${because}`;
  // The why is on the original's line just above.
  if (e.kind === "stand-in") return `for ${e.reroutedFrom}`;
  if (e.status === "rerouted") return `→ ${e.reroutedTo ?? "a stand-in"}${because}`;
  if (e.originalAt) return `delayed from ${dayTitle(e.originalAt.slice(0, 10)).slice(0, -5)} ${e.originalAt.slice(11, 16)}${because}`;
  return why(e);
}

function paintStatus(out: Output, status: string): string {
  switch (status) {
    case "posted":
      return out.c.green(status);
    case "rerouted":
      return out.c.yellow(status);
    case "skipped":
      return out.c.dim(status);
    case "failed":
      return out.c.red(status);
    case "uncertain":
      return out.c.magenta(status);
    default:
      return status;
  }
}

/** A post's first line, cut to `max` columns by display width (a plain list keeps it short). */
function firstLine(text: string, max = 48): string {
  return truncateToWidth(text.trim().split("\n")[0] ?? "", max);
}

/** Each day's posts as a table fitted to the terminal (the text column cut first), under the day's name. */
function renderDays(out: Output, agenda: Agenda): string {
  const blocks = agenda.days.map((day) => {
    const rows = day.entries.map((e) => [
      timeOf(e),
      `${e.kind === "stand-in" ? "↳ " : ""}${e.channel}`,
      out.c.bold(e.id),
      paintStatus(out, e.status),
      e.kind === "notice" ? out.c.yellow(noteOf(e)) : out.c.dim(noteOf(e)),
      out.c.dim(firstLine(e.text)),
    ]);
    const table = renderTable(["time", "channel", "post", "status", "note", "text"], rows, { width: out.columns, last: "truncate", styleHead: (line) => out.c.dim(line) });
    return `${out.c.bold(dayTitle(day.date))}\n${table}`;
  });
  return blocks.join("\n\n");
}

function renderMarkdown(agenda: Agenda): string {
  const lines = [`## Calendar, ${agenda.window.from} to ${agenda.window.to}`, ""];
  if (agenda.days.length === 0) lines.push("No posts in this window.");
  for (const day of agenda.days) {
    lines.push(`### ${dayTitle(day.date)}`, "", "| time | channel | post | status | note | text |", "| --- | --- | --- | --- | --- | --- |");
    for (const e of day.entries) {
      lines.push(`| ${cell(timeOf(e))} | ${cell(`${e.kind === "stand-in" ? "↳ " : ""}${e.channel}`)} | ${cell(e.id)} | ${e.status} | ${cell(noteOf(e))} | ${cell(firstLine(e.text, 80))} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

export async function run(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const windowMs = windowOf(options.window);
  const { config, calendar } = await loadProjectFor(ctx);
  const channels = (options.channel as string[] | undefined) ?? [];
  for (const name of channels) {
    if (!resolveChannel(config, name) && !calendar.posts.some((p) => p.channel === name)) {
      throw new UsageError(`no channel "${name}" in the config or the calendar${didYouMean(name, knownChannelNames(config))}`, "--channel");
    }
  }
  const agenda = buildAgenda(calendar, config, { now: ctx.now, windowMs, channels });
  const { out } = ctx;
  if (out.format === "json") {
    out.json({ schemaVersion: 1, now: formatInZone(ctx.now, "UTC"), calendar: calendar.file, config: configJson(config), ...(channels.length ? { channels } : {}), ...agenda });
  } else if (out.format === "markdown") {
    out.data(renderMarkdown(agenda));
  } else if (agenda.days.length === 0) {
    const next = calendar.posts.filter((p) => p.at >= ctx.now + windowMs && (channels.length === 0 || channels.includes(p.channel))).sort((a, b) => a.at - b.at)[0];
    out.prose(`No posts between ${agenda.window.from} and ${agenda.window.to}.${next ? ` The next is ${next.id} (${next.channel}) at ${formatInZone(next.at, next.zone ?? calendar.timezone ?? "UTC")}: widen --window.` : ""}`);
  } else {
    out.prose(renderDays(out, agenda));
    out.info(`${agenda.count} post${agenda.count === 1 ? "" : "s"} from ${agenda.window.from} to ${agenda.window.to}`);
  }
  return ExitCode.Go;
}
