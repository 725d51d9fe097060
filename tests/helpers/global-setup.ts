/**
 * Once around the whole run: every temp folder the tests and the CLIs they start make goes into
 * one private folder (TMPDIR, TMP and TEMP point at it; workers and child processes inherit
 * them), removed at the end, so a run leaves nothing in the machine's temp folder. And the
 * repository must be as the run found it: a test that wrote into fixtures/ fails the run.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What the CLI writes beside a project when a test forgets --no-state or a copy. */
const NEVER_WRITTEN = [join(ROOT, "fixtures", "demo", ".failover"), join(ROOT, ".failover")];

export default function setup(): () => void {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  const root = mkdtempSync(join(tmpdir(), "failover-tests-"));
  const before = NEVER_WRITTEN.filter((p) => existsSync(p));
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(root, { recursive: true, force: true });
    const written = NEVER_WRITTEN.filter((p) => existsSync(p) && !before.includes(p));
    if (written.length > 0) throw new Error(`the tests wrote into the repository: ${written.join(", ")} (use --no-state or a copy of the fixture)`);
  };
}
