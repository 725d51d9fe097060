/** Channel health for people (a table with each source's answer) and for scripts (contract JSON). */
import { worse, type HealthStatus } from "../../health/status.js";
import type { ChannelHealth } from "../../health/types.js";
import type { Held } from "../../health/thresholds.js";
import type { Output } from "../output.js";
import { renderTable } from "../table.js";

export function paintStatus(out: Output, status: HealthStatus): string {
  const label = status.replace("_", " ");
  switch (status) {
    case "operational":
      return out.c.green(label);
    case "degraded":
    case "maintenance":
      return out.c.yellow(label);
    case "partial_outage":
    case "major_outage":
      return out.c.red.bold(label);
    default:
      return out.c.magenta(label);
  }
}

/** The contract's `channels` array: name, platform, status, sources [{kind, url, status, latencyMs, error?}]. */
export function channelsJson(channels: readonly ChannelHealth[]): unknown[] {
  return channels.map((c) => ({
    name: c.name,
    platform: c.platform,
    status: c.status,
    ...(c.assumed ? { assumed: true } : {}),
    ...(c.note ? { note: c.note } : {}),
    ...(c.held ? { held: c.held } : {}),
    sources: c.sources.map((s) => ({
      kind: s.kind,
      name: s.name,
      ...(s.url !== undefined ? { url: s.url } : {}),
      status: s.status,
      latencyMs: s.latencyMs,
      ...(s.error !== undefined ? { error: s.error } : {}),
      ...(s.detail !== undefined ? { detail: s.detail } : {}),
    })),
  }));
}

/** Why a status is kept against the sources, e.g. "held: 1/3 bad answers (major outage since 12:00Z)". */
export function heldNote(held: Held, kept: HealthStatus): string {
  // Answers worse than the status kept are bad ones not yet believed; better ones, good ones.
  const kind = kept !== "unknown" && worse(held.raw, kept) === held.raw ? "bad" : "good";
  return `held: ${held.count}/${held.threshold} ${kind} answers (the sources say ${held.raw.replace("_", " ")} since ${held.since})`;
}

export function renderHealthTable(out: Output, channels: readonly ChannelHealth[]): string {
  const rows: string[][] = [];
  for (const c of channels) {
    const first = [out.c.bold(c.name), c.platform, paintStatus(out, c.status)];
    if (c.assumed) {
      rows.push([...first, "--assume", "", ""]);
      continue;
    }
    if (c.sources.length === 0) {
      rows.push([...first, "(none)", "", out.c.dim(c.note ?? "")]);
      continue;
    }
    c.sources.forEach((s, i) => {
      const answer = s.error ? out.c.magenta(s.error) : out.c.dim(s.detail ?? "");
      const cells = [s.name, `${s.latencyMs} ms`, `${s.status === c.status || (c.sources.length === 1 && !c.held) ? "" : `${s.status.replace("_", " ")}: `}${answer}`];
      rows.push(i === 0 ? [...first, ...cells] : ["", "", "", ...cells]);
    });
    if (c.held) rows.push(["", "", "", out.c.yellow("held"), "", heldNote(c.held, c.status)]);
  }
  const head = ["channel", "platform", "status", "source", "latency", "answer"];
  return renderTable(head, rows, { width: out.columns, styleHead: (line) => out.c.dim(line) });
}
