/**
 * The health history: `.failover/history.jsonl`, one line per channel per check (time, channel,
 * status, each source's status). Bounded: past `maxBytes` the file is rotated to
 * `history.jsonl.1` (one generation kept), so a loop running for months never fills a disk.
 */
import { appendFile, mkdir, rename, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { HealthStatus } from "../health/status.js";
import type { ChannelHealth } from "../health/types.js";
import { STATE_FOLDER } from "../health/state-file.js";
import { readRegularFile } from "../yaml/read-file.js";

export const HISTORY_FILE = "history.jsonl";
/** About 10,000 checks of a few channels. */
export const DEFAULT_HISTORY_MAX_BYTES = 1_000_000;

export interface HistoryEntry {
  /** ISO time of the check (UTC). */
  at: string;
  channel: string;
  status: HealthStatus;
  sources: Array<{ name: string; status: HealthStatus }>;
}

export function historyFileIn(folder: string): string {
  return join(folder, STATE_FOLDER, HISTORY_FILE);
}

export function historyEntries(channels: readonly ChannelHealth[], at: string): HistoryEntry[] {
  return channels.map((c) => ({ at, channel: c.name, status: c.status, sources: c.sources.map((s) => ({ name: s.name, status: s.status })) }));
}

/** Appends the entries, rotating first when the file has grown past maxBytes. */
export async function appendHistory(file: string, entries: readonly HistoryEntry[], maxBytes = DEFAULT_HISTORY_MAX_BYTES): Promise<void> {
  if (entries.length === 0) return;
  // The first run in a project has no .failover/ yet (with --no-state nothing else made it).
  await mkdir(dirname(file), { recursive: true });
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > 0 && size >= maxBytes) await rename(file, `${file}.1`);
  await appendFile(file, entries.map((e) => JSON.stringify(e)).join("\n") + "\n");
}

/** The entries at or after `since` (ms), from the rotated generation and the current file; bad lines are skipped. */
export async function readHistory(file: string, since: number): Promise<HistoryEntry[]> {
  const out: HistoryEntry[] = [];
  for (const path of [`${file}.1`, file]) {
    // A regular file only, within the input cap: a FIFO or a device put there must not hang
    // `status --history`; what cannot be read is no history (the timeline shows gaps).
    const text = await readRegularFile(path).then((b) => b.toString("utf8"), () => "");
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as HistoryEntry;
        if (typeof e.at === "string" && typeof e.channel === "string" && typeof e.status === "string" && Date.parse(e.at) >= since) out.push(e);
      } catch {
        // a line cut short by a crash: the next ones still count
      }
    }
  }
  return out;
}

/** How bad a status is, for a bucket holding several checks: the worst one shows. */
const SEVERITY: Record<string, number> = { operational: 1, degraded: 2, unknown: 3, partial_outage: 4, major_outage: 5 };

export interface TimelineRow {
  channel: string;
  /** One per interval, oldest first; undefined where no check fell. */
  cells: Array<HealthStatus | undefined>;
}

/** The per-channel timeline from `from` to `to` in `columns` intervals; each cell the worst status checked in it. */
export function timeline(entries: readonly HistoryEntry[], from: number, to: number, columns: number): TimelineRow[] {
  const width = Math.max(1, columns);
  const step = (to - from) / width;
  const rows = new Map<string, TimelineRow>();
  for (const e of entries) {
    const t = Date.parse(e.at);
    if (!(t >= from && t <= to)) continue;
    const i = Math.min(width - 1, Math.floor((t - from) / step));
    let row = rows.get(e.channel);
    if (!row) rows.set(e.channel, (row = { channel: e.channel, cells: new Array<HealthStatus | undefined>(width).fill(undefined) }));
    const old = row.cells[i];
    if (old === undefined || (SEVERITY[e.status] ?? 0) > (SEVERITY[old] ?? 0)) row.cells[i] = e.status;
  }
  return [...rows.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}
