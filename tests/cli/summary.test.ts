/** The GitHub job summary that `check` and `reroute --dry-run` append to $GITHUB_STEP_SUMMARY. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSummary } from "../../src/cli/report/summary.js";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");
const NOW = ["--now", "2026-07-14T08:30:00-04:00", "--no-state"]; // never a state file in fixtures/demo

/** The rows of the Markdown table under a heading, as arrays of cells. */
function tableUnder(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`### ${heading}\n\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const block: string[] = [];
  for (const line of markdown.slice(start).split("\n").slice(2)) {
    if (!line.startsWith("|")) break;
    block.push(line);
  }
  // Skip the header and the separator; split at pipes the renderer did not escape.
  return block.slice(2).map((l) => l.slice(2, -2).split(/(?<!\\) \| /));
}

describe("job summary", () => {
  it("check appends the verdict, the channels and the posts at risk, keeping what was there, whatever the format", async () => {
    const file = join(tempProject(), "summary.md");
    writeFileSync(file, "# earlier step\n\n");
    const r = await runCli(["check", ...NOW, "--format", "github"], { cwd: DEMO, env: { GITHUB_STEP_SUMMARY: file } });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^::error /); // stdout is still the annotations only
    const md = readFileSync(file, "utf8");
    expect(md.startsWith("# earlier step\n\n## failover check\n")).toBe(true);
    expect(md).toContain("🔴 **BLOCKED: some posts at risk have no viable backup within their max delay**");
    expect(md).toContain("7 posts in the window, 5 at risk.");
    const channels = tableUnder(md, "Channels");
    expect(channels.map((c) => c.slice(0, 3))).toEqual([
      ["bluesky", "bluesky", "operational"],
      ["instagram", "instagram", "major outage"],
      ["linkedin", "linkedin", "operational"],
      ["x", "x", "operational"],
    ]);
    expect(channels[1]![3]).toMatch(/^statuspage instagram-summary\.json: Feed: major_outage \(\d+ ms\)$/);
    const posts = tableUnder(md, "Posts at risk");
    expect(posts.map((p) => p[0])).toEqual(["launch-reel", "launch-carousel", "bts-story", "giveaway-reminder", "colours-reel"]);
    expect(posts[0]).toEqual(["launch-reel", "instagram", "2026-07-14T09:00:00-04:00", "covered", "x at 2026-07-14T09:00:00-04:00"]);
    expect(posts[3]).toEqual(["giveaway-reminder", "instagram", "2026-07-14T20:30:00-04:00", "blocked", "none: instagram is down (major outage); linkedin: no posting window is open before its max delay runs out. To fix: bluesky and x are healthy and free at Tue 14 Jul 20:30: add them to backups; or raise maxDelay to 11h30m: linkedin is free at Wed 15 Jul 08:00"]);
    expect(posts[4]![4]).toBe("instagram at 2026-07-16T11:00:00-04:00 (delay)");
  });

  it("reroute --dry-run appends its own, and a run with nothing at risk says so", async () => {
    const file = join(tempProject(), "summary.md");
    const env = { GITHUB_STEP_SUMMARY: file };
    expect((await runCli(["reroute", "--dry-run", ...NOW, "--json"], { cwd: DEMO, env })).code).toBe(4);
    expect((await runCli(["check", ...NOW, "--assume", "instagram=operational", "-q"], { cwd: DEMO, env })).code).toBe(0);
    const md = readFileSync(file, "utf8");
    expect(md.indexOf("## failover reroute")).toBe(0);
    const second = md.slice(md.indexOf("## failover check"));
    expect(second).toContain("🟢 **GO: nothing at risk**");
    expect(second).toContain("Nothing at risk: every post in the window is on a healthy channel.");
    expect(second).toMatch(/\| instagram \| instagram \| operational \| --assume \|/);
  });

  it("a summary that cannot be written is a warning, never a failed command", async () => {
    const dir = tempProject();
    mkdirSync(join(dir, "a-folder"));
    for (const target of [join(dir, "a-folder"), join(dir, "missing", "summary.md")]) {
      const r = await runCli(["check", ...NOW, "--window", "10h"], { cwd: DEMO, env: { GITHUB_STEP_SUMMARY: target } });
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/COVERED/);
      expect(r.stderr).toContain(`warning: could not append the job summary to ${target}:`);
    }
  });

  it("keeps table cells inside their cell: pipes, line breaks and HTML from calendars and servers", () => {
    const md = renderSummary({
      title: "failover check",
      verdict: "blocked", unverified: [],
      now: "2026-07-14T08:30:00Z",
      window: { from: "2026-07-14T08:30:00Z", to: "2026-07-16T08:30:00Z" },
      channels: [{ name: "web|hook", platform: "webhook", status: "unknown", sources: [{ kind: "http", name: "http a", status: "unknown", latencyMs: 5, error: "said <b>no</b>\nthen | broke" }] }],
      posts: [{ id: "p|1", channel: "web|hook", at: "2026-07-14T09:00:00Z", risk: "blocked", reasons: ["a | b", "c\nd"], line: 3 }],
      warnings: ["web|hook: health unknown"],
    });
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(row.startsWith("| channel") || row.startsWith("| web") ? 4 : 5);
    expect(md).toContain("said &lt;b&gt;no&lt;/b&gt;<br>then \\| broke");
    expect(md).not.toContain("<b>");
  });
});
