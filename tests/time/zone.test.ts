import { describe, expect, it } from "vitest";
import { formatInZone, isValidTimeZone, localToInstant, offsetMinutesAt, zonedParts } from "../../src/time/zone.js";
import { parseDateTime } from "../../src/time/datetime.js";

const local = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year, month, day, hour, minute, second: 0, millisecond: 0,
});

describe("time zones", () => {
  it("knows real zones and refuses typos", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Berln")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reads offsets in summer and winter", () => {
    expect(offsetMinutesAt(Date.UTC(2026, 6, 14, 12), "America/New_York")).toBe(-240);
    expect(offsetMinutesAt(Date.UTC(2026, 0, 14, 12), "America/New_York")).toBe(-300);
    expect(offsetMinutesAt(Date.UTC(2026, 6, 14, 12), "Asia/Kolkata")).toBe(330);
  });

  it("converts an ordinary local time", () => {
    const r = localToInstant(local(2026, 7, 14, 10), "America/New_York");
    expect(r).toEqual({ epochMs: Date.UTC(2026, 6, 14, 14), inGap: false, inOverlap: false });
  });

  // US 2026: DST starts Sun 8 March 02:00 -> 03:00, ends Sun 1 November 02:00 -> 01:00.
  it("moves a time in the US spring-forward gap forward by the gap", () => {
    const r = localToInstant(local(2026, 3, 8, 2, 30), "America/New_York");
    expect(r.inGap).toBe(true);
    expect(formatInZone(r.epochMs, "America/New_York")).toBe("2026-03-08T03:30:00-04:00");
  });

  it("takes the earlier instant in the US fall-back overlap", () => {
    const r = localToInstant(local(2026, 11, 1, 1, 30), "America/New_York");
    expect(r.inOverlap).toBe(true);
    expect(formatInZone(r.epochMs, "America/New_York")).toBe("2026-11-01T01:30:00-04:00");
  });

  // EU 2026: summer time starts Sun 29 March 01:00 UTC, ends Sun 25 October 01:00 UTC.
  it("handles the EU changes in Berlin", () => {
    const gap = localToInstant(local(2026, 3, 29, 2, 15), "Europe/Berlin");
    expect(gap.inGap).toBe(true);
    expect(formatInZone(gap.epochMs, "Europe/Berlin")).toBe("2026-03-29T03:15:00+02:00");
    const overlap = localToInstant(local(2026, 10, 25, 2, 30), "Europe/Berlin");
    expect(overlap.inOverlap).toBe(true);
    expect(overlap.epochMs).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it("handles a half-hour zone and a zone with no DST", () => {
    expect(localToInstant(local(2026, 4, 5, 2, 30), "Australia/Adelaide").inOverlap).toBe(true);
    expect(localToInstant(local(2026, 3, 8, 2, 30), "Asia/Tokyo")).toEqual({
      epochMs: Date.UTC(2026, 2, 7, 17, 30), inGap: false, inOverlap: false,
    });
  });

  it("round-trips every hour of a DST year in New York and Berlin", () => {
    for (const zone of ["America/New_York", "Europe/Berlin"]) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const p = zonedParts(t, zone);
        const back = localToInstant(p, zone);
        // Every instant maps back to itself, except the second pass through a fall-back hour,
        // which resolves (documentedly) to the first.
        if (back.epochMs !== t) {
          expect(back.inOverlap).toBe(true);
          expect(t - back.epochMs).toBe(3_600_000);
        }
      }
    }
  });

  it("gives weekday and parts in the zone", () => {
    const p = zonedParts(Date.UTC(2026, 6, 14, 2), "America/Los_Angeles");
    expect(p).toMatchObject({ year: 2026, month: 7, day: 13, hour: 19, weekday: 1, offsetMinutes: -420 });
  });
});

describe("parseDateTime", () => {
  it("takes an offset as is and ignores the zone", () => {
    expect(parseDateTime("2026-07-14T10:00:00+02:00", "America/New_York")).toMatchObject({ ok: true, epochMs: Date.UTC(2026, 6, 14, 8), hasOffset: true });
    expect(parseDateTime("2026-07-14T10:00Z", undefined)).toMatchObject({ ok: true, epochMs: Date.UTC(2026, 6, 14, 10) });
  });

  it("reads a local time in the zone", () => {
    expect(parseDateTime("2026-07-14T10:00", "America/New_York")).toMatchObject({ ok: true, epochMs: Date.UTC(2026, 6, 14, 14), hasOffset: false });
    expect(parseDateTime("2026-07-14 10:00", "UTC")).toMatchObject({ ok: true, epochMs: Date.UTC(2026, 6, 14, 10) });
  });

  it.each([
    ["2026-02-30T10:00", "has no day 30"],
    ["2026-02-29T10:00", "has no day 29"],
    ["2026-13-01T10:00", "month 13"],
    ["2026-07-14T24:00", "hour 24"],
    ["2026-07-14T10:60", "minute 60"],
    ["2026-07-14", "is not a date-time"],
    ["tomorrow", "is not a date-time"],
    ["2026-07-14T10:00+15:00", "offset"],
  ])("rejects %s", (text, reason) => {
    expect(parseDateTime(text, "UTC")).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
  });

  it("accepts 29 February in a leap year", () => {
    expect(parseDateTime("2028-02-29T10:00", "UTC")).toMatchObject({ ok: true });
  });

  it("needs a zone or an offset", () => {
    expect(parseDateTime("2026-07-14T10:00", undefined)).toMatchObject({ ok: false, reason: expect.stringContaining("no offset") });
  });
});

describe("the offset cache", () => {
  it("switches exactly at a transition instant", () => {
    const t = Date.UTC(2026, 2, 8, 7, 0);
    expect(offsetMinutesAt(t - 1, "America/New_York")).toBe(-300);
    expect(offsetMinutesAt(t, "America/New_York")).toBe(-240);
    const lordHowe = Date.UTC(2026, 3, 4, 15, 0); // 02:00 local, back from +11 to +10:30
    expect(offsetMinutesAt(lordHowe - 1, "Australia/Lord_Howe")).toBe(660);
    expect(offsetMinutesAt(lordHowe, "Australia/Lord_Howe")).toBe(630);
  });

  it("agrees with Intl for random instants in zones with odd offsets and transitions", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const zone of ["Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Europe/Dublin", "Pacific/Chatham", "America/New_York", "Africa/Casablanca"]) {
      const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
      for (let i = 0; i < 400; i++) {
        const t = Date.UTC(1975, 0, 1) + Math.floor(random() * 60 * 365 * 86_400_000);
        const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, Number(p.value)]));
        const mine = zonedParts(t, zone);
        expect([mine.year, mine.month, mine.day, mine.hour, mine.minute, mine.second], `${zone} ${new Date(t).toISOString()}`).toEqual([
          parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second,
        ]);
      }
    }
  });
});
