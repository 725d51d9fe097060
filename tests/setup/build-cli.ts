/**
 * CLI tests spawn the built CLI (dist/), as a user runs it. Before any test runs, this rebuilds
 * dist/ once when anything it is built from is newer than it, so `npx vitest` right after an
 * edit of src/ tests the edit, never yesterday's build. This is how `npm test` and `npm run
 * test:slow` build (no pretest script): a fresh checkout is built once, and a run after no change
 * skips the build's 10 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What dist/ is made from: the sources, the build scripts and configs, the package's files. */
const INPUTS = ["src", "scripts/bundle.js", "scripts/write-schemas.js", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];
/** The build's last output (scripts/bundle.js writes it last). */
const OUTPUT = join(ROOT, "dist", "cli.js");

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function isStale(): boolean {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return INPUTS.map((p) => join(ROOT, p)).some((p) => existsSync(p) && newest(p) > built);
}

export default function setup(): void {
  if (!isStale()) return;
  const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status}): the CLI tests would run stale or missing code`);
}
