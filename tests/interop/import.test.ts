import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../src/calendar/load.js";
import { parseConfig } from "../../src/config/load.js";
import { importCsv, type ImportOptions } from "../../src/interop/import.js";
import { Document } from "yaml";

const config = parseConfig(
  "config/failover.yaml",
  `version: 1
channels:
  instagram: { platform: instagram, timezone: Europe/Berlin }
  x: { platform: x, timezone: Europe/London }
  newsletter: { platform: email, timezone: Europe/Berlin }
`,
  {},
);

const run = (text: string, options: Partial<ImportOptions> = {}) => importCsv(text, config, { file: "posts.csv", ...options });
const errors = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.col} ${d.message}`);
const asCalendar = (r: ReturnType<typeof run>) =>
  parseCalendar("calendar.yaml", new Document({ version: 1, ...(r.timezone ? { timezone: r.timezone } : {}), posts: r.posts }).toString(), config);

/** A sheet as Excel (German locale) saves "CSV UTF-8": BOM, `;`, CRLF, dotted dates, a line break in a cell. */
const EXCEL_DE =
  "\uFEFFPlatform;Date;Time;Caption;Link;Image URL;Alt text\r\n" +
  'IG;14.07.2026;10:00;"Big news ✨\r\nLink in bio! #launch";https://acme.example/launch;assets/teaser.jpg;"Teaser; the bottle"\r\n' +
  "Twitter;14.07.2026;10:30;Big news, tomorrow;;;\r\n" +
  'newsletter;15.07.2026;07:30;"It\'s here: ""the bottle""";https://acme.example;;\r\n';

describe("importCsv", () => {
  it("reads a spreadsheet's CSV into posts that load as a calendar, times in the channel's zone", () => {
    const r = run(EXCEL_DE, { channelMap: { ig: "instagram" } });
    expect(errors(r)).toEqual([]);
    expect(r.posts).toHaveLength(3);
    expect(r.posts[0]).toMatchObject({
      channel: "instagram",
      at: "2026-07-14T10:00",
      text: "Big news ✨\nLink in bio! #launch",
      link: "https://acme.example/launch",
      media: [{ path: "assets/teaser.jpg", kind: "image", alt: "Teaser; the bottle" }],
    });
    expect(r.posts[1]).toMatchObject({ channel: "x", text: "Big news, tomorrow" });
    expect(r.posts[2]).toMatchObject({ channel: "newsletter", text: 'It\'s here: "the bottle"' });
    // The calendar's zone is the one most rows are in; x's London times keep a zone of their own.
    expect(r.timezone).toBe("Europe/Berlin");
    expect(r.posts.map((p) => p.timezone)).toEqual([undefined, "Europe/London", undefined]);
    const calendar = asCalendar(r);
    expect(calendar.posts.map((p) => new Date(p.at).toISOString())).toEqual(["2026-07-14T08:00:00.000Z", "2026-07-14T09:30:00.000Z", "2026-07-15T05:30:00.000Z"]);
  });

  it("reads times in --timezone, DST correct on both sides of a change, and warns of a time that does not exist", () => {
    const csv = "channel,date,time,text\nx,2026-03-07,10:00,before\nx,2026-03-09,10:00,after\nx,2026-03-08,02:30,in the gap\n";
    const r = run(csv, { timezone: "America/New_York" });
    expect(errors(r)).toEqual([]);
    const at = asCalendar(r).posts.map((p) => new Date(p.at).toISOString());
    expect(at).toEqual(["2026-03-07T15:00:00.000Z", "2026-03-09T14:00:00.000Z", "2026-03-08T07:30:00.000Z"]);
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      expect.stringMatching(/^4:3 2026-03-08T02:30 does not exist in America\/New_York/),
    ]);
  });

  it("reports every bad row with its line and the column of its cell, and imports nothing", () => {
    const csv = [
      "channel,date,time,text,link",
      'x,2026-07-14,10:00,"two',
      'lines",https://ok.example',
      "myspace,2026-07-14,10:00,hello,",
      "x,2026-02-30,10:00,no such day,",
      "x,2026-07-14,25:00,no such hour,",
      "x,2026-07-14,11:00,bad link,notaurl",
      ",2026-07-14,12:00,no channel,",
    ].join("\r\n");
    const r = run(csv, { timezone: "UTC" });
    expect(errors(r)).toEqual([
      expect.stringMatching(/^4:1 unknown channel "myspace".*--channel-map/),
      expect.stringMatching(/^5:3 "2026-02-30": 2026-02 has no day 30/),
      expect.stringMatching(/^6:14 "25:00" is not a time/),
      expect.stringMatching(/^7:29 link: /),
      expect.stringMatching(/^8:1 no channel; add one or pass --channel/),
    ]);
    expect(r.posts).toHaveLength(1); // the caller writes nothing: there are errors
  });

  it("with --skip-bad leaves the bad rows out, each reported as a warning with its line", () => {
    const r = run("channel,date,time,text\nx,2026-07-14,10:00,fine\nx,nope,10:00,bad\n", { timezone: "UTC", skipBad: true });
    expect(errors(r)).toEqual([]);
    expect(r.skipped).toEqual([3]);
    expect(r.diagnostics[0]).toMatchObject({ line: 3, col: 3, severity: "warning", message: expect.stringContaining("(row skipped)") });
    expect(r.posts.map((p) => p.text)).toEqual(["fine"]);
  });

  it("gives rows without an id the same readable id every time, and identical rows distinct ones", () => {
    const csv = "channel,date,time,text\nx,2026-07-14,10:00,Big news tomorrow!\nx,2026-07-14,10:00,Big news tomorrow!\n";
    const a = run(csv, { timezone: "UTC" });
    const b = run(csv, { timezone: "UTC" });
    expect(a.posts.map((p) => p.id)).toEqual(b.posts.map((p) => p.id));
    expect(a.posts[0]!.id).toMatch(/^big-news-tomorrow-[0-9a-f]{6}$/);
    expect(a.posts[1]!.id).toBe(`${a.posts[0]!.id as string}-2`);
  });

  it("refuses an id the calendar already has, and one used twice in the file", () => {
    const csv = "id,channel,date,time,text\nlaunch,x,2026-07-14,10:00,a\nteaser,x,2026-07-14,11:00,b\nteaser,x,2026-07-14,12:00,c\n";
    const r = run(csv, { timezone: "UTC", calendar: { ids: new Set(["launch"]) } });
    expect(errors(r)).toEqual([expect.stringMatching(/^2:1 the calendar already has a post "launch"/), expect.stringMatching(/^4:1 duplicate id "teaser" \(first on line 3\)/)]);
  });

  it("reads Hootsuite's bulk file: no header, date-time, message, link; the channel from --channel", () => {
    const csv = '14/07/2026 10:00,"Big news, tomorrow",https://acme.example\n15/07/2026 09:05,Second,\n';
    const r = run(csv, { from: "hootsuite", channel: "x", timezone: "Europe/London" });
    expect(errors(r)).toEqual([]);
    expect(r.posts.map((p) => [p.at, p.text, p.link])).toEqual([
      ["2026-07-14T10:00", "Big news, tomorrow", "https://acme.example"],
      ["2026-07-15T09:05", "Second", undefined],
    ]);
  });

  it("asks for --date-format when every date reads both ways, and takes --map for odd headers", () => {
    const csv = "Network,Publish on,Words\nx,03/04/2026 10:00,hello\n";
    expect(errors(run(csv, { timezone: "UTC", map: { date: "Publish on", text: "Words" } }))).toEqual([expect.stringMatching(/^2:3 .*--date-format/)]);
    const r = run(csv, { timezone: "UTC", map: { date: "Publish on", text: "3" }, dayOrder: "mdy" });
    expect(r.posts[0]).toMatchObject({ at: "2026-03-04T10:00", text: "hello" });
  });

  it("refuses media outside the calendar's folder on its cell, as the calendar would", () => {
    const r = run("channel,date,time,text,media\nx,2026-07-14,10:00,hi,assets/ok.jpg | ../../etc/passwd\n", { timezone: "UTC" });
    expect(errors(r)).toEqual([expect.stringMatching(/^2:23 "\.\.\/\.\.\/etc\/passwd" leaves the calendar's folder/)]);
  });

  it("says which column is missing", () => {
    expect(errors(run("channel,Zeitpunkt,text\nx,soon,hi\n"))).toEqual([expect.stringMatching(/^1:1 no date column among "channel", "Zeitpunkt", "text"; name it with --map date=/)]);
  });
});
