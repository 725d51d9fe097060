/**
 * A saved plan is a file anyone can edit: with the calendar's sha256 copied in, a tampered plan
 * must still not delete, skip or break anything. Every action is checked against the calendar
 * and the config, and the edited text against the calendar's schema, before anything is written.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];
type Action = Record<string, unknown> & { postId: string; action: string; to?: Record<string, unknown>; newPostId?: string };
type PlanJson = { actions: Action[]; kind?: string };

async function demoWithPlan(): Promise<{ dir: string; plan: PlanJson; before: string }> {
  const dir = mkdtempSync(join(tmpdir(), "failover-plans-"));
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  const r = await runCli(["reroute", "--dry-run", "--plan-out", "plan.json", "-q", ...NOW], { cwd: dir });
  expect(r.code).toBe(4);
  return { dir, plan: JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")), before: readFileSync(join(dir, "calendar.yaml"), "utf8") };
}

async function applyTampered(dir: string, plan: PlanJson, extra: string[] = []) {
  writeFileSync(join(dir, "tampered.json"), JSON.stringify(plan, null, 2));
  const args = ["--plan", "tampered.json", "--yes", ...extra, ...NOW];
  return runCli([plan.kind === "failback" ? "failback" : "reroute", ...args], { cwd: dir });
}

const find = (plan: PlanJson, id: string) => plan.actions.find((a) => a.postId === id)!;

describe("saved plans are checked before anything is written", () => {
  it("lists every problem of a tampered plan (exit 2), on --dry-run too, and writes nothing", async () => {
    const { dir, plan, before } = await demoWithPlan();
    const again = structuredClone(find(plan, "bts-story"));
    find(plan, "launch-reel").newPostId = "teaser-x"; // an id the calendar has
    find(plan, "launch-carousel").to!.channel = "nowhere";
    find(plan, "bts-story").to!.media = [{ path: "../../../etc/passwd", kind: "image" }];
    find(plan, "colours-reel").to!.at = "2027";
    plan.actions.push({ ...again, newPostId: "bts-story--again" }); // a second action on a post
    plan.actions.push({ postId: "teaser-x", action: "skip", from: { channel: "x", at: "2026-07-13T10:00:00-04:00" }, reasons: [], warnings: [] });
    for (const extra of [["--dry-run"], []]) {
      const r = await applyTampered(dir, plan, extra);
      expect(r.code).toBe(2);
      const lines = r.stderr.split("\n").filter((l) => /^tampered\.json:\d+:\d+ error: /.test(l));
      expect(lines.map((l) => l.replace(/^tampered\.json:\d+:\d+ error: /, ""))).toEqual([
        'actions[2].newPostId: the calendar already has a post "teaser-x"',
        'actions[3].to.channel: unknown channel "nowhere": the config has no such channel and it is no platform',
        'actions[4].to.media[0].path: "../../../etc/passwd" leaves the calendar\'s folder; media must be inside it',
        'actions[5].to.at: "2027" is not a date-time; write 2026-07-14T10:00 (local) or 2026-07-14T10:00:00+02:00',
        'actions[6].postId: a second action on "bts-story" (the first is actions[4])',
        'actions[7].postId: "teaser-x" is posted, not scheduled: it cannot be skipped',
      ]);
      expect(r.stderr).not.toMatch(/unexpected failure/);
    }
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
    expect(existsSync(join(dir, "calendar.yaml.bak"))).toBe(false);
  });

  it("a failback removes only stand-ins failover made from that post", async () => {
    const { dir, plan, before } = await demoWithPlan();
    const failback: PlanJson = {
      ...plan,
      kind: "failback",
      actions: [{ postId: "launch-linkedin", action: "failback", from: { channel: "linkedin", at: "2026-07-14T09:00:00-04:00" }, removes: ["teaser-ig"], reasons: [], warnings: [] }],
    };
    const r = await applyTampered(dir, failback);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/actions\[0\]\.postId: "launch-linkedin" \(status scheduled\) carries nothing failover did/);
    expect(r.stderr).toMatch(/actions\[0\]\.removes\[0\]: "teaser-ig" is not a stand-in failover made for "launch-linkedin": it is not removed/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
  });

  it("a real failback plan with an ordinary post added to its removes deletes nothing", async () => {
    // The plan is otherwise exactly what failover wrote, so nothing else can refuse it: before
    // the check, applying it deleted launch-linkedin (exit 0).
    const { dir } = await demoWithPlan();
    expect((await runCli(["reroute", "--plan", "plan.json", "--yes", "--no-state", "-q", ...NOW], { cwd: dir })).code).toBe(4);
    const made = await runCli(["failback", "--dry-run", "--no-state", "--plan-out", "failback.json", "-q", "--assume", "instagram=operational", ...NOW], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const failback = JSON.parse(readFileSync(join(dir, "failback.json"), "utf8")) as PlanJson;
    const first = failback.actions[0]!;
    first.removes = [...((first.removes as string[] | undefined) ?? []), "launch-linkedin"];
    const rerouted = readFileSync(join(dir, "calendar.yaml"), "utf8");
    const r = await applyTampered(dir, failback, ["--no-state"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/"launch-linkedin" is not a stand-in failover made for/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(rerouted);
  });

  it("checks the edited text with the calendar's own schema before it replaces the file", async () => {
    const { dir, plan, before } = await demoWithPlan();
    find(plan, "launch-reel").newPostId = "two words";
    const r = await applyTampered(dir, plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calendar\.yaml \(as the plan would leave it\):\d+:\d+ error: posts\[\d+\]\.id: an id is one word, with no spaces; nothing was written/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
    expect((await runCli(["validate", ...NOW], { cwd: dir })).code).toBe(0);
  });

  it("the untampered plan still applies", async () => {
    const { dir } = await demoWithPlan();
    const r = await runCli(["reroute", "--plan", "plan.json", "--yes", "-q", ...NOW], { cwd: dir });
    expect(r.code).toBe(4); // applied; giveaway-reminder stays blocked
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toContain("reroutedTo: launch-reel--x");
    expect((await runCli(["validate", ...NOW], { cwd: dir })).code).toBe(0);
  });
});
