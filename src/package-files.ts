/** Files shipped in the package (config/, schema/, package.json), found from this module. */
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: this file is at src/ (tests) or dist/ (the built CLI), one level down. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

export function packageFile(...parts: string[]): string {
  return [PACKAGE_ROOT.replace(/[\\/]$/, ""), ...parts].join("/");
}

/**
 * Where a project's editor finds failover's JSON Schema: the copy npm installs in the project's
 * node_modules, as a path relative to the file that names it (yaml-language-server resolves it
 * from there). Not a web address: no published copy of this package is known to exist at one,
 * and the installed copy is the one that matches the version the project runs.
 */
export function projectSchemaPath(kind: "calendar" | "config", projectRoot: string, fromFolder: string): string {
  const path = relative(fromFolder, join(projectRoot, "node_modules", "failover", "schema", `${kind}.schema.json`)).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}
