import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/time/duration.js";

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["6h", 21_600_000],
    ["2d", 172_800_000],
    ["1h30m", 5_400_000],
    ["250ms", 250],
    ["1d2h3m4s", 93_784_000],
    ["0", 0],
    [0, 0],
    ["1.5h", 5_400_000],
    ["1w", 604_800_000],
    ["2w3d", 1_468_800_000],
  ] as const)("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each(["-30m", "30", "1x", "30m1h", "1h1h", "", "h", "1h 30m"])("rejects %j", (text) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
  });

  it.each([
    ["3 hours", "3h"],
    ["3hours", "3h"],
    ["1 hour 30 minutes", "1h30m"],
    ["1 hour and 30 minutes", "1h30m"],
    ["1h 30m", "1h30m"],
    ["90 mins", "90m"],
    ["2 weeks", "2w"],
    ["1.5 days", "1.5d"],
    ["250 milliseconds", "250ms"],
  ])("suggests the short form for %j", (text, hint) => {
    expect(parseDuration(text)).toEqual({ ok: false, reason: `"${text}" is not a duration; did you mean "${hint}"?` });
  });

  it("suggests nothing for words that are not units", () => {
    const r = parseDuration("3 parsecs");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toContain("did you mean");
  });

  it("writes weeks out as days", () => {
    expect(formatDuration(604_800_000)).toBe("7d");
  });

  it("says why a negative duration is rejected", () => {
    expect(parseDuration("-2h")).toMatchObject({ ok: false, reason: expect.stringContaining("negative") });
  });

  it("asks for a unit on a bare number", () => {
    expect(parseDuration(30)).toMatchObject({ ok: false, reason: expect.stringContaining('"30m"') });
  });

  it("formats back to the shortest spelling", () => {
    expect(formatDuration(5_400_000)).toBe("1h30m");
    expect(formatDuration(93_784_000)).toBe("1d2h3m4s");
    expect(formatDuration(0)).toBe("0s");
    for (const text of ["90s", "6h", "2d", "1h30m", "250ms"]) {
      const r = parseDuration(text);
      if (!r.ok) throw new Error(r.reason);
      expect(parseDuration(formatDuration(r.ms))).toEqual(r);
    }
  });
});
