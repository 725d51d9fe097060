/** The loaded, checked config: what the rest of the tool works with. */
import type { HealthSourceConfig } from "../health/source-schema.js";
import type { KnownStatus } from "../health/status.js";
import type { Thresholds } from "../health/thresholds.js";
import type { Platform } from "../platforms.js";
import type { ConfigLookup } from "./find.js";
import type { PostingWindow } from "../schedule/windows.js";
import type { Policy } from "./policy.js";
import type { YamlSource } from "../yaml/source.js";
import type { Env } from "../util/env.js";
import type { Diagnostic } from "../errors.js";

export interface Channel {
  name: string;
  platform: Platform;
  displayName: string;
  timezone?: string;
  windows: PostingWindow[];
  minGapMs: number;
  health: HealthSourceConfig[];
  /** Where `health` came from: the user's config, or the platform's built-in defaults. */
  healthOrigin: "config" | "builtin";
  textLimit?: number;
  instance?: string;
  /** Answers in a row needed to flip the channel down or up (see health/thresholds.ts). */
  thresholds: Thresholds;
  /** False for a channel used by platform name only, with the platform's defaults. */
  declared: boolean;
  /** The `publish:` block as written (`${ENV}` unexpanded), checked against the platform's shape. */
  publish?: Record<string, unknown>;
}

export interface Notice {
  when: string[];
  on: string[];
  text: string;
  variants: Record<string, string>;
  /** Index in the config's notices list, for ids and messages. */
  index: number;
}

export interface Defaults {
  backups: string[];
  policy: Policy;
  maxDelayMs: number;
  rerouteOn: KnownStatus[];
  timezone?: string;
  windows: PostingWindow[];
  minGapMs: number;
  thresholds: Thresholds;
  /** Rewrite campaign tags (utm_source, utm_medium) naming the old platform when a post moves. */
  retag: boolean;
}

export interface HealthSettings {
  timeoutMs: number;
  deadlineMs: number;
  concurrency: number;
  retries: number;
  /** URL prefix → replacement, applied to every source's URL before it is read. */
  mirrors: Record<string, string>;
  /** Overrides the environment's HTTPS_PROXY/HTTP_PROXY/NO_PROXY (health/proxy.ts). */
  proxy?: { url?: string; noProxy?: string };
}

export interface Config {
  /** Absent when no config file exists and built-in defaults are used. */
  file?: string;
  /** How the file was found (or that none was), when loadConfig looked for it. */
  lookup?: ConfigLookup;
  source?: YamlSource;
  /** SHA-256 of the config file's text: a saved plan is refused under another config. */
  sha256?: string;
  defaults: Defaults;
  /** Channels declared in the config, in file order. */
  channels: Map<string, Channel>;
  handles: Record<string, Record<string, string>>;
  notices: Notice[];
  health: HealthSettings;
  /** Values of the environment variables the config uses: redacted from all output. */
  secrets: string[];
  env: Env;
  /** Problems that stop nothing but should be said (e.g. an unset `${VAR}`), for `validate`. */
  warnings: Diagnostic[];
}
