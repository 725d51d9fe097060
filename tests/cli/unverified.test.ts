/**
 * Unknown is never "go", and a declared incident is believed at once: `check` through the built
 * CLI, and the library's `checkProject`, on small projects whose status pages are files the test
 * rewrites between runs (official pages) or routes of the status server (probes).
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/check.js";
import { loadProject } from "../../src/project.js";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";
import { startStatusServer } from "../helpers/status-server.js";

const CALENDAR = `version: 1
timezone: UTC
posts:
  - { id: launch, channel: insta, at: 2026-07-14T14:00, text: "Launch day!" }
  - { id: news, channel: x, at: 2026-07-14T15:00, text: "News" }
`;
const page = (name: string) => readFileSync(join(ROOT, "fixtures/status/statuspage", `${name}.json`), "utf8");

/** A project whose insta channel reads `source`; x is always operational, by hand. */
function project(source: string) {
  return tempProject({
    "calendar.yaml": CALENDAR,
    "config/failover.yaml": `version: 1
defaults: { backups: [x] }
health: { timeout: 3s, deadline: 6s, retries: 0 }
channels:
  insta: { platform: instagram, health: [${source}] }
  x: { platform: x, health: [{ kind: manual, status: operational }] }
`,
  });
}

const at = (minute: number) => ["--now", `2026-07-14T12:${String(minute).padStart(2, "0")}:00Z`];

describe("unverified", () => {
  it("a channel with posts that cannot be read is exit 5 unverified, named with its reason, never GO", { timeout: 180_000 }, async () => {
    const dir = project(`{ kind: http, url: "http://127.0.0.1:9/" }`);
    const table = await runCli(["check", ...at(0)], { cwd: dir });
    expect(table.code).toBe(5);
    expect(table.stdout).toMatch(/UNVERIFIED: nothing is known to be down, but the health of insta could not be read\n\s+insta: http 127\.0\.0\.1:9: connection refused/);
    expect(table.stdout).not.toMatch(/GO/);

    const json = JSON.parse((await runCli(["check", "--json", ...at(0)], { cwd: dir })).stdout);
    expect(json).toMatchObject({ verdict: "unverified", unverified: ["insta"] });
    expect(json.posts.map((p: { id: string; risk: string }) => `${p.id}=${p.risk}`)).toEqual(["launch=unverified", "news=none"]);

    const junit = new XMLParser({ ignoreAttributes: false }).parse((await runCli(["check", "--format", "junit", ...at(0)], { cwd: dir })).stdout);
    const cases = [junit.testsuites.testsuite.testcase].flat() as Array<{ failure?: { "@_type": string } }>;
    expect(cases.map((c) => c.failure?.["@_type"] ?? "ok")).toEqual(["unverified", "ok"]);

    const github = await runCli(["check", "--format", "github", ...at(0)], { cwd: dir });
    expect(github.stdout).toMatch(/^::warning file=calendar\.yaml,line=4,title=launch%3A unverified::/m);

    // --strict counts unknown as down: the post is moved (covered), not left unverified.
    const strict = await runCli(["check", "--json", "--strict", ...at(0)], { cwd: dir });
    expect(strict.code).toBe(3);
    expect(JSON.parse(strict.stdout).verdict).toBe("covered");
  });

  it("--assume needs no network and no secret: unverified only where health is unknown", async () => {
    const dir = project(`{ kind: http, url: "http://127.0.0.1:9/" }`);
    expect((await runCli(["check", ...at(0), "--assume", "insta=operational"], { cwd: dir })).code).toBe(0);
  });
});

describe("declared incidents and probes", () => {
  it("an outage an official status page declares is taken on the first answer, even after healthy runs, and so is the recovery", { timeout: 180_000 }, async () => {
    const dir = project(`{ kind: statuspage, url: "file:summary.json" }`);
    const file = join(dir, "config", "summary.json");
    writeFileSync(file, page("operational"));
    for (let run = 0; run < 3; run++) expect((await runCli(["check", ...at(run * 2)], { cwd: dir })).code).toBe(0);
    writeFileSync(file, page("outage"));
    const down = await runCli(["check", "--json", ...at(10)], { cwd: dir });
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout).channels[0]).not.toHaveProperty("held");
    writeFileSync(file, page("operational"));
    expect((await runCli(["check", ...at(12)], { cwd: dir })).code).toBe(0);
  });

  it("a probe's bad answer waits for the thresholds, and the verdict line says a status is held", { timeout: 180_000 }, async () => {
    const server = await startStatusServer();
    const dir = project(`{ kind: http, url: "${server.url}/health" }`);
    for (let run = 0; run < 2; run++) expect((await runCli(["check", ...at(run * 2)], { cwd: dir })).code).toBe(0);
    const cfg = join(dir, "config", "failover.yaml");
    writeFileSync(cfg, readFileSync(cfg, "utf8").replace("/health", "/error500"));
    const held = await runCli(["check", ...at(10)], { cwd: dir });
    expect(held.code).toBe(0);
    expect(held.stdout).toMatch(/GO: nothing at risk\n\s+insta: reported down, not yet confirmed: 1\/3 \(the sources say major outage; kept operational\)/);
    expect((await runCli(["check", ...at(12)], { cwd: dir })).code).toBe(0);
    expect((await runCli(["check", ...at(14)], { cwd: dir })).code).toBe(3);
  });

  it("the library's checkProject gives the verdict `failover check` gives, from the same state", async () => {
    const dir = project(`{ kind: statuspage, url: "file:summary.json" }`);
    copyFileSync(join(ROOT, "fixtures/status/statuspage/outage.json"), join(dir, "config", "summary.json"));
    const statePath = join(dir, ".failover", "state.json");
    const p = await loadProject({ calendar: join(dir, "calendar.yaml"), config: join(dir, "config", "failover.yaml"), env: {} });
    const lib = await checkProject(p, { now: Date.parse("2026-07-14T12:00:00Z"), statePath });
    const cli = JSON.parse((await runCli(["check", "--json", ...at(2)], { cwd: dir })).stdout);
    expect([lib.verdict, lib.unverified]).toEqual([cli.verdict, cli.unverified]);
    expect(lib.verdict).toBe("covered");
  });
});
