/**
 * `failover list` (alias `agenda`): the calendar to look at; and plans as Markdown, to approve in
 * a pull request or a chat (`reroute --dry-run --format markdown`, and a saved plan.json).
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fenced } from "../../src/cli/report/plan-markdown.js";
import { ROOT, runCli } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"];
let rerouted: string;

beforeAll(async () => {
  // The demo after `reroute --yes`: notices, stand-ins beside rerouted posts, a delayed post.
  rerouted = mkdtempSync(join(tmpdir(), "failover-list-"));
  cpSync(join(ROOT, "fixtures", "demo"), rerouted, { recursive: true });
  expect((await runCli(["reroute", "--yes", ...NOW], { cwd: rerouted })).code).toBe(4);
});

interface Entry {
  id: string;
  channel: string;
  at: string;
  zone: string;
  status: string;
  kind: string;
  reroutedFrom?: string;
  originalAt?: string;
}

describe("failover list", () => {
  it("gives posts by day with their status, stand-ins right after their originals, notices marked (JSON)", async () => {
    const r = await runCli(["list", "--json", ...NOW], { cwd: rerouted });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, calendar: "calendar.yaml", config: { file: "config/failover.yaml", found: "beside-calendar" } });
    expect(doc.days.map((d: { date: string }) => d.date)).toEqual(["2026-07-14", "2026-07-15", "2026-07-16"]);
    const day1: Entry[] = doc.days[0].entries;
    const ids = day1.map((e) => e.id);
    expect(ids.indexOf("launch-reel--x")).toBe(ids.indexOf("launch-reel") + 1);
    expect(ids.indexOf("launch-carousel--bluesky")).toBe(ids.indexOf("launch-carousel") + 1);
    expect(day1.find((e) => e.id === "launch-reel")).toMatchObject({ status: "rerouted", kind: "post", at: "2026-07-14T09:00:00-04:00", zone: "America/New_York" });
    expect(day1.find((e) => e.id === "launch-reel--x")).toMatchObject({ status: "scheduled", kind: "stand-in", reroutedFrom: "launch-reel" });
    expect(day1.filter((e) => e.kind === "notice").map((e) => e.channel).sort()).toEqual(["bluesky", "x"]);
    const delayed: Entry = doc.days[2].entries[0];
    expect(delayed).toMatchObject({ id: "colours-reel", originalAt: "2026-07-15T11:00:00-04:00", at: "2026-07-16T11:00:00-04:00" });
    expect(doc.count).toBe(day1.length + doc.days[1].entries.length + 1);
  });

  it("as a table: a day heading, time in the channel's zone, the stand-in under its original", async () => {
    const r = await runCli(["list", ...NOW], { cwd: rerouted });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Tue 14 Jul 2026");
    expect(lines[1]).toMatch(/^time {7}channel {4}post {2,}status {5}note {2,}text$/);
    const reel = lines.findIndex((l) => /09:00 EDT\s+instagram\s+launch-reel\s+rerouted\s+→ launch-reel--x: instagram/.test(l));
    expect(reel).toBeGreaterThan(0);
    expect(lines[reel + 1]).toMatch(/09:00 EDT\s+↳ x\s+launch-reel--x\s+scheduled\s+for launch-reel/);
    expect(r.stdout).toMatch(/notice: instagram/);
    expect(r.stdout).toMatch(/Thu 16 Jul 2026\ntime[^\n]+\n11:00 EDT\s+instagram\s+colours-reel\s+scheduled\s+delayed from Wed 15 Jul 11:00/);
    expect(r.stderr).toMatch(/^12 posts from 2026-07-14T08:30:00-04:00 to 2026-07-21T08:30:00-04:00/);
  });

  it("answers to `agenda`, filters by --channel and --window, and says when the next post is when none is in the window", async () => {
    const x = JSON.parse((await runCli(["agenda", "--channel", "x", "--window", "1d", "--json", ...NOW], { cwd: rerouted })).stdout);
    const ids = x.days.flatMap((d: { entries: Entry[] }) => d.entries.map((e) => e.id));
    expect(ids).toEqual(["notice-instagram-x-20260714", "launch-reel--x", "bts-story--x"]);
    const none = await runCli(["list", "--window", "1h", ...NOW.slice(0, 1), "2026-07-14T21:00:00-04:00", "--no-state"], { cwd: rerouted });
    expect([none.code, none.stdout]).toEqual([0, expect.stringMatching(/^No posts between 2026-07-14T21:00:00-04:00 and 2026-07-14T22:00:00-04:00\. The next is thanks-x \(x\) at 2026-07-15T16:00:00-04:00: widen --window\./)]);
  });

  it("refuses an unknown channel with a did-you-mean, a bad window, and formats it does not print (exit 2)", async () => {
    const typo = await runCli(["list", "--channel", "instagarm", ...NOW], { cwd: rerouted });
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining('--channel: no channel "instagarm" in the config or the calendar (did you mean "instagram"?)')]);
    expect((await runCli(["list", "--window", "soon", ...NOW], { cwd: rerouted })).code).toBe(2);
    const junit = await runCli(["list", "--format", "junit", ...NOW], { cwd: rerouted });
    expect([junit.code, junit.stderr]).toEqual([2, expect.stringContaining("--format: list prints table, json, markdown; not junit")]);
  });

  it("as Markdown, a table per day", async () => {
    const r = await runCli(["list", "--format", "markdown", ...NOW], { cwd: rerouted });
    expect(r.stdout).toMatch(/^## Calendar, 2026-07-14T08:30:00-04:00 to 2026-07-21T08:30:00-04:00\n\n### Tue 14 Jul 2026\n\n\| time \| channel \| post \| status \| note \| text \|/);
    expect(r.stdout).toContain("| 09:00 EDT | ↳ x | launch-reel--x | scheduled | for launch-reel |");
  });
});

describe("a plan as Markdown", () => {
  it("reroute --dry-run --format markdown: counts, reasons, before and after text; the same from a saved plan.json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "failover-md-"));
    cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
    const fresh = await runCli(["reroute", "--dry-run", "--format", "markdown", "--plan-out", "plan.json", ...NOW], { cwd: dir });
    expect(fresh.code).toBe(4); // one post is still blocked after the plan
    const md = fresh.stdout;
    expect(md).toMatch(/^## failover reroute plan\n\nMade at 2026-07-14T08:30:00-04:00 for `calendar\.yaml` with `config\/failover\.yaml`/);
    expect(md).toContain("**6 actions**: 2 notices, 3 reroutes, 1 delay; **1 blocked** (no viable backup)");
    expect(md).toMatch(/### 3\. launch-reel: reroute\n\ninstagram at 2026-07-14T09:00:00-04:00 → x at 2026-07-14T09:00:00-04:00 \(as `launch-reel--x`\)\n\n- instagram is/);
    expect(md).toMatch(/Before \(instagram\):\n\n```text\nIt's here 🎉 The Acme Bottle/);
    expect(md).toMatch(/After \(x, \d+\/280 weighted\):\n\n```text\n/);
    expect(md).toMatch(/### Blocked: no viable backup\n\n- \*\*giveaway-reminder\*\* \(instagram at 2026-07-14T20:30:00-04:00\): /);
    // What would unblock it, as everywhere a blocked post is shown.
    expect(md).toMatch(/giveaway-reminder\*\* [^\n]*\. To fix: bluesky and x are healthy and free at Tue 14 Jul 20:30: add them to backups; or raise maxDelay to 11h30m/);
    const saved = await runCli(["reroute", "--plan", "plan.json", "--dry-run", "--format", "markdown", ...NOW], { cwd: dir });
    expect([saved.code, saved.stdout]).toEqual([4, md]);
    expect(saved.stderr).toMatch(/plan\.json still applies to calendar\.yaml/);
  });

  it("fences any text so nothing in a post becomes Markdown, backticks included", () => {
    expect(fenced("# not a heading")).toBe("```text\n# not a heading\n```");
    expect(fenced("a ``` b ```` c")).toBe("`````text\na ``` b ```` c\n`````");
  });

  it("is refused by commands that have none (exit 2)", async () => {
    const r = await runCli(["status", "--format", "markdown", "--assume", "x=operational", ...NOW], { cwd: rerouted });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--format: status prints table, json, github, junit; not markdown")]);
  });
});
