/** The global flags as people type them: --now in the calendar's zone, --assume's short words. */
import { describe, expect, it } from "vitest";
import { parseAssume, parseNow } from "../../src/cli/context.js";
import { UsageError } from "../../src/errors.js";

const CLOCK = () => Date.parse("2026-07-13T15:00:00Z");
const NEW_YORK = () => ({ zone: "America/New_York", file: "calendar.yaml" });

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("--now", () => {
  it("takes an offset as written, and a local time in the calendar's zone", () => {
    expect(parseNow("2026-07-14T08:30:00-04:00", NEW_YORK, CLOCK)).toBe(Date.parse("2026-07-14T12:30:00Z"));
    expect(parseNow("2026-07-14T08:30", NEW_YORK, CLOCK)).toBe(Date.parse("2026-07-14T12:30:00Z"));
  });

  it("suggests times that work, and each suggestion does", () => {
    const message = refusal(() => parseNow("tomorrow", NEW_YORK, CLOCK));
    expect(message).toBe('--now: "tomorrow" is not a date-time; write e.g. 2026-07-14T10:00 (read in America/New_York, the calendar\'s zone) or 2026-07-14T10:00:00Z');
    for (const example of ["2026-07-14T10:00", "2026-07-14T10:00:00Z"]) expect(() => parseNow(example, NEW_YORK, CLOCK)).not.toThrow();
  });

  it("without a zone anywhere, asks for an offset and suggests ones that work", () => {
    const message = refusal(() => parseNow("2026-07-14T08:30", () => undefined, CLOCK));
    expect(message).toMatch(/has no offset and no calendar or config here names a time zone; write e\.g\. 2026-07-14T10:00:00Z or 2026-07-14T10:00:00-04:00$/);
    for (const example of ["2026-07-14T10:00:00Z", "2026-07-14T10:00:00-04:00"]) expect(() => parseNow(example, () => undefined, CLOCK)).not.toThrow();
  });
});

describe("--assume", () => {
  it("takes down and up for major_outage and operational, and statuses in any case", () => {
    expect([...parseAssume(["instagram=down", "x=up", "linkedin=Partial-Outage"])]).toEqual([
      ["instagram", "major_outage"],
      ["x", "operational"],
      ["linkedin", "partial_outage"],
    ]);
  });

  it("refuses other words with a did-you-mean", () => {
    expect(refusal(() => parseAssume(["instagram=dwon"]))).toMatch(/^--assume: "dwon" is not a status \(did you mean "down"\?\); use operational, /);
  });
});
