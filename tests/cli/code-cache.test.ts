/**
 * bin/code-cache.js: on Node 20 the commands timed most run from a CommonJS bundle of their own
 * with V8's code cache in a per-user folder. The cache may only ever change how fast a run is:
 * same output, and a cache that is torn, altered or cannot be written never fails a run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, spawnCli, tempProject } from "../helpers/cli.js";
import { soakCases, soakRuns } from "../helpers/soak.js";

const DEMO = join(ROOT, "fixtures", "demo");
const NOW = "2026-07-14T08:30:00-04:00";
const hasNodeCompileCache = "enableCompileCache" in (await import("node:module")).default;
const manifest = JSON.parse(readFileSync(join(ROOT, "dist", "cli-commands.json"), "utf8")) as Record<string, { file: string; encoding: string }>;

// Real processes (spawnCli): the launcher's choice of bundle is what is tested, and the tests' CLI host runs the ES module bundle.
function validateIn(cacheDir: string, env: Record<string, string> = {}) {
  return spawnCli(["validate", "--now", NOW], { cwd: DEMO, env: { FAILOVER_CODE_CACHE_DIR: cacheDir, ...env } });
}

describe.skipIf(hasNodeCompileCache)("V8 code cache of the per-command bundles (Node 20)", () => {
  it("bundles the commands timed in bench/, each alone, named by their content's hash", () => {
    expect(Object.keys(manifest).sort()).toEqual(["__complete", "check", "status", "validate"]);
    for (const [command, { file }] of Object.entries(manifest)) {
      expect(file).toMatch(new RegExp(`^cli-command-${command}-[0-9a-f]{16}\\.cjs$`));
      expect(existsSync(join(ROOT, "dist", file))).toBe(true);
    }
  });

  it("the first run keeps a cache, the next uses it; both print what the ES module bundle prints", async () => {
    const dir = tempProject();
    const plain = await validateIn(dir, { FAILOVER_NO_CODE_CACHE: "1" });
    expect(readdirSync(dir)).toEqual([]);
    const first = await validateIn(dir);
    const kept = readdirSync(dir);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^cli-command-validate-[0-9a-f]{16}\.cjs-\d+-v[\d.]+-\w+\.bin$/);
    const bytes = readFileSync(join(dir, kept[0]!));
    const second = await validateIn(dir);
    // Used, not written again.
    expect(readFileSync(join(dir, kept[0]!)).equals(bytes)).toBe(true);
    for (const r of [first, second]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: plain.code, stdout: plain.stdout, stderr: plain.stderr });
  });

  it("a cache altered, torn or unreadable is set aside: the run compiles, prints the same, and keeps a good one", async () => {
    const dir = tempProject();
    const good = await validateIn(dir);
    const [name] = readdirSync(dir);
    const file = join(dir, name!);
    const bytes = readFileSync(file);
    const altered = Buffer.from(bytes);
    for (let i = 64; i < altered.length; i += 997) altered[i] = altered[i]! ^ 0xff;
    // Every kind of damage in `npm run test:slow`; an altered one in `npm test` (tests/helpers/soak.ts).
    const damaged = [altered, bytes.subarray(0, bytes.length >> 1), Buffer.from("not a cache"), Buffer.alloc(0)];
    for (const broken of soakCases(damaged, (d) => d === altered)) {
      writeFileSync(file, broken);
      const r = await validateIn(dir);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: good.code, stdout: good.stdout, stderr: good.stderr });
      // Written anew, whole: the next run takes it as it is.
      const rewritten = readFileSync(file);
      expect(rewritten.subarray(0, 6).toString()).toBe("FOCC1\n");
      await validateIn(dir);
      expect(readFileSync(file).equals(rewritten)).toBe(true);
    }
  });

  it("a FIFO or a folder where the cache file goes never hangs or fails a run; a FIFO is replaced by a good cache", async () => {
    const dir = tempProject();
    const good = await validateIn(dir);
    const [name] = readdirSync(dir);
    for (const plant of [(path: string) => execFileSync("mkfifo", [path]), (path: string) => mkdirSync(path)]) {
      rmSync(join(dir, name!), { recursive: true, force: true });
      plant(join(dir, name!));
      const r = await spawnCli(["validate", "--now", NOW], { cwd: DEMO, env: { FAILOVER_CODE_CACHE_DIR: dir }, timeoutMs: 20_000 });
      expect({ signal: r.signal, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ signal: null, code: good.code, stdout: good.stdout, stderr: good.stderr });
    }
    // The folder could not be replaced (rename does not take a folder's place); the FIFO was.
    expect(statSync(join(dir, name!)).isDirectory()).toBe(true);
  });

  it("a cache folder that cannot be made does not stop a run", async () => {
    const project = tempProject({ "in-the-way": "a file where the cache folder would go" });
    const r = await validateIn(join(project, "in-the-way", "v8"));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/10 posts on 4 channels/);
  });

  it("each bundled command prints and exits as the ES module bundle does, on good input and bad", async () => {
    const dir = tempProject();
    const broken = tempProject({ "calendar.yaml": "posts:\n  - id: a\n    channel: nowhere\n    at: not a time\n" });
    const runs: Array<[string[], string]> = [
      [["validate", "--now", NOW], DEMO],
      [["validate", "--now", NOW, "--json"], broken],
      [["check", "--now", NOW, "--no-state", "--assume", "instagram=major_outage"], DEMO],
      [["check", "--now", NOW, "--no-state", "--assume", "instagram=major_outage", "--format", "markdown"], DEMO],
      [["status", "--now", NOW, "--no-state", "--assume", "instagram=major_outage", "--json"], DEMO],
      [["__complete", "channels"], DEMO],
      [["__complete", "chanels"], DEMO],
      [["check", "--bogus"], DEMO],
    ];
    // How long a source took to answer (and so its column's width) differs from run to run; nothing else may.
    const steady = (text: string) => text.replace(/\b\d+ ?ms\b */g, "N ms ").replace(/("\w*(?:Ms|ms)"):\s*\d+/g, "$1: N");
    for (const [args, cwd] of runs) {
      // The ES module bundle, as the CLI host runs it (tests/cli/cli-host.test.ts: as a process of its own would).
      const plain = await runCli(args, { cwd });
      // The first run compiles and keeps the cache, the second (in `npm run test:slow`) uses it.
      for (let i = 0; i < soakRuns(2); i++) {
        const r = await spawnCli(args, { cwd, env: { FAILOVER_CODE_CACHE_DIR: dir } });
        expect({ args, code: r.code, stdout: steady(r.stdout), stderr: steady(r.stderr) }).toEqual({ args, code: plain.code, stdout: steady(plain.stdout), stderr: steady(plain.stderr) });
      }
    }
    expect(readdirSync(dir).length).toBe(4);
  }, 240_000);

  it("commands without a bundle, and a global option first, run the ES module bundle as before", async () => {
    const dir = tempProject();
    const list = await spawnCli(["list", "--now", NOW], { cwd: DEMO, env: { FAILOVER_CODE_CACHE_DIR: dir } });
    expect(list.code).toBe(0);
    const optionFirst = await spawnCli(["--no-color", "validate", "--now", NOW], { cwd: DEMO, env: { FAILOVER_CODE_CACHE_DIR: dir } });
    expect(optionFirst.code).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
