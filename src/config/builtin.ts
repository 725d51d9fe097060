/**
 * Built-in platform defaults (config/platforms.yaml in the package): display names and the real
 * public status sources used when a channel names none. Read once, validated like user input:
 * a broken defaults file is a bug in the package, reported as such.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { PLATFORMS, type Platform } from "../platforms.js";
import { healthSource, type HealthSourceConfig } from "../health/source-schema.js";
import { parseYaml } from "../yaml/source.js";
import { packageFile } from "../package-files.js";

const platformDefaults = z.strictObject({
  displayName: z.string(),
  statusPage: z.string().optional(),
  health: z.array(healthSource),
  note: z.string().optional(),
});

const builtinSchema = z.strictObject({
  version: z.literal(1),
  platforms: z.record(z.enum(PLATFORMS), platformDefaults),
});

export interface PlatformDefaults {
  displayName: string;
  statusPage?: string;
  health: HealthSourceConfig[];
  note?: string;
}

export const BUILTIN_DEFAULTS_FILE = packageFile("config", "platforms.yaml");

let cached: Record<Platform, PlatformDefaults> | undefined;

export function builtinDefaults(): Record<Platform, PlatformDefaults> {
  if (cached) return cached;
  const { value, diagnostics } = parseYaml(BUILTIN_DEFAULTS_FILE, readFileSync(BUILTIN_DEFAULTS_FILE, "utf8"));
  const parsed = builtinSchema.safeParse(value);
  if (diagnostics.some((d) => d.severity === "error") || !parsed.success) {
    throw new Error(`the package's ${BUILTIN_DEFAULTS_FILE} is invalid: ${parsed.error?.message ?? diagnostics[0]?.message}`);
  }
  for (const p of PLATFORMS) {
    if (!parsed.data.platforms[p]) throw new Error(`the package's ${BUILTIN_DEFAULTS_FILE} has no entry for ${p}`);
  }
  cached = parsed.data.platforms as Record<Platform, PlatformDefaults>;
  return cached;
}
