/** The package version, read once from package.json (for --version and the User-Agent). */
import { createRequire } from "node:module";

export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
