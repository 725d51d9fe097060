/**
 * Where a command's documentation is: a page of the docs/ folder shipped in the package, as a
 * path on this disk. Not a web address: package.json's repository/homepage name the project's
 * intended public home, which may not be online, and the pages installed with this version are
 * the ones that match the commands it runs.
 */
import { packageFile } from "../package-files.js";

/** The path of a page of docs/ (`""` for the folder), or of another shipped file such as README.md. */
export function docLink(page: string): string {
  return packageFile("docs", page);
}

/** The README shipped in the package: the top-level help's first pointer. */
export function readmeLink(): string {
  return packageFile("README.md");
}
