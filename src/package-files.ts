/** Files shipped in the package (config/, schema/, package.json), found from this module. */
import { fileURLToPath } from "node:url";

/** The package root: this file is at src/ (tests) or dist/ (the built CLI), one level down. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

export function packageFile(...parts: string[]): string {
  return [PACKAGE_ROOT.replace(/[\\/]$/, ""), ...parts].join("/");
}
