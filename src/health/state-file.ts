/**
 * The thresholds' memory, `.failover/state.json`: each channel's decided status and the run of
 * answers that disagree with it. Read leniently (a missing file is a first run; a corrupt one is
 * a warning and starts afresh, never a crash) and written atomically, so two runs never leave a
 * half-written file; the later of two concurrent runs wins.
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../util/atomic-write.js";
import { combineStatuses, HEALTH_STATUSES, type KnownStatus } from "./status.js";
import { AT_ONCE, decide, PROBE_KINDS, type ChannelState, type Thresholds } from "./thresholds.js";
import type { ChannelHealth } from "./types.js";

const known = z.enum(HEALTH_STATUSES);
const channelState = z.object({
  status: known,
  since: z.string(),
  pending: z.object({ status: known, count: z.number().int().positive(), since: z.string() }).optional(),
});
const stateFile = z.object({ version: z.literal(1), channels: z.record(z.string(), channelState) });

export type HealthState = Record<string, ChannelState>;

export const STATE_FOLDER = ".failover";
export const STATE_FILE = "state.json";

/** The state, and a warning when the file was there but could not be used. */
export async function loadState(path: string): Promise<{ state: HealthState; warning?: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return { state: {} };
    return { state: {}, warning: `${path}: cannot read the health state (${(error as Error).message.split("\n")[0]}); thresholds start afresh` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: {}, warning: `${path}: the health state is not JSON; it is rebuilt from this run` };
  }
  const parsed = stateFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { state: {}, warning: `${path}: not a health state file (${issue.path.join(".") || "(root)"}: ${issue.message}); it is rebuilt from this run` };
  }
  return { state: parsed.data.channels as HealthState };
}

/** Writes the state atomically; a failure is a warning to show, not an error. */
export async function saveState(path: string, state: HealthState): Promise<string | undefined> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, JSON.stringify({ version: 1, channels: state }, null, 2) + "\n");
    return undefined;
  } catch (error) {
    return `${path}: cannot write the health state (${(error as Error).message.split("\n")[0]}); the next run starts afresh`;
  }
}

/**
 * Each channel's status after the thresholds, with `held` where they kept it; `state` is updated
 * in place. Channels set by --assume are simulations: they neither read nor change the state.
 * An answer that an official status page (any kind but a probe) gives for the side the channel
 * is on now is taken at once, going down and coming back: a declared incident is not a flap.
 */
export function applyThresholds(
  channels: readonly ChannelHealth[],
  thresholdsOf: (channel: string) => Thresholds,
  isDown: (status: KnownStatus) => boolean,
  state: HealthState,
  now: string,
): ChannelHealth[] {
  return channels.map((c) => {
    if (c.assumed) return c;
    const declared = combineStatuses(c.sources.filter((s) => !PROBE_KINDS.has(s.kind)).map((s) => s.status));
    const atOnce = declared !== "unknown" && c.status !== "unknown" && isDown(declared) === isDown(c.status);
    const d = decide(state[c.name], c.status, now, atOnce ? AT_ONCE : thresholdsOf(c.name), isDown);
    if (d.next) state[c.name] = d.next;
    return { ...c, status: d.status, ...(d.held ? { held: d.held } : {}) };
  });
}
