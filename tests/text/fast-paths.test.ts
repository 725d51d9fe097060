/**
 * The fast paths `list` and `export` run on every post agree with the slow, obvious ones: grapheme
 * clusters cut around joining characters only, display width with printable ASCII taken as one
 * column, a cut to a width in one pass, and the zone's short name cached per quarter hour.
 */
import { describe, expect, it } from "vitest";
import { truncateToWidth } from "../../src/cli/table.js";
import { displayPieces, displayWidth, graphemeWidth, stripAnsi } from "../../src/text/display-width.js";
import { graphemes } from "../../src/text/graphemes.js";
import { zoneAbbreviation } from "../../src/time/zone.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const slowGraphemes = (t: string): string[] => [...segmenter.segment(t)].map((s) => s.segment);
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const slowWidth = (t: string): number => slowGraphemes(stripAnsi(t)).reduce((n, g) => n + graphemeWidth(g), 0);

/** truncateToWidth as it was: measure the whole text, then cut piece by piece. */
function slowTruncate(text: string, width: number): string {
  if (slowWidth(text) <= width) return text;
  let body = "";
  let used = 0;
  let ansi = false;
  for (const p of displayPieces(text)) {
    if (!p.ansi && used + p.width > width - 1) break;
    body += p.text;
    ansi ||= p.ansi;
    used += p.width;
  }
  return `${body}…${ansi ? "\x1b[0m" : ""}`;
}

const PIECES = [
  "a", "Z", " ", "~", "\t", "\n", "\r", "\r\n", "é", "e\u0301", "\u0301", "東", "か", "\u3099", "ｶ", "\uff9e", "한", "\u1100", "\u1161", "\u11a8",
  "👍", "🏽", "\u200d", "\u200b", "\ufe0f", "👨‍👩‍👧‍👦", "🇯", "🇵", "क", "्", "ष", "\u0e01", "\u0e33", "\u0600", "1", "#", "\u20e3", "🏴", "\u{e0067}", "\u{e007f}",
  "\ud83d", "\ude00", "\u{1f600}", "❤", "☕", "\x1b[31m", "\x1b[39m", "\x1b[1m",
];

describe("grapheme and width fast paths", () => {
  it("graphemes() cuts exactly where Intl.Segmenter does (ASCII, CJK, emoji, flags, combining marks, lone surrogates)", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES.filter((p) => !p.startsWith("\x1b"))), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(graphemes(text)).toEqual(slowGraphemes(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("graphemes() agrees on arbitrary Unicode strings too", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(graphemes(text)).toEqual(slowGraphemes(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes printable ASCII as one column, as the Unicode tests would", () => {
    for (let c = 0x20; c <= 0x7e; c++) {
      const ch = String.fromCharCode(c);
      expect(EMOJI.test(ch) || ZERO.test(ch), ch).toBe(false);
      expect(graphemeWidth(ch)).toBe(1);
    }
  });

  it("displayWidth and truncateToWidth agree with segmenting everything, colour codes included", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES.filter((p) => !/[\t\n\r]/.test(p))), { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (parts, width) => {
        const text = parts.join("");
        expect(displayWidth(text)).toBe(slowWidth(text));
        expect(truncateToWidth(text, width)).toBe(slowTruncate(text, width));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("zoneAbbreviation", () => {
  it("names the zone as a fresh Intl formatter does, across DST changes and half-hour zones", () => {
    const direct = (ms: number, zone: string) =>
      new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")?.value;
    const start = Date.UTC(2026, 0, 1);
    for (const zone of ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/St_Johns"]) {
      // Every 7 hours and 13 minutes over a year, so instants fall at every minute of a quarter hour.
      for (let ms = start; ms < start + 366 * 86_400_000; ms += (7 * 60 + 13) * 60_000) expect(zoneAbbreviation(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(direct(ms, zone));
    }
    // Either side of New York's spring change, to the minute.
    const change = Date.UTC(2026, 2, 8, 7);
    expect(zoneAbbreviation(change - 60_000, "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(change, "America/New_York")).toBe("EDT");
  });
});
