/**
 * Durations are bounded: past Node's timer range (24.8 days) a deadline fires at once and every
 * source reads unknown; a max delay of millions of hours leaves the calendar's time range and
 * crashes the planner. `validate` refuses them, at their line, as it refuses any other mistake.
 */
import { describe, expect, it } from "vitest";
import { DURATION_LIMITS, parseDuration } from "../../src/time/duration.js";
import { runCli, tempProject } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];

describe("duration limits", () => {
  it("validate refuses each duration beyond its limit, naming the limit", async () => {
    const dir = tempProject({
      "config/failover.yaml": [
        "version: 1",
        "health: { deadline: 25d, timeout: 1h }",
        "defaults: { maxDelay: 9999999999h, timezone: UTC }",
        "channels:",
        "  x: { platform: x, minGap: 60d, health: [{ kind: http, url: 'https://x.example/', timeout: 11m, degradedAfter: 2h }] }",
        "",
      ].join("\n"),
      "calendar.yaml": "version: 1\nposts:\n  - { id: a, channel: x, at: 2026-07-20T10:00, text: hi, maxDelay: 400d }\n",
    });
    const r = await runCli(["validate", ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    for (const line of [
      "calendar.yaml:3:68 error: posts[0].maxDelay: 400d is longer than the limit of 365d here",
      "config/failover.yaml:2:21 error: health.deadline: 25d is longer than the limit of 10m here",
      "config/failover.yaml:2:35 error: health.timeout: 1h is longer than the limit of 10m here",
      'config/failover.yaml:3:23 error: defaults.maxDelay: "9999999999h" is longer than any duration failover takes (100 years)',
      "config/failover.yaml:5:29 error: channels.x.minGap: 60d is longer than the limit of 30d here",
    ]) {
      expect(r.stderr).toContain(line);
    }
    expect(r.stderr).toMatch(/channels\.x\.health\[0\]\.timeout: 11m is longer than the limit of 10m here/);
    expect(r.stderr).toMatch(/channels\.x\.health\[0\]\.degradedAfter: 2h is longer than the limit of 10m here/);
    // check refuses the same config rather than running with an overflowing timer.
    expect((await runCli(["check", ...NOW], { cwd: dir })).code).toBe(2);
  });

  it("--window beyond its limit is a flag error; no duration is over 100 years", async () => {
    const r = await runCli(["check", "--window", "5000d", "--assume", "x=operational", ...NOW], { cwd: tempProject({ "calendar.yaml": "version: 1\nposts: []\n" }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--window: 5000d is longer than the limit of 1098d here/);
    expect(DURATION_LIMITS.request).toBe(600_000);
    expect(parseDuration("9999999999h").ok).toBe(false);
  });
});
