import { describe, expect, it } from "vitest";
import { lintCalendar } from "../../src/calendar/lint.js";
import { parseCalendar } from "../../src/calendar/load.js";
import { parseConfig } from "../../src/config/load.js";

const config = parseConfig(
  "config.yaml",
  `version: 1
channels:
  instagram: { platform: instagram, timezone: Europe/Berlin, windows: ["Mon-Fri 08:00-20:00"] }
  x: { platform: x }
`,
  {},
);

const CALENDAR = `version: 1
timezone: Europe/Berlin
posts:
  - id: gone
    channel: x
    at: 2026-07-13T10:00
    text: "went out, not marked"
  - id: done
    channel: x
    at: 2026-07-13T11:00
    text: "marked"
    status: posted
  - id: late-night
    channel: instagram
    at: 2026-07-14T21:30
    text: "outside the window"
    media:
      - { path: assets/here.jpg, kind: image }
      - { path: assets/missing.jpg, kind: image }
      - { path: https://cdn.example/clip.mp4, kind: video }
  - id: own
    channel: x
    at: 2026-07-14T12:00
    text: "backs itself up"
    backups: [x, instagram]
`;

const NOW = Date.parse("2026-07-14T08:00:00+02:00");

describe("validate's warnings (lintCalendar)", () => {
  const calendar = parseCalendar("cal.yaml", CALENDAR, config);
  const lint = lintCalendar(calendar, config, { now: NOW, fileExists: (p) => p.endsWith("assets/here.jpg") });
  const brief = [...calendar.warnings, ...lint].map((d) => `${d.line}:${d.col} ${d.severity}: ${d.message}`);

  it("names a post whose time has passed and is not marked posted, at its `at`", () => {
    expect(brief).toContain(
      "6:9 warning: posts[0].at: gone was due at 2026-07-13T10:00:00+02:00, before now (2026-07-14T08:00:00+02:00), and is not marked posted: set status: posted if it went out, or move it",
    );
    expect(brief.join("\n")).not.toContain("done was due");
  });

  it("names a time outside the channel's posting windows, in the channel's zone", () => {
    expect(brief).toContain(
      "15:9 warning: posts[2].at: 2026-07-14T21:30:00+02:00 is outside instagram's posting windows (Mon-Fri 08:00-20:00, Europe/Berlin); failover moves posts only into windows",
    );
  });

  it("names a media file that is not there, relative to the calendar, and leaves URLs alone", () => {
    expect(brief).toContain('19:17 warning: posts[2].media[1].path: "assets/missing.jpg" does not exist (media paths are relative to the calendar\'s folder)');
    expect(brief.filter((b) => b.includes("does not exist"))).toHaveLength(1);
  });

  it("names a backup that is the post's own channel", () => {
    expect(brief).toContain('25:15 warning: posts[3].backups[0]: "x" is the post\'s own channel; it cannot stand in for itself');
  });

  it("says nothing of a sound calendar", () => {
    const sound = parseCalendar("cal.yaml", CALENDAR.slice(0, CALENDAR.indexOf("  - id: done")), config);
    expect(lintCalendar(sound, config, { now: Date.parse("2026-07-13T07:00:00Z") })).toEqual([]);
  });
});
