import { describe, expect, it } from "vitest";
import { parseWindow } from "../../src/schedule/windows.js";
import { earliestSlot, latestSlot, nextOpen, Occupancy, previousOpen } from "../../src/schedule/slots.js";

const w = (text: string) => {
  const r = parseWindow(text);
  if ("error" in r) throw new Error(r.error);
  return r;
};

describe("posting windows", () => {
  it("parses days, ranges, lists and overnight ranges", () => {
    expect(w("Mon-Fri 08:00-20:00")).toMatchObject({ days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1200 });
    expect(w("Sat 10:00-14:00")).toMatchObject({ days: [6], startMinute: 600, endMinute: 840 });
    expect(w("Mon,Wed,Fri 09:00-11:30")).toMatchObject({ days: [1, 3, 5], endMinute: 690 });
    expect(w("Fri-Mon 09:00-10:00").days).toEqual([0, 1, 5, 6]);
    expect(w("daily 22:00-02:00")).toMatchObject({ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 1320, endMinute: 1560 });
    expect(w("07:00-24:00")).toMatchObject({ startMinute: 420, endMinute: 1440 });
    expect(w("weekends 10:00-12:00").days).toEqual([0, 6]);
  });

  it.each([
    ["Mon-Fry 08:00-20:00", '"Fry" is not a day'],
    ["Mon 25:00-26:00", "25:00 is not a time of day"],
    ["Mon 08:00-08:00", "opens and closes at the same time"],
    ["whenever", "is not a posting window"],
    ["Mon 8-20", "is not a posting window"],
  ])("refuses %s", (text, reason) => {
    const r = parseWindow(text);
    expect("error" in r && r.error).toContain(reason);
  });
});

describe("slots", () => {
  const berlinOffice = { zone: "Europe/Berlin", windows: [w("Mon-Fri 09:00-17:00")], minGapMs: 3_600_000 };

  it("finds the next opening, and stays inside an open window", () => {
    // Saturday 18 July 2026, 12:00Z: the next opening is Monday 09:00 Berlin = 07:00Z.
    expect(nextOpen(Date.UTC(2026, 6, 18, 12), berlinOffice)).toBe(Date.UTC(2026, 6, 20, 7));
    expect(nextOpen(Date.UTC(2026, 6, 20, 10), berlinOffice)).toBe(Date.UTC(2026, 6, 20, 10));
    expect(previousOpen(Date.UTC(2026, 6, 18, 12), berlinOffice)).toBe(Date.UTC(2026, 6, 17, 14, 59));
  });

  it("returns no opening for a channel with no window within a week", () => {
    expect(nextOpen(Date.UTC(2026, 6, 18, 12), { zone: "UTC", windows: [], minGapMs: 0 })).toBe(Date.UTC(2026, 6, 18, 12));
  });

  it("spaces slots by minGap around existing posts, both ways", () => {
    const occ = new Occupancy();
    occ.add("li", Date.UTC(2026, 6, 20, 7));
    occ.add("li", Date.UTC(2026, 6, 20, 8, 30));
    const from = Date.UTC(2026, 6, 20, 7);
    expect(earliestSlot("li", berlinOffice, occ, from, from + 86_400_000)).toEqual({ ok: true, at: Date.UTC(2026, 6, 20, 9, 30) });
    expect(latestSlot("li", berlinOffice, occ, from, Date.UTC(2026, 6, 20, 10))).toEqual({ ok: true, at: Date.UTC(2026, 6, 20, 10) });
    expect(latestSlot("li", berlinOffice, occ, from, Date.UTC(2026, 6, 20, 9, 15))).toEqual({ ok: false, reason: "every slot within its max delay is taken (spacing)" });
    occ.remove("li", Date.UTC(2026, 6, 20, 8, 30));
    expect(earliestSlot("li", berlinOffice, occ, from, from + 86_400_000)).toEqual({ ok: true, at: Date.UTC(2026, 6, 20, 8) });
  });

  it("says why there is no slot", () => {
    const occ = new Occupancy();
    const sat = Date.UTC(2026, 6, 18, 12);
    expect(earliestSlot("li", berlinOffice, occ, sat, sat + 3_600_000)).toEqual({ ok: false, reason: "no posting window is open before its max delay runs out" });
  });
});
