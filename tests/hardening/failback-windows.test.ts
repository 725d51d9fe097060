/**
 * A post a person scheduled outside its channel's posting windows (a Saturday-night post on a
 * weekdays channel) is restored at its own time once the channel is back: the windows guide
 * where failover moves posts, they do not hold back a post from the time it already had.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";

const CONFIG = `version: 1
defaults: { timezone: UTC, backups: [x], maxDelay: 2h }
channels:
  ig: { platform: instagram, windows: ["Mon-Fri 09:00-17:00"], health: [{ kind: manual, status: operational }] }
  x: { platform: x, health: [{ kind: manual, status: operational }] }
`;
const CALENDAR = `version: 1
timezone: UTC
posts:
  - id: late-night
    channel: ig
    at: 2026-07-18T21:00
    text: Saturday night drop
    status: rerouted
    reroutedTo: late-night--x
    reason: ig is major outage
  - id: late-night--x
    channel: x
    at: 2026-07-18T21:00
    text: Saturday night drop
    maxDelay: 2h
    reroutedFrom: late-night
    reason: ig is major outage
  - id: held
    channel: ig
    at: 2026-07-18T22:30
    originalAt: 2026-07-18T21:30
    text: held back a little
    reason: ig is major outage
`;

describe("failback outside the windows", () => {
  it("restores a rerouted post, and a delayed one, at their own times outside the channel's windows", async () => {
    const dir = tempProject({ "config/failover.yaml": CONFIG, "calendar.yaml": CALENDAR });
    const r = await runCli(["failback", "--yes", "--json", "--now", "2026-07-18T12:00:00Z"], { cwd: dir });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.warnings).toEqual([]);
    expect(plan.actions.map((a: { postId: string; to: { at: string }; removes?: string[] }) => [a.postId, a.to.at, a.removes ?? []])).toEqual([
      ["late-night", "2026-07-18T21:00:00Z", ["late-night--x"]],
      ["held", "2026-07-18T21:30:00Z", []],
    ]);
    const after = readFileSync(join(dir, "calendar.yaml"), "utf8");
    expect(after).not.toContain("late-night--x");
    expect(after).not.toContain("status: rerouted");
    expect(after).toContain("    at: 2026-07-18T21:30\n");
  });
});
