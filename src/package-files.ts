/** Files shipped in the package (config/, schema/, package.json), found from this module. */
import { fileURLToPath } from "node:url";

/** The package root: this file is at src/ (tests) or dist/ (the built CLI), one level down. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

export function packageFile(...parts: string[]): string {
  return [PACKAGE_ROOT.replace(/[\\/]$/, ""), ...parts].join("/");
}

/**
 * Where editors fetch a JSON Schema from: the published package's own file, pinned to this
 * version (unpkg serves every file of every npm release), so a project's `$schema` line does not
 * depend on where failover is installed and does not change under it on upgrade.
 */
export function schemaUrl(kind: "calendar" | "config", version: string): string {
  return `https://unpkg.com/failover@${version}/schema/${kind}.schema.json`;
}
