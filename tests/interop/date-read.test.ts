import { describe, expect, it } from "vitest";
import { decideDayOrder, localIso, readDateTime } from "../../src/interop/date-read.js";

const iso = (date: string, time?: string, order?: "dmy" | "mdy") => {
  const r = readDateTime(date, time, order);
  return r.ok ? localIso(r.local) + (r.offsetMinutes !== undefined ? ` ${r.offsetMinutes}` : "") : `error: ${r.reason}`;
};

describe("readDateTime", () => {
  it("reads the date formats spreadsheets write", () => {
    expect(iso("2026-07-14", "10:00")).toBe("2026-07-14T10:00");
    expect(iso("2026-07-14 10:00:30")).toBe("2026-07-14T10:00:30");
    expect(iso("14.07.2026 10:00")).toBe("2026-07-14T10:00");
    expect(iso("14/07/2026", "10:00")).toBe("2026-07-14T10:00");
    expect(iso("7/14/2026 10:00 PM")).toBe("2026-07-14T22:00");
    expect(iso("03/04/26", "12:05 am", "mdy")).toBe("2026-03-04T00:05");
    expect(iso("03/04/2026", "9:30", "dmy")).toBe("2026-04-03T09:30");
    expect(iso("14-Jul-26", "10:00")).toBe("2026-07-14T10:00");
    expect(iso("Jul 14, 2026 10:00")).toBe("2026-07-14T10:00");
    expect(iso("2026-05-01T10:00:00Z")).toBe("2026-05-01T10:00 0");
    expect(iso("2026-05-01T10:00:00+02:00")).toBe("2026-05-01T10:00 120");
  });

  it("reads Excel serial numbers, the date and the time as fractions", () => {
    // 46217 is 2026-07-14 in Excel's 1900 date system; 0.4166… is 10:00.
    expect(iso("46217.4166666667")).toBe("2026-07-14T10:00");
    expect(iso("46217", "0.4375")).toBe("2026-07-14T10:30");
  });

  it("refuses what is not a date or cannot be told apart, and impossible days", () => {
    expect(iso("03/04/2026", "10:00")).toMatch(/could be day\/month or month\/day/);
    expect(iso("2026-02-30", "10:00")).toMatch(/has no day 30/);
    expect(iso("soon", "10:00")).toMatch(/not a date/);
    expect(iso("2026-07-14", "25:00")).toMatch(/not a time/);
    expect(iso("2026-07-14 10:00", "11:00")).toMatch(/keep one/);
  });

  it("lets the file decide the day order, and names two dates that disagree", () => {
    const cells = (...v: string[]) => v.map((value) => ({ value }));
    expect(decideDayOrder(cells("03/04/2026", "25/04/2026")).order).toBe("dmy");
    expect(decideDayOrder(cells("03/04/2026", "04/25/2026")).order).toBe("mdy");
    expect(decideDayOrder(cells("03/04/2026")).order).toBeUndefined();
    expect(decideDayOrder(cells("13/04/2026", "04/25/2026")).conflict?.map((c) => c.value)).toEqual(["13/04/2026", "04/25/2026"]);
  });
});
