/** Loading the config file into a checked Config, every problem reported with its position. */
import { createHash } from "node:crypto";
import { InputError, sortDiagnostics, type Diagnostic } from "../errors.js";
import { didYouMeanChannel, isPlatform, PLATFORMS, type Platform } from "../platforms.js";
import { didYouMean } from "../util/did-you-mean.js";
import { readTextFile } from "../yaml/read-file.js";
import { locate, parseYaml, type DataPath, type YamlSource } from "../yaml/source.js";
import { zodIssuesToDiagnostics, formatPath } from "../yaml/zod-diagnostics.js";
import { DEFAULT_THRESHOLDS } from "../health/thresholds.js";
import { builtinDefaults } from "./builtin.js";
import { findConfig } from "./find.js";
import { isValidTimeZone } from "../time/zone.js";
import { envRefs, secretValues, type Env } from "../util/env.js";
import type { Channel, Config, Defaults, HealthSettings } from "./model.js";
import { configSchema, type RawChannel, type RawConfig } from "./schema.js";
import { PUBLISH_SETTINGS } from "./publish-settings.js";
import { z } from "zod";

export { DEFAULT_CONFIG_PATH } from "../project-defaults.js";

export const BUILTIN_HEALTH_SETTINGS: HealthSettings = { timeoutMs: 5_000, deadlineMs: 20_000, concurrency: 16, retries: 2, mirrors: {} };
const BUILTIN_DEFAULTS: Defaults = {
  backups: [],
  policy: "reroute",
  maxDelayMs: 6 * 3_600_000,
  rerouteOn: ["partial_outage", "major_outage"],
  windows: [],
  minGapMs: 0,
  thresholds: DEFAULT_THRESHOLDS,
  retag: true,
};

export interface LoadConfigOptions {
  /** The path given with --config; when absent the config is looked for (findConfig) and may be missing. */
  file?: string;
  /** The calendar the config is for: the lookup starts beside it (else in the current folder). */
  calendar?: string;
  env?: Env;
}

/** A channel for a platform used by name with no config entry: the platform with its defaults. */
export function implicitChannel(platform: Platform, defaults: Defaults): Channel {
  const builtin = builtinDefaults()[platform];
  return {
    name: platform,
    platform,
    displayName: builtin.displayName,
    ...(defaults.timezone ? { timezone: defaults.timezone } : {}),
    windows: defaults.windows,
    minGapMs: defaults.minGapMs,
    health: builtin.health,
    healthOrigin: "builtin",
    thresholds: defaults.thresholds,
    declared: false,
  };
}

/** The channel a name refers to: a declared channel, or a platform name used with defaults. */
export function resolveChannel(config: Config, name: string): Channel | undefined {
  const declared = config.channels.get(name);
  if (declared) return declared;
  return isPlatform(name) ? implicitChannel(name, config.defaults) : undefined;
}

/** Names a calendar or config may use for a channel: declared channels and platform names. */
export function knownChannelNames(config: Config): string[] {
  return [...new Set([...config.channels.keys(), ...PLATFORMS])];
}

export function emptyConfig(env: Env = process.env): Config {
  return {
    defaults: BUILTIN_DEFAULTS,
    channels: new Map(),
    handles: {},
    notices: [],
    health: BUILTIN_HEALTH_SETTINGS,
    secrets: [],
    env,
    warnings: [],
  };
}

/** The config for a calendar: --config, else found beside it or above it (findConfig); built-in defaults when none is. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const env = options.env ?? process.env;
  const lookup = findConfig({ ...(options.file !== undefined ? { flag: options.file } : {}), ...(options.calendar ? { calendar: options.calendar } : {}) });
  if (!lookup.file) return { ...emptyConfig(env), lookup };
  const { text } = await readTextFile(lookup.file);
  return { ...parseConfig(lookup.file, text, env), lookup };
}

/**
 * A stand-in for a config that has errors, so `validate` can still check the calendar against it:
 * the channels it declares (their platform where it is right, else a guess), the zones that are
 * right, nothing else. Never throws: at worst, the built-in defaults.
 */
export async function lenientConfig(file: string, env: Env = process.env): Promise<Config> {
  try {
    const { text } = await readTextFile(file);
    const value = parseYaml(file, text).value as { channels?: unknown; defaults?: { timezone?: unknown } } | undefined;
    const zone = (z: unknown) => (typeof z === "string" && isValidTimeZone(z) ? z : undefined);
    const channels: Record<string, Record<string, unknown>> = {};
    if (value?.channels && typeof value.channels === "object") {
      for (const [name, raw] of Object.entries(value.channels as Record<string, unknown>)) {
        const c = (raw && typeof raw === "object" ? raw : {}) as { platform?: unknown; timezone?: unknown };
        const platform = typeof c.platform === "string" && isPlatform(c.platform) ? c.platform : isPlatform(name) ? name : "webhook";
        const tz = zone(c.timezone);
        channels[name] = { platform, ...(tz ? { timezone: tz } : {}) };
      }
    }
    const tz = zone(value?.defaults?.timezone);
    // JSON is YAML: the synthesized config goes through the same parser as any other.
    return parseConfig(file, JSON.stringify({ version: 1, ...(tz ? { defaults: { timezone: tz } } : {}), channels }), env);
  } catch {
    return emptyConfig(env);
  }
}

/** Parses and checks config text; throws InputError with every problem found. */
export function parseConfig(file: string, text: string, env: Env = process.env): Config {
  const parsed = parseYaml(file, text);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined) throw new InputError(sortDiagnostics(diagnostics));
  const source = parsed.source;

  const result = configSchema.safeParse(parsed.value);
  if (!result.success) diagnostics.push(...zodIssuesToDiagnostics(source, result.error.issues, configSchema, parsed.value));
  const templates = checkEnv(source, parsed.value, env, diagnostics);
  // The checks between parts run on what was written even when its shape is wrong somewhere, so
  // one mistake does not hide another (each reads only the values it can make sense of).
  const raw = (parsed.value && typeof parsed.value === "object" ? parsed.value : {}) as Record<string, unknown>;
  checkPlatforms(raw, source, diagnostics);
  crossCheck(raw, source, diagnostics);
  checkPublishBlocks(raw, source, parsed.value, diagnostics);
  if (!result.success || diagnostics.some((d) => d.severity === "error")) throw new InputError(sortDiagnostics(dedupe(diagnostics)));
  const warnings = sortDiagnostics(diagnostics.filter((d) => d.severity === "warning"));
  return { ...buildConfig(file, source, result.data, env, templates), sha256: createHash("sha256").update(text, "utf8").digest("hex"), warnings };
}

/** A channel named like a platform may leave `platform` out; any other must say which it is on. */
function checkPlatforms(raw: Record<string, unknown>, source: YamlSource, diagnostics: Diagnostic[]): void {
  for (const [name, c] of Object.entries(objectOr(raw.channels))) {
    if ((c && typeof c === "object" && "platform" in c) || isPlatform(name)) continue;
    diagnostics.push({
      file: source.file,
      ...locate(source, ["channels", name], { key: true }),
      severity: "error",
      message: `channels.${name}: platform is required: "${name}" is not a platform name${didYouMean(name, [...PLATFORMS])} (write e.g. platform: x)`,
    });
  }
}

function objectOr(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The same problem found by two checks is said once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.col}:${d.message}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/**
 * Each channel's `publish:` block against its platform's shape (src/config/publish-settings.ts); a
 * platform that cannot publish yet says so.
 */
function checkPublishBlocks(raw: Record<string, unknown>, source: YamlSource, data: unknown, diagnostics: Diagnostic[]): void {
  for (const [name, c] of Object.entries(objectOr(raw.channels))) {
    const channel = objectOr(c);
    if (channel.publish === undefined) continue;
    const platform = typeof channel.platform === "string" ? channel.platform : name;
    if (!isPlatform(platform)) continue; // reported by checkPlatforms or the schema
    const shape = PUBLISH_SETTINGS[platform];
    if (!shape) {
      diagnostics.push({
        file: source.file,
        ...locate(source, ["channels", name, "publish"], { key: true }),
        severity: "error",
        message: `channels.${name}.publish: failover cannot publish to ${platform} yet; it publishes to ${Object.keys(PUBLISH_SETTINGS).join(", ")}`,
      });
      continue;
    }
    const r = shape.safeParse(channel.publish);
    if (r.success) continue;
    // The platform's shape placed where it is in the file, so messages and did-you-mean name the full path.
    const wrapper = z.object({ channels: z.object({ [name]: z.object({ publish: shape }) }) });
    const issues = r.error.issues.map((i) => ({ ...i, path: ["channels", name, "publish", ...i.path] }));
    diagnostics.push(...zodIssuesToDiagnostics(source, issues, wrapper, data));
  }
}

/**
 * Collects every `${NAME}` template so its value can be redacted. A variable that is not set is a
 * warning, not an error: only what needs it fails (a health source reads `unknown`, a channel's
 * publishing fails, each naming the variable), so a fork's CI with no secrets still validates.
 */
function checkEnv(source: YamlSource, value: unknown, env: Env, diagnostics: Diagnostic[]): string[] {
  const templates: string[] = [];
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (typeof v === "string") {
      const names = envRefs(v);
      if (names.length === 0) return;
      templates.push(v);
      for (const name of names) {
        if (env[name] === undefined) {
          diagnostics.push({
            file: source.file,
            ...locate(source, path),
            severity: "warning",
            message: `${formatPath(path)}: environment variable ${name} is not set; ${unsetConsequence(path)}`,
          });
        }
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
    }
  };
  walk(value, []);
  return templates;
}

/** What an unset variable at this place in the config stops, in a few words. */
function unsetConsequence(path: PropertyKey[]): string {
  if (path[0] === "channels" && path[2] === "health") return "this health source reads unknown until it is set";
  if (path[0] === "channels" && path[2] === "publish") return "publishing on this channel fails until it is set";
  return "it reads as empty until it is set";
}

function buildConfig(file: string, source: YamlSource, raw: RawConfig, env: Env, templates: string[]): Omit<Config, "warnings"> {
  const d = raw.defaults ?? {};
  const defaults: Defaults = {
    backups: d.backups ?? BUILTIN_DEFAULTS.backups,
    policy: d.policy ?? BUILTIN_DEFAULTS.policy,
    maxDelayMs: d.maxDelay ?? BUILTIN_DEFAULTS.maxDelayMs,
    rerouteOn: d.rerouteOn ?? BUILTIN_DEFAULTS.rerouteOn,
    ...(d.timezone ? { timezone: d.timezone } : {}),
    windows: d.windows ?? BUILTIN_DEFAULTS.windows,
    minGapMs: d.minGap ?? BUILTIN_DEFAULTS.minGapMs,
    thresholds: { failure: d.failureThreshold ?? DEFAULT_THRESHOLDS.failure, success: d.successThreshold ?? DEFAULT_THRESHOLDS.success },
    retag: d.retag ?? BUILTIN_DEFAULTS.retag,
  };
  const channels = new Map<string, Channel>();
  for (const [name, c] of Object.entries(raw.channels ?? {})) channels.set(name, buildChannel(name, c, defaults));
  const h = raw.health ?? {};
  return {
    file,
    source,
    defaults,
    channels,
    handles: raw.handles ?? {},
    notices: (raw.notices ?? []).map((n, index) => ({
      when: typeof n.when === "string" ? [n.when] : n.when,
      on: n.on,
      text: n.text,
      variants: n.variants ?? {},
      index,
    })),
    health: {
      timeoutMs: h.timeout ?? BUILTIN_HEALTH_SETTINGS.timeoutMs,
      deadlineMs: h.deadline ?? BUILTIN_HEALTH_SETTINGS.deadlineMs,
      concurrency: h.concurrency ?? BUILTIN_HEALTH_SETTINGS.concurrency,
      retries: h.retries ?? BUILTIN_HEALTH_SETTINGS.retries,
      mirrors: h.mirrors ?? {},
      ...(h.proxy !== undefined || h.noProxy !== undefined ? { proxy: { ...(h.proxy !== undefined ? { url: h.proxy } : {}), ...(h.noProxy !== undefined ? { noProxy: h.noProxy } : {}) } } : {}),
    },
    ...(raw.autopilot
      ? {
          autopilot: {
            ...(raw.autopilot.maxAutoMoves !== undefined ? { maxAutoMoves: raw.autopilot.maxAutoMoves } : {}),
            ...(raw.autopilot.confirmFor !== undefined ? { confirmForMs: raw.autopilot.confirmFor } : {}),
            ...(raw.autopilot.neverMove?.campaigns ? { neverMoveCampaigns: raw.autopilot.neverMove.campaigns } : {}),
          },
        }
      : {}),
    secrets: secretValues(templates, env),
    env,
  };
}

function buildChannel(name: string, raw: RawChannel, defaults: Defaults): Channel {
  // Checked in parseConfig: a channel without `platform` is named like one.
  const c = { ...raw, platform: raw.platform ?? (name as Platform) };
  const builtin = builtinDefaults()[c.platform];
  const timezone = c.timezone ?? defaults.timezone;
  return {
    name,
    platform: c.platform,
    displayName: c.displayName ?? (name === c.platform ? builtin.displayName : `${builtin.displayName} (${name})`),
    ...(timezone ? { timezone } : {}),
    windows: c.windows ?? defaults.windows,
    minGapMs: c.minGap ?? defaults.minGapMs,
    health: c.health ?? builtin.health,
    healthOrigin: c.health ? "config" : "builtin",
    ...(c.textLimit !== undefined ? { textLimit: c.textLimit } : {}),
    ...(c.instance ? { instance: c.instance } : {}),
    ...(c.publish ? { publish: c.publish } : {}),
    thresholds: { failure: c.failureThreshold ?? defaults.thresholds.failure, success: c.successThreshold ?? defaults.thresholds.success },
    declared: true,
  };
}

/** References between parts of the config: backups, notices and handles name real channels. */
function crossCheck(raw: Record<string, unknown>, source: YamlSource, diagnostics: Diagnostic[]): void {
  const names = [...new Set([...Object.keys(objectOr(raw.channels)), ...PLATFORMS])];
  const known = new Set(names);
  const err = (path: DataPath, message: string) =>
    diagnostics.push({ file: source.file, ...locate(source, path), severity: "error", message });
  const checkName = (path: DataPath, name: unknown) => {
    if (typeof name === "string" && !known.has(name)) err(path, `${formatPath(path)}: unknown channel "${name}"${didYouMeanChannel(name, names)}; declare it under channels or use a platform name`);
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  list(objectOr(raw.defaults).backups).forEach((b, i) => checkName(["defaults", "backups", i], b));
  list(raw.notices).forEach((value, i) => {
    const n = objectOr(value);
    if (typeof n.when === "string") checkName(["notices", i, "when"], n.when);
    else list(n.when).forEach((w, j) => checkName(["notices", i, "when", j], w));
    list(n.on).forEach((o, j) => checkName(["notices", i, "on", j], o));
    for (const key of Object.keys(objectOr(n.variants))) checkName(["notices", i, "variants", key], key);
  });
  for (const [identity, byTarget] of Object.entries(objectOr(raw.handles))) {
    for (const target of Object.keys(objectOr(byTarget))) checkName(["handles", identity, target], target);
  }
}
