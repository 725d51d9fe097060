/**
 * Once around the whole run: every temp folder the tests and the CLIs they start make goes into
 * one private folder (TMPDIR, TMP and TEMP point at it; workers and child processes inherit
 * them), removed at the end, so a run leaves nothing in the machine's temp folder. And the
 * repository must be as the run found it: a test that wrote into fixtures/ fails the run.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * What the CLI writes beside a project when a test forgets --no-state or a copy: a `.failover`
 * folder at the top or anywhere under fixtures/ (every fixture calendar is a project to the CLI).
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

export default function setup(): () => void {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  const root = mkdtempSync(join(tmpdir(), "failover-tests-"));
  const before = stateFolders();
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(root, { recursive: true, force: true });
    const written = stateFolders().filter((p) => !before.includes(p));
    if (written.length > 0) throw new Error(`the tests wrote into the repository: ${written.join(", ")} (use --no-state or a copy of the fixture)`);
  };
}
