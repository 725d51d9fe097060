import { cpSync, existsSync, lstatSync, mkdirSync, renameSync, symlinkSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { afterAll, beforeAll } from "vitest";
import { BIN, ROOT, runCli, tempProject } from "../helpers/cli.js";
import { answerOnTerminal, hasScript } from "../helpers/pty.js";
import { startStatusServer, type StatusServer } from "../helpers/status-server.js";

/** A copy of the demo (commented calendar, recorded status payloads: Instagram is down). */
function demo(): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-apply-"));
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  return dir;
}
const NOW = ["--now", "2026-07-14T08:30:00-04:00"];
const read = (dir: string, file = "calendar.yaml") => readFileSync(join(dir, file), "utf8");

describe("failover reroute (applying)", () => {
  it("changes only the posts it reports, keeps a .bak, and a second run changes nothing", async () => {
    const dir = demo();
    const before = read(dir);
    const r = await runCli(["reroute", "--yes", "--json", ...NOW], { cwd: dir });
    expect(r.code).toBe(4); // giveaway-reminder is blocked: the plan is applied all the same
    const plan = JSON.parse(r.stdout);
    expect(plan.applied).toEqual({ file: "calendar.yaml", backup: "calendar.yaml.bak", actions: plan.actions.length });
    expect(r.stderr).toMatch(/applied 6 actions to calendar\.yaml; the previous version is in calendar\.yaml\.bak/);
    expect(read(dir, "calendar.yaml.bak")).toBe(before);

    const after = read(dir);
    // Every line of the old file is still there, in order: only lines were added or `at` changed.
    const kept = before.split("\n").filter((l) => !after.split("\n").includes(l));
    expect(kept).toEqual(["    at: 2026-07-15T11:00"]); // the delayed post's time, now in originalAt
    expect(after).toContain("    originalAt: 2026-07-15T11:00\n");
    const rerouted = plan.actions.filter((a: { action: string }) => a.action === "reroute").map((a: { postId: string }) => a.postId);
    for (const id of rerouted) expect(after).toMatch(new RegExp(`- id: ${id}\\n[\\s\\S]*?status: rerouted\\n    reroutedTo: ${id}--\\w+`));

    // The stand-in carries what the backup takes: Bluesky, the first four of five images.
    const bluesky = after.slice(after.indexOf("- id: launch-carousel--bluesky"));
    expect(bluesky.slice(0, bluesky.indexOf("reroutedFrom")).match(/path: /g)).toHaveLength(4);

    const again = await runCli(["reroute", "--yes", ...NOW], { cwd: dir });
    expect(again.stderr).toMatch(/nothing to apply: calendar\.yaml is unchanged/);
    expect(read(dir)).toBe(after);
    const v = await runCli(["validate", ...NOW], { cwd: dir });
    expect(v.code).toBe(0);
  });

  it("refuses to apply off a terminal without --yes, writing nothing", async () => {
    const dir = demo();
    const before = read(dir);
    const r = await runCli(["reroute", ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes: applying changes calendar\.yaml: pass --yes/);
    expect(read(dir)).toBe(before);
    expect(existsSync(join(dir, "calendar.yaml.bak"))).toBe(false);
  });

  // On a real terminal (a pseudo-terminal from `script`), as a person meets it: the plan, then the question.
  describe.skipIf(!hasScript)("on a terminal", () => {
    const QUESTION = /Apply 6 actions to calendar\.yaml\? \[y\/N\] /;
    it("shows the plan first; n writes nothing and exits 0", async () => {
      const dir = demo();
      const before = read(dir);
      const { screen, code } = await answerOnTerminal(["reroute", ...NOW, "--no-state"], { cwd: dir, prompt: QUESTION, keys: "n\r" });
      expect(screen).toMatch(QUESTION);
      // Every action of the plan is on screen before the question.
      const asked = screen.search(QUESTION);
      for (const line of ["REROUTE launch-reel", "DELAY colours-reel", "UNROUTABLE giveaway-reminder", "BLOCKED:"]) {
        expect(screen.indexOf(line), line).toBeGreaterThan(-1);
        expect(screen.indexOf(line), line).toBeLessThan(asked);
      }
      expect(screen.slice(asked)).toMatch(/Nothing written\.\n/);
      expect(screen).not.toMatch(/error/);
      expect(code).toBe(0);
      expect(read(dir)).toBe(before);
      expect(existsSync(join(dir, "calendar.yaml.bak"))).toBe(false);
    });

    it("y applies the plan it showed, once, and exits with what remains (4: one post is still blocked)", async () => {
      const dir = demo();
      const { screen, code } = await answerOnTerminal(["reroute", ...NOW, "--no-state"], { cwd: dir, prompt: QUESTION, keys: "y\r" });
      expect(screen.slice(screen.search(QUESTION))).toMatch(/applied 6 actions to calendar\.yaml; the previous version is in calendar\.yaml\.bak/);
      expect(screen.match(/REROUTE launch-reel/g)).toHaveLength(1); // not shown again after applying
      expect(code).toBe(4);
      expect(read(dir)).toContain("reroutedTo: launch-reel--x");
    });

    it("Ctrl-C at the question: exit 130, nothing written", async () => {
      const dir = demo();
      const before = read(dir);
      const { screen, code } = await answerOnTerminal(["reroute", ...NOW, "--no-state"], { cwd: dir, prompt: QUESTION, keys: "\x03" });
      expect(screen).toMatch(/interrupted at the question; nothing written to calendar\.yaml/);
      expect(code).toBe(130);
      expect(read(dir)).toBe(before);
    });

    it("failback too: the plan, then the question; n writes nothing", async () => {
      const dir = demo();
      expect((await runCli(["reroute", "--yes", ...NOW, "--no-state"], { cwd: dir })).code).toBe(4);
      const rerouted = read(dir);
      const { screen, code } = await answerOnTerminal(["failback", ...NOW, "--no-state", "--assume", "instagram=operational"], {
        cwd: dir,
        prompt: /Apply \d+ actions? to calendar\.yaml\? \[y\/N\] /,
        keys: "n\r",
      });
      const asked = screen.search(/Apply \d+ actions?/);
      expect(screen.indexOf("FAILBACK launch-reel")).toBeGreaterThan(-1);
      expect(screen.indexOf("FAILBACK launch-reel")).toBeLessThan(asked);
      expect(screen.slice(asked)).toMatch(/Nothing written\./);
      expect(code).toBe(0);
      expect(read(dir)).toBe(rerouted);
    });
  });

  it("through a symlinked calendar, writes the file it points at and keeps the link", async () => {
    const dir = demo();
    mkdirSync(join(dir, "real"));
    renameSync(join(dir, "calendar.yaml"), join(dir, "real", "cal.yaml"));
    symlinkSync(join("real", "cal.yaml"), join(dir, "calendar.yaml"));
    const r = await runCli(["reroute", "--yes", ...NOW], { cwd: dir });
    expect(r.code).toBe(4);
    expect(lstatSync(join(dir, "calendar.yaml")).isSymbolicLink()).toBe(true);
    expect(read(dir, "real/cal.yaml")).toContain("reroutedTo: launch-reel--x");
    expect(r.stderr).toMatch(/applied 6 actions to .*real\/cal\.yaml; the previous version is in .*real\/cal\.yaml\.bak/);
  });

  it("--out writes elsewhere and leaves the calendar alone", async () => {
    const dir = demo();
    const before = read(dir);
    const r = await runCli(["reroute", "--yes", "--out", "rerouted.yaml", ...NOW], { cwd: dir });
    expect(r.code).toBe(4);
    expect(read(dir)).toBe(before);
    expect(read(dir, "rerouted.yaml")).toContain("reroutedFrom: launch-reel");
    const noFolder = await runCli(["reroute", "--yes", "--out", "nodir/out.yaml", ...NOW], { cwd: dir });
    expect([noFolder.code, noFolder.stderr]).toEqual([2, expect.stringMatching(/nodir\/out\.yaml: cannot be written: the folder nodir does not exist/)]);
  });

  it("applies a saved plan, and refuses it (exit 2, nothing written) once the calendar changed", async () => {
    const dir = demo();
    const dry = await runCli(["reroute", "--dry-run", "--plan-out", "plan.json", ...NOW], { cwd: dir });
    expect(dry.code).toBe(4);
    const original = read(dir);
    writeFileSync(join(dir, "calendar.yaml"), original.replace("# Launch week", "# Launch week (edited)"));
    const edited = read(dir);
    const stale = await runCli(["reroute", "--plan", "plan.json", "--yes", ...NOW], { cwd: dir });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/calendar\.yaml: has changed since the plan was made .*nothing was written: make a new plan/);
    expect(read(dir)).toBe(edited);
    // The dry run of a saved plan says so too.
    const staleDry = await runCli(["reroute", "--plan", "plan.json", "--dry-run", ...NOW], { cwd: dir });
    expect([staleDry.code, staleDry.stderr]).toEqual([2, expect.stringMatching(/has changed since the plan was made/)]);

    writeFileSync(join(dir, "calendar.yaml"), original);
    expect((await runCli(["reroute", "--plan", "plan.json", "--dry-run", ...NOW], { cwd: dir })).stderr).toMatch(/plan\.json still applies to calendar\.yaml/);
    // Another config would read the calendar differently (zones, delays): refused.
    const cfgPath = join(dir, "config", "failover.yaml");
    const cfg = readFileSync(cfgPath, "utf8");
    writeFileSync(cfgPath, cfg + "# edited\n");
    const otherConfig = await runCli(["reroute", "--plan", "plan.json", "--yes", ...NOW], { cwd: dir });
    expect([otherConfig.code, otherConfig.stderr]).toEqual([2, expect.stringMatching(/config\/failover\.yaml: is not the config the plan was made with/)]);
    writeFileSync(cfgPath, cfg);
    // Months later the file is the same but the times have passed: refused, nothing written.
    const late = await runCli(["reroute", "--plan", "plan.json", "--yes", "--now", "2026-11-25T12:00:00Z"], { cwd: dir });
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/the plan is out of date; nothing was written: make a new plan \(notice-instagram-x-20260714: .*launch-reel: the plan puts it at 2026-07-14T09:00:00-04:00, which has passed/);
    expect(read(dir)).toBe(original);
    const ok = await runCli(["reroute", "--plan", "plan.json", "--yes", ...NOW], { cwd: dir });
    expect(ok.code).toBe(4);
    expect(read(dir)).toContain("reroutedTo: launch-reel--x");
    const fresh = demo();
    await runCli(["reroute", "--yes", ...NOW], { cwd: fresh });
    expect(read(dir)).toBe(read(fresh)); // the saved plan writes what a fresh one would
    const again = await runCli(["reroute", "--plan", "plan.json", "--yes", ...NOW], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/it looks applied already; nothing was written/)]);
  });

  it("a broken plan file is invalid input, with line and column", async () => {
    const dir = demo();
    await runCli(["reroute", "--dry-run", "--plan-out", "plan.json", ...NOW], { cwd: dir });
    const plan = JSON.parse(read(dir, "plan.json"));
    plan.actions[0].action = "teleport";
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
    const r = await runCli(["reroute", "--plan", "plan.json", "--yes"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.json:\d+:\d+ error: actions\[0\]\.action: .*teleport/);
    writeFileSync(join(dir, "bad.json"), '{\n  "schemaVersion": 1,\n  oops\n}\n');
    const garbage = await runCli(["reroute", "--plan", "bad.json", "--yes"], { cwd: dir });
    expect([garbage.code, garbage.stderr]).toEqual([2, expect.stringMatching(/bad\.json:3:3 error: not valid JSON: Expected double-quoted property name/)]);
    const asFailback = await runCli(["failback", "--plan", "plan.json", "--yes"], { cwd: dir });
    expect(asFailback.code).toBe(2);
  });

  it("two runs started together leave one correct result", async () => {
    const dir = demo();
    const [a, b] = await Promise.all([runCli(["reroute", "--yes", ...NOW], { cwd: dir }), runCli(["reroute", "--yes", ...NOW], { cwd: dir })]);
    expect([a.code, b.code]).toEqual([4, 4]);
    const messages = [a.stderr, b.stderr].join("\n");
    expect(messages).toMatch(/applied 6 actions/);
    expect(messages).toMatch(/nothing to apply/);
    const fresh = demo();
    await runCli(["reroute", "--yes", ...NOW], { cwd: fresh });
    expect(read(dir)).toBe(read(fresh));
    expect(existsSync(join(dir, "calendar.yaml.lock"))).toBe(false);
  });
});

describe("failover failback", () => {
  it("once Instagram recovers, restores its posts: the calendar is as before apart from the notices sent", async () => {
    const dir = demo();
    const before = read(dir);
    await runCli(["reroute", "--yes", ...NOW], { cwd: dir });
    const later = ["--now", "2026-07-14T08:45:00-04:00"];
    const stillDown = await runCli(["failback", "--dry-run", ...later], { cwd: dir });
    expect(stillDown.code).toBe(0);
    expect(stillDown.stdout).toMatch(/Nothing to fail back/);

    const dry = await runCli(["failback", "--dry-run", "--json", "--assume", "instagram=operational", ...later], { cwd: dir });
    const plan = JSON.parse(dry.stdout);
    expect(plan.kind).toBe("failback");
    expect(plan.actions.map((a: { postId: string; removes?: string[] }) => `${a.postId}:${a.removes ?? ""}`)).toEqual([
      "launch-reel:launch-reel--x",
      "launch-carousel:launch-carousel--bluesky",
      "bts-story:bts-story--x",
      "colours-reel:",
    ]);
    const r = await runCli(["failback", "--yes", "--assume", "instagram=operational", ...later], { cwd: dir });
    expect(r.code).toBe(0);
    const notices = read(dir).slice(read(dir).indexOf("  - id: notice-instagram-x"));
    expect(read(dir)).toBe(before + notices);
    expect((await runCli(["failback", "--yes", "--assume", "instagram=operational", ...later], { cwd: dir })).stderr).toMatch(/nothing to apply/);
  });
});

describe("secrets while applying", () => {
  let server: StatusServer;
  beforeAll(async () => {
    server = await startStatusServer();
  });
  afterAll(() => server.close());

  it("never reach stdout, stderr, the plan file, the calendar or its .bak, even echoed by a server", async () => {
    const secret = "s3cr3t-token-value";
    const dir = tempProject({
      "config/failover.yaml": `version: 1
channels:
  instagram: { platform: instagram, health: [{ kind: manual, status: major_outage }] }
  x: { platform: x, health: [{ kind: statuspage, url: "${server.url}/auth", headers: { Authorization: "Bearer x-\${TOKEN}" } }] }
`,
      "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: hello, media: [{ path: a.jpg, kind: image }], backups: [x] }\n",
    });
    const outputs: string[] = [];
    const check = await runCli(["check", "-v", "--now", "2026-07-14T09:00:00Z"], { cwd: dir, env: { TOKEN: secret } });
    expect(check.stdout + check.stderr).toMatch(/HTTP 401/); // the server answered, echoing the header it got
    outputs.push(check.stdout, check.stderr);
    for (const args of [["reroute", "--dry-run", "--plan-out", "plan.json", "-v", "--json"], ["reroute", "--plan", "plan.json", "--yes", "-v"], ["failback", "--dry-run", "-v", "--format", "github"]]) {
      const r = await runCli([...args, "--now", "2026-07-14T09:00:00Z"], { cwd: dir, env: { TOKEN: secret } });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(r.stdout, r.stderr);
    }
    for (const file of ["plan.json", "calendar.yaml", "calendar.yaml.bak"]) expect(read(dir, file)).not.toContain(secret);
    expect(outputs.join("\n")).not.toContain(secret);
    expect(read(dir)).toContain("reroutedTo: a--x");
  });
});
