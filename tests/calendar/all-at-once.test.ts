import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../src/calendar/load.js";
import { parseConfig } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";

const config = parseConfig("failover.yaml", "version: 1\n", {});
const problems = (text: string): string[] => {
  try {
    parseCalendar("calendar.yaml", text, config);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.line}:${d.col} ${d.message.split(";")[0]}`);
    throw e;
  }
  return [];
};

describe("every problem at once", () => {
  it("a zone typo at the top and a bad field in a post hide nothing else", () => {
    expect(
      problems(`version: 1
timezone: America/New_Yrok
posts:
  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: hi, maxDelay: 3 }
  - { id: a, channel: instagramm, at: "2026-02-30T10:00:00Z", text: hi }
  - { id: c, channel: x, at: "2026-02-30T10:00:00Z", text: hi, maxDelay: 3 }
`),
    ).toEqual([
      '2:11 timezone: "America/New_Yrok" is not a time zone (did you mean "America/New_York"?)',
      '4:76 posts[0].maxDelay: a duration needs a unit, e.g. "3m" or "3s"',
      '5:11 posts[1].id: duplicate id "a" (first used on line 4)',
      '5:23 posts[1].channel: unknown channel "instagramm" (did you mean "instagram"?)',
      '5:39 posts[1].at: "2026-02-30T10:00:00Z": 2026-02 has no day 30',
      '6:30 posts[2].at: "2026-02-30T10:00:00Z": 2026-02 has no day 30',
      '6:74 posts[2].maxDelay: a duration needs a unit, e.g. "3m" or "3s"',
    ]);
  });
});
