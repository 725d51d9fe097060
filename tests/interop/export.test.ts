import { describe, expect, it } from "vitest";
import ical from "node-ical";
import { parseCalendar } from "../../src/calendar/load.js";
import type { Calendar, Post } from "../../src/calendar/model.js";
import { parseConfig, resolveChannel } from "../../src/config/load.js";
import { rewritePost } from "../../src/adapters/rewrite.js";
import { readCsv } from "../../src/interop/csv-read.js";
import { writeCsv } from "../../src/interop/csv-write.js";
import { exportCalendar, type ExportOptions } from "../../src/interop/export.js";
import { importCsv } from "../../src/interop/import.js";
import { writeIcs } from "../../src/interop/ics.js";
import { Document } from "yaml";
import { releaseDocument } from "../../src/yaml/source.js";

const config = parseConfig(
  "config/failover.yaml",
  `version: 1
defaults: { backups: [x, linkedin] }
channels:
  instagram: { platform: instagram, timezone: America/New_York }
  x: { platform: x, timezone: America/New_York }
  bluesky: { platform: bluesky }
  linkedin: { platform: linkedin, timezone: Europe/Berlin }
`,
  {},
);

/** A calendar after a reroute: the original marked, its stand-in beside it, and every kind of field. */
const CALENDAR = `version: 1
timezone: America/New_York
posts:
  - id: before-dst
    channel: instagram
    at: 2026-03-07T10:00
    text: |
      Big news tomorrow ✨ Link in bio! #launch @acme
    link: https://acme.example/launch
    media:
      - { path: assets/teaser.jpg, kind: image, alt: "Teaser: the bottle, lit" }
      - { path: assets/clip.mp4, kind: video }
    backups: [x, linkedin]
    variants:
      x: "Big news tomorrow ✨ https://acme.example/launch #launch"
    policy: reroute
    maxDelay: 3h
    campaign: spring-launch
    status: rerouted
    reroutedTo: before-dst-x
  - id: before-dst-x
    channel: x
    at: 2026-03-07T10:00
    text: "Big news tomorrow ✨ https://acme.example/launch #launch"
    reroutedFrom: before-dst
    originalChannel: instagram
    reason: "instagram is major_outage"
  - id: after-dst
    channel: bluesky
    at: 2026-03-09T10:00
    media:
      - { path: assets/no-alt.jpg, kind: image }
      - { path: "https://cdn.example/b.gif", kind: gif, alt: "Second | with a bar" }
    text: "Comma, \\"quotes\\" and a\\nline break"
  - id: berlin
    channel: linkedin
    at: 2026-03-09T09:00
    timezone: Europe/Berlin
    text: Guten Morgen
    media: [{ path: assets/a.png, kind: image, alt: "A | B" }]
    title: Launch
  - id: with-offset
    channel: x
    at: 2026-03-10T12:00:00+01:00
    text: Offset kept
    status: skipped
    reason: "a person decided"
`;

const calendar = parseCalendar("launch.yaml", CALENDAR, config);
const NOW = Date.parse("2026-03-01T00:00:00Z");
const exported = (options: Partial<ExportOptions> & Pick<ExportOptions, "format">) => exportCalendar(calendar, config, { now: NOW, ...options });

/** What a post means, without where it sits in its file or how its time was spelt. */
const meaning = (c: Calendar) => c.posts.map(({ line: _l, col: _c, index: _i, atText: _a, originalAtText: _o, ...rest }: Post) => rest);

function reimport(csv: string): Calendar {
  const r = importCsv(csv, config, { file: "calendar.csv" });
  expect(r.diagnostics).toEqual([]);
  return parseCalendar("calendar.yaml", new Document({ version: 1, ...(r.timezone ? { timezone: r.timezone } : {}), posts: r.posts }).toString(), config);
}

describe("export --format csv, then import", () => {
  it("gives the same calendar: every field, stand-ins and their bookkeeping, zones and offsets", async () => {
    const csv = (await exported({ format: "csv" })).text;
    const again = reimport(csv);
    expect(again.timezone).toBe("America/New_York");
    expect(meaning(again)).toEqual(meaning(calendar));
  });

  it("writes the same file from the posts kept as written at loading (the CLI's way) as from the whole Document", async () => {
    // A key with no column of its own (lang) gets one too; a released calendar keeps no Document.
    const text = CALENDAR.replace("    title: Launch\n", "    title: Launch\n    lang: de\n");
    const kept = parseCalendar("launch.yaml", text, config, undefined, { keepWritten: true });
    expect(releaseDocument(kept.source)).toBe(true);
    expect(kept.written).toHaveLength(5);
    const fromDocument = parseCalendar("launch.yaml", text, config);
    const csv = (c: Calendar) => exportCalendar(c, config, { now: NOW, format: "csv" });
    expect((await csv(kept)).text).toMatch(/lang/);
    expect((await csv(kept)).text).toBe((await csv(fromDocument)).text);
    expect(parseCalendar("launch.yaml", text, config).written).toBeUndefined();
  });

  it("still does after a spreadsheet saved it again: `;`, a BOM, day-first dotted dates, CRLF", async () => {
    const table = readCsv((await exported({ format: "csv" })).text);
    const header = table.rows[0]!.cells.map((c) => c.value);
    const dateColumn = header.indexOf("date");
    const rows = table.rows.map((r, i) =>
      r.cells.map((c, j) => (i > 0 && j === dateColumn && /^\d{4}-\d{2}-\d{2}$/.test(c.value) ? c.value.split("-").reverse().join(".") : c.value)),
    );
    const resaved = await writeCsv(rows, { delimiter: ";", bom: true });
    expect(resaved.startsWith("\uFEFFid;channel;date")).toBe(true);
    expect(resaved).toContain(";07.03.2026;10:00;");
    expect(meaning(reimport(resaved))).toEqual(meaning(calendar));
  });
});

describe("export --format ics", () => {
  it("is read back by node-ical with the right instants on both sides of a DST change, stable UIDs, stand-ins shown", async () => {
    const text = (await exported({ format: "ics" })).text;
    const events = Object.values(ical.sync.parseICS(text)).filter((e): e is ical.VEvent => e?.type === "VEVENT");
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(["after-dst@launch.failover", "before-dst-x@launch.failover", "before-dst@launch.failover", "berlin@launch.failover", "with-offset@launch.failover"]);
    // 10:00 in New York is 15:00Z before the change (EST) and 14:00Z after it (EDT).
    expect(new Date(byUid.get("before-dst@launch.failover")!.start).toISOString()).toBe("2026-03-07T15:00:00.000Z");
    expect(new Date(byUid.get("after-dst@launch.failover")!.start).toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(new Date(byUid.get("berlin@launch.failover")!.start).toISOString()).toBe("2026-03-09T08:00:00.000Z");
    expect(new Date(byUid.get("with-offset@launch.failover")!.start).toISOString()).toBe("2026-03-10T11:00:00.000Z");
    // The rerouted original is cancelled in the team's calendar; its stand-in says whom it stands in for.
    expect(byUid.get("before-dst@launch.failover")!.status).toBe("CANCELLED");
    expect(byUid.get("before-dst-x@launch.failover")!.summary).toMatch(/^x \(for instagram\): Big news tomorrow/);
    expect(byUid.get("after-dst@launch.failover")!.description).toContain('Comma, "quotes" and a\nline break');
  });

  it("keeps the UIDs from one export to the next and raises SEQUENCE, so a re-import updates", async () => {
    const first = (await exported({ format: "ics" })).text;
    const later = (await exportCalendar(calendar, config, { format: "ics", now: NOW + 3_600_000 })).text;
    const uids = (t: string) => [...t.matchAll(/^UID:(.+)\r?$/gm)].map((m) => m[1]);
    const seq = (t: string) => Number(/^SEQUENCE:(\d+)/m.exec(t)![1]);
    expect(uids(later)).toEqual(uids(first));
    expect(seq(later)).toBeGreaterThan(seq(first));
  });
});

describe("export --format hootsuite", () => {
  it("writes the bulk composer's columns for what is still to go out, in the channel's zone, the text as the platform gets it", async () => {
    const r = await exportCalendar(calendar, config, { format: "hootsuite", now: NOW, channels: ["x"] });
    const rows = readCsv(r.text).rows.map((row) => row.cells.map((c) => c.value));
    // The skipped post is left out; the stand-in goes, its time in x's zone (New York).
    const standIn = calendar.posts.find((p) => p.id === "before-dst-x")!;
    const x = resolveChannel(config, "x")!;
    const asXGetsIt = rewritePost(standIn, { channel: x, source: x }, config.handles).text;
    expect(asXGetsIt).toMatch(/^Big news tomorrow ✨ https:\/\/acme.example\/launch\s+#launch$/);
    expect(rows).toEqual([["07/03/2026 10:00", asXGetsIt, ""]]);
    expect(r.warnings).toEqual([]);
    const us = await exportCalendar(calendar, config, { format: "hootsuite", now: NOW, channels: ["x"], dayOrder: "mdy" });
    expect(readCsv(us.text).rows[0]!.cells[0]!.value).toBe("03/07/2026 10:00");
  });

  it("warns that Hootsuite takes one profile per file", async () => {
    expect((await exported({ format: "hootsuite" })).warnings[0]).toMatch(/one file per social profile/);
  });
});

describe("export --format json and --window", () => {
  it("lists the posts in the window with the platform's text and times in the channel's zone", async () => {
    const doc = JSON.parse((await exportCalendar(calendar, config, { format: "json", now: Date.parse("2026-03-08T00:00:00Z"), windowMs: 2 * 86_400_000 })).text);
    expect(doc.posts.map((p: { id: string }) => p.id)).toEqual(["berlin", "after-dst"]);
    expect(doc.posts[0]).toMatchObject({ channel: "linkedin", at: "2026-03-09T09:00:00+01:00", zone: "Europe/Berlin", platformText: "Guten Morgen" });
  });
});

describe("writeIcs", () => {
  it("folds long lines at 75 octets without splitting a character, and node-ical reads the text back whole", async () => {
    const text = `${"Ünïcödé ✨🎉 text; with, commas\\ and\nbreaks ".repeat(12)}end`;
    const ics = writeIcs([{ uid: "long@t.failover", start: Date.UTC(2026, 6, 14, 8), durationMs: 900_000, summary: text.slice(0, 80), description: text, categories: ["x", "a,b"], cancelled: false }], { name: "t", now: Date.UTC(2026, 0, 1) });
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/[^\r]\n/); // CRLF only
    const event = Object.values(ical.sync.parseICS(ics)).find((e): e is ical.VEvent => e?.type === "VEVENT")!;
    expect(event.description).toBe(text);
    expect(new Date(event.start).toISOString()).toBe("2026-07-14T08:00:00.000Z");
  });
});
