/**
 * The package as npm ships it: `npm pack` holds only what runs (no sources, tests or fixtures),
 * installs with --omit=dev into an empty project, and there the CLI runs, the types resolve and
 * the library example of docs/library.md plans a reroute. Bounded in time: npm works from its
 * cache (--prefer-offline), filled by the `npm ci` that precedes the suite.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempProject } from "../helpers/cli.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  types: string;
  exports: Record<string, unknown>;
  scripts: Record<string, string>;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
};
const NOW = "2026-07-13T12:00:00Z"; // a Monday: init's posts fall on Tuesday 14 July
// Same zone for init and the example wherever the suite runs: init writes times in the local zone.
const ENV = { ...process.env, TZ: "UTC", NO_COLOR: "1", CI: "true", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };

let files: string[] = [];
let project = "";
let installOutput = "";

function run(command: string, args: string[], cwd: string, timeout = 60_000) {
  const r = spawnSync(command, args, { cwd, env: ENV, encoding: "utf8", timeout });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}

beforeAll(() => {
  const out = tempProject();
  // --ignore-scripts: the suite has built dist/ already; rebuilding it here would race the other test files using it.
  const packed = JSON.parse(execFileSync(NPM, ["pack", "--json", "--ignore-scripts", "--pack-destination", out], { cwd: ROOT, env: ENV, encoding: "utf8", timeout: 60_000 })) as [
    { filename: string; files: { path: string }[] },
  ];
  files = packed[0].files.map((f) => f.path);
  project = tempProject({ "package.json": JSON.stringify({ name: "pack-test", private: true, type: "module" }) });
  const install = run(NPM, ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", join(out, packed[0].filename)], project, 180_000);
  expect(install.code, install.stderr).toBe(0);
  installOutput = install.stdout + install.stderr;
}, 240_000);

describe("npm package", () => {
  it("ships only what runs and what it points to: dist, bin, config, docs, schemas, README, LICENSE, CHANGELOG, package.json", () => {
    const allowed = /^(dist\/|bin\/|config\/|docs\/[\w.-]+\.md$|schema\/[\w.-]+\.schema\.json$|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const f of files) expect(f).not.toMatch(/^(src|tests|fixtures|scripts|bench)\/|\.map$|^dist\/cli\//);
    // The starter files and the README point at docs/*.md: they are in the package.
    for (const f of ["docs/calendar.md", "docs/config.md", "bin/failover.js", "dist/cli.js", "dist/index.js", "dist/index.d.ts", "config/platforms.yaml", "schema/calendar.schema.json", "schema/config.schema.json", "README.md", "LICENSE"]) {
      expect(files).toContain(f);
    }
    if (existsSync(join(ROOT, "CHANGELOG.md"))) expect(files).toContain("CHANGELOG.md");
    // Every file the CLI bundle loads lazily is shipped (a chunk left out would fail one command only).
    const chunks = [...readFileSync(join(ROOT, "dist/cli.js"), "utf8").matchAll(/"\.\/(cli-chunk-[A-Z0-9]+\.js)"/g)].map((m) => `dist/${m[1]}`);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(files).toContain(c);
  });

  it("says where it comes from, and builds when packed, not when installed (no prepare script)", () => {
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/failover\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/[\w-]+\/failover#readme$/);
    expect(pkg.bugs.url).toMatch(/^https:\/\/github\.com\/[\w-]+\/failover\/issues$/);
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.prepack).toBe("npm run build");
    expect(installOutput).not.toMatch(/prepare/i);
  });

  it("declares its types and exports them", () => {
    expect(pkg.types).toBe("./dist/index.d.ts");
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
    expect(existsSync(join(project, "node_modules/failover/dist/index.d.ts"))).toBe(true);
  });

  it("runs from the install: npx failover --version, init, validate", () => {
    const version = run("npx", ["--no-install", "failover", "--version"], project);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const bin = join(project, "node_modules/.bin/failover");
    const init = run(bin, ["init", "--now", NOW], project);
    expect(init.code, init.stderr).toBe(0);
    const validate = run(bin, ["validate"], project);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/calendar\.yaml: 2 posts on 2 channels/);
    // The schema line init wrote names the file the install put in the project, relative to the calendar.
    const first = readFileSync(join(project, "calendar.yaml"), "utf8").split("\n")[0]!;
    expect(first).toBe("# yaml-language-server: $schema=./node_modules/failover/schema/calendar.schema.json");
    const configFirst = readFileSync(join(project, "config/failover.yaml"), "utf8").split("\n")[0]!;
    expect(existsSync(join(project, "config", configFirst.split("$schema=")[1]!))).toBe(true);
    expect(existsSync(join(project, "node_modules/failover/schema/calendar.schema.json"))).toBe(true);
    expect(existsSync(join(project, "node_modules/failover/docs/calendar.md"))).toBe(true);
  });

  it("type-checks a consumer against the installed declarations, and rejects a wrong use", () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const config = { compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: [] } };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(config));
    const good = [
      'import { loadProject, checkProject, ExitCode, type Verdict, type PlanAction } from "failover";',
      "const project = await loadProject({ calendar: 'calendar.yaml' });",
      "const r = await checkProject(project, { now: 0, assume: new Map([['x', 'operational']]) });",
      "const v: Verdict = r.verdict;",
      "const a: PlanAction[] = r.plan.actions;",
      "const code: number = ExitCode.Blocked;",
      "export { v, a, code };",
    ].join("\n");
    writeFileSync(join(project, "consumer.ts"), good);
    const ok = run(process.execPath, [tsc, "-p", "."], project);
    expect(ok.code, ok.stdout).toBe(0);
    // Types are real, not any: a verdict is not a number, and a status must be one of the statuses.
    writeFileSync(join(project, "consumer.ts"), `${good}\nconst n: number = v;\nawait checkProject(project, { now: 0, assume: new Map([['x', 'down']]) });\n`);
    const bad = run(process.execPath, [tsc, "-p", "."], project);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/Type 'Verdict' is not assignable to type 'number'|not assignable to type 'number'/);
    expect(bad.stdout).toMatch(/"down"/);
  });

  it("runs the example of docs/library.md: a planned reroute", () => {
    const doc = readFileSync(join(ROOT, "docs/library.md"), "utf8");
    const example = /```js\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(example.trim().split("\n").length).toBeLessThanOrEqual(12);
    writeFileSync(join(project, "plan.mjs"), example);
    if (!existsSync(join(project, "calendar.yaml"))) run(join(project, "node_modules/.bin/failover"), ["init", "--now", NOW], project);
    const r = run(process.execPath, ["plan.mjs", "2026-07-14T08:00:00Z"], project);
    expect(r.stderr).toBe("");
    // The crisis notice of init's config goes out first, then the post moves to its first backup.
    expect(r.stdout.split("\n")).toEqual([
      "verdict: covered",
      "notice notice-instagram-x-20260714: instagram → x at 2026-07-14T08:00:00Z",
      "reroute launch-teaser: instagram → x at 2026-07-14T10:00:00Z",
      "",
    ]);
    expect(r.code).toBe(3);
  });
});
