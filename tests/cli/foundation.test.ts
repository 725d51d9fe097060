/** The foundation's commands through the real bin, as a user runs them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const THREE_MISTAKES = readFileSync(join(ROOT, "fixtures/calendars/invalid/three-mistakes.yaml"), "utf8");

describe("failover validate", () => {
  it("names all three mistakes with file, line and column, and exits 2", async () => {
    const dir = tempProject({ "calendar.yaml": THREE_MISTAKES });
    const r = await runCli(["validate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^warning: no config found \(no config\/failover\.yaml beside calendar\.yaml or in a folder above it\)/),
      'calendar.yaml:5:14 error: posts[0].channel: unknown channel "instagarm" (did you mean "instagram"?); declare it in the config or use a platform name',
      'calendar.yaml:10:9 error: posts[1].at: "2026-02-30T10:00": 2026-02 has no day 30',
      'calendar.yaml:15:5 error: posts[2].txt: unknown key "txt" (did you mean "text"?)',
    ]);
  });

  it("gives the problems as JSON and as GitHub annotations", async () => {
    const dir = tempProject({ "calendar.yaml": THREE_MISTAKES });
    const json = await runCli(["validate", "--json"], { cwd: dir });
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, ok: false });
    expect(doc.problems.map((p: { line: number; col: number }) => [p.line, p.col])).toEqual([[5, 14], [10, 9], [15, 5]]);
    const gh = await runCli(["validate", "--format", "github"], { cwd: dir });
    expect(gh.stdout.split("\n")[0]).toBe(
      '::error file=calendar.yaml,line=5,col=14::posts[0].channel: unknown channel "instagarm" (did you mean "instagram"?); declare it in the config or use a platform name',
    );
  });

  it("exits 0 on the demo and 2 on a missing file, with the file named", async () => {
    const ok = await runCli(["validate"], { cwd: join(ROOT, "fixtures/demo") });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/10 posts on 4 channels/);
    const missing = await runCli(["validate", "-c", "nope.yaml"], { cwd: join(ROOT, "fixtures/demo") });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: not found");
  });

  it("refuses bad flags with exit 2 and names them", async () => {
    const now = await runCli(["validate", "--now", "yesterday"]);
    expect(now.code).toBe(2);
    expect(now.stderr).toMatch(/--now: "yesterday" is not a date-time/);
    const assume = await runCli(["validate", "--assume", "instagram=dwon"]);
    expect(assume.code).toBe(2);
    expect(assume.stderr).toMatch(/--assume: "dwon" is not a status \(did you mean "down"\?\)/);
    const format = await runCli(["validate", "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format/);
    const unknown = await runCli(["valdate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Did you mean validate\?/);
  });

  it("prints no stack trace without -v, and one with it, for a config that cannot be read", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\nposts: []\n" });
    const plain = await runCli(["validate", "--config", "missing.yaml"], { cwd: dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const verbose = await runCli(["validate", "--config", "missing.yaml", "-v"], { cwd: dir });
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});

describe("failover init", () => {
  it("writes a starter that validates, and never overwrites without --force", async () => {
    const dir = tempProject();
    const init = await runCli(["init", "--now", "2026-07-14T09:00:00Z"], { cwd: dir });
    expect(init.code).toBe(0);
    const calendar = readFileSync(join(dir, "calendar.yaml"), "utf8");
    // For editors: the schema npm installs in the project, relative to each file; no web address that may not exist.
    expect(calendar.split("\n")[0]).toBe("# yaml-language-server: $schema=./node_modules/failover/schema/calendar.schema.json");
    expect(readFileSync(join(dir, "config/failover.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/failover/schema/config.schema.json");
    expect(calendar).not.toMatch(/https?:\/\/(?!example\.com)/);
    expect(calendar).toContain("at: 2026-07-15T10:00");
    // Clean even under --strict: its media file is there (a stand-in image), its times are in their windows.
    expect(readFileSync(join(dir, "assets", "teaser.jpg")).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const strict = await runCli(["validate", "--strict", "--now", "2026-07-14T09:00:00Z"], { cwd: dir });
    expect([strict.code, strict.stdout]).toEqual([0, expect.not.stringMatching(/warning/)]);

    const again = await runCli(["init"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist.*--force/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(calendar);
    expect((await runCli(["init", "--force", "--now", "2026-08-01T09:00:00Z"], { cwd: dir })).code).toBe(0);
    // 1 August 2026 is a Saturday: the starter's posts go on the next weekday, inside Instagram's windows.
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toContain("at: 2026-08-03T10:00");
  });
});

describe("failover schema", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  it("prints JSON Schema that a validator accepts, and that accepts real files", async () => {
    for (const [kind, file] of [
      ["calendar", "fixtures/demo/calendar.yaml"],
      ["config", "fixtures/demo/config/failover.yaml"],
    ] as const) {
      const r = await runCli(["schema", kind]);
      expect(r.code).toBe(0);
      const schema = JSON.parse(r.stdout);
      const validate = ajv.compile(schema);
      expect(validate(parseYaml(readFileSync(join(ROOT, file), "utf8"))), JSON.stringify(validate.errors)).toBe(true);
      // The file the build writes for editors is the same schema.
      expect(JSON.parse(readFileSync(join(ROOT, `schema/${kind}.schema.json`), "utf8"))).toEqual(schema);
    }
  });

  it("rejects what the loader rejects: unknown keys, wrong enum values", async () => {
    const schema = JSON.parse((await runCli(["schema", "calendar"])).stdout);
    const validate = ajv.compile(schema);
    expect(validate({ version: 1, posts: [{ id: "a", channel: "x", at: "2026-07-14T10:00", text: "hi", txt: "typo" }] })).toBe(false);
    expect(validate({ version: 1, posts: [{ id: "a", channel: "x", at: "2026-07-14T10:00", text: "hi", policy: "later" }] })).toBe(false);
    expect(validate({ version: 2, posts: [] })).toBe(false);
  });

  it("refuses an unknown kind with exit 2", async () => {
    const r = await runCli(["schema", "calender"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "calendar"/);
  });
});
