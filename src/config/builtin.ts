/**
 * Built-in platform defaults (config/platforms.yaml in the package): display names and the real
 * public status sources used when a channel names none. Read once, validated like user input:
 * a broken defaults file is a bug in the package, reported as such.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
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

/**
 * The defaults, read with a plain YAML parse: at start-up every millisecond counts, and the file
 * ships with the package, so it is validated against `builtinSchema` by the test suite
 * (tests/config/builtin.test.ts) rather than on every run.
 */
export function builtinDefaults(): Record<Platform, PlatformDefaults> {
  cached ??= (parse(readFileSync(BUILTIN_DEFAULTS_FILE, "utf8")) as { platforms: Record<Platform, PlatformDefaults> }).platforms;
  return cached;
}

/** Validates the defaults file as user input is validated: every problem, or none. */
export function checkBuiltinDefaults(text = readFileSync(BUILTIN_DEFAULTS_FILE, "utf8")): string[] {
  const { value, diagnostics } = parseYaml(BUILTIN_DEFAULTS_FILE, text);
  const problems = diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);
  const parsed = builtinSchema.safeParse(value);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return problems;
}
