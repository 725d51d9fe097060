/** What a health check answers: per source, and per channel (the contract's `channels` JSON). */
import type { HealthStatus, KnownStatus } from "./status.js";
import type { Held } from "./thresholds.js";
import type { HealthSourceConfig } from "./source-schema.js";
import type { Env } from "../util/env.js";
import type { Fetcher } from "./transport.js";

export interface SourceResult {
  kind: string;
  /** A label: the source's `name`, or its kind and host. */
  name: string;
  /** As written in the config (with `${ENV}` unexpanded): safe to print. */
  url?: string;
  status: HealthStatus;
  latencyMs: number;
  /** Why the source is `unknown` (or what went wrong), in a few words. */
  error?: string;
  /** What the source said, e.g. "Feed: major_outage" or "incident: Feed unavailable". */
  detail?: string;
}

export interface ChannelHealth {
  name: string;
  platform: string;
  status: HealthStatus;
  sources: SourceResult[];
  /** Set by --assume: no source was read. */
  assumed?: boolean;
  /** Why there is nothing to read, for a channel with no source. */
  note?: string;
  /** Set when the thresholds keep the channel's status against what its sources said. */
  held?: Held;
}

/** What a source checker answers; the runner adds kind, name, url and latency. */
export type SourceAnswer = { status: KnownStatus; detail?: string } | { status: "unknown"; error: string; detail?: string };

export interface SourceContext {
  fetch: Fetcher;
  now: number;
  env: Env;
  /** file: URLs are resolved against this folder (the config file's). */
  baseDir: string;
  timeoutMs: number;
}

/** One source kind: how to read its answer. All kinds have this shape (see sources/). */
export interface SourceChecker<K extends HealthSourceConfig["kind"] = HealthSourceConfig["kind"]> {
  kind: K;
  check(source: Extract<HealthSourceConfig, { kind: K }>, ctx: SourceContext): Promise<SourceAnswer>;
}
