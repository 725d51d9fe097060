/**
 * Once around the whole run: every temp folder the tests and the CLIs they start make goes into
 * one private folder (TMPDIR, TMP and TEMP point at it, and the CLI's code cache,
 * FAILOVER_CODE_CACHE_DIR; workers and child processes inherit them), removed at the end, so a run leaves nothing in the machine's temp folder. And the
 * repository must be as the run found it. The run fails, naming the paths, when a test
 * - wrote a file into the repository (a `.failover` state folder, a `.bak`, a stray temp file),
 * - changed a file under fixtures/ (every fixture calendar is a project to the CLI), or
 * - left a `failover-*` folder in the machine's temp folder (a child started without our TMPDIR).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What a run rebuilds or installs: not the tests' doing. */
const BUILT = [":!node_modules", ":!dist", ":!coverage"];

/**
 * What the CLI writes beside a project when a test forgets --no-state or a copy: a `.failover`
 * folder at the top or anywhere under fixtures/. Checked without git too (a tarball, no .git).
 */
function stateFolders(): string[] {
  const found = existsSync(join(ROOT, ".failover")) ? [join(ROOT, ".failover")] : [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === ".failover") found.push(path);
      else walk(path);
    }
  };
  walk(join(ROOT, "fixtures"));
  return found;
}

/**
 * The repository's files that are new (untracked or ignored, each file listed) or, under
 * fixtures/, changed: git's view, or null when this is no git checkout. Changes elsewhere are a
 * developer's edits during the run, not the tests'.
 */
function repositoryChanges(): Set<string> | null {
  const r = spawnSync("git", ["status", "--porcelain", "--ignored", "--untracked-files=all", "--", ".", ...BUILT], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) return null;
  const lines = r.stdout.split("\n").filter((line) => line.startsWith("??") || line.startsWith("!!") || line.slice(3).startsWith("fixtures/"));
  return new Set(lines);
}

/** Our names in the machine's temp folder, but the private folders of test runs (this one's, or a parallel run's). */
function ourTempEntries(dir: string): Set<string> {
  return new Set(readdirSync(dir).filter((name) => name.startsWith("failover-") && !name.startsWith("failover-tests-")));
}

export default function setup(): () => void {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP, FAILOVER_CODE_CACHE_DIR: process.env.FAILOVER_CODE_CACHE_DIR };
  const machineTemp = tmpdir();
  const root = mkdtempSync(join(machineTemp, "failover-tests-"));
  const before = { state: stateFolders(), repo: repositoryChanges(), temp: ourTempEntries(machineTemp) };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  // The CLI's compiled-code cache (bin/code-cache.js) goes there too, not into the user's ~/.cache.
  process.env.FAILOVER_CODE_CACHE_DIR = join(root, "code-cache");
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(root, { recursive: true, force: true });
    const repo = repositoryChanges();
    const left = [
      ...stateFolders().filter((p) => !before.state.includes(p)),
      ...(repo && before.repo ? [...repo].filter((line) => !before.repo!.has(line)).map((line) => join(ROOT, line.slice(3))) : []),
      ...[...ourTempEntries(machineTemp)].filter((name) => !before.temp.has(name)).map((name) => join(machineTemp, name)),
    ];
    const unique = [...new Set(left)];
    if (unique.length === 0) return;
    // vitest 4 prints an error thrown here but still exits 0: the exit code says it too.
    process.exitCode = 1;
    throw new Error(`the tests left files behind: ${unique.join(", ")} (write into tmpdir(), use --no-state or a copy of the fixture)`);
  };
}
