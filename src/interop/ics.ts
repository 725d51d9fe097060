/**
 * The calendar as iCalendar (RFC 5545), for Google Calendar, Outlook or Apple Calendar: one
 * VEVENT per post. Times are written in UTC, so every app shows them right in its own zone, DST
 * included, with no VTIMEZONE to get wrong. UIDs come from the post ids, so importing the file
 * again updates the events instead of adding copies; SEQUENCE grows with the export time, so
 * apps that only accept newer versions of an event (Outlook) take the update.
 *
 * Written by hand rather than with ical-generator: that library encodes every character on its
 * own to fold lines and took longer for 20k events than reading the whole calendar; the format
 * needs only escaping, folding at 75 octets and CRLF, and the tests read the result back with
 * node-ical.
 */

export interface IcsEvent {
  uid: string;
  start: number;
  durationMs: number;
  summary: string;
  description: string;
  categories: string[];
  url?: string;
  cancelled: boolean;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** 20260714T140000Z */
function utc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Lines longer than 75 octets folded onto continuation lines that start with a space
 * (RFC 5545 3.1), never inside a character: a fold in the middle of an emoji would break it.
 */
export function fold(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  // Sizes counted per code point as UTF-8 encodes it (a lone surrogate as U+FFFD, 3 octets, as
  // Buffer writes it) and the line cut by slicing: building each part a character at a time made
  // the .ics export of 20k posts spend a fifth of its time collecting garbage.
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75; // the first line; continuation lines hold 74 after their leading space
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join("\r\n ");
}

export function writeIcs(events: readonly IcsEvent[], options: { name: string; now: number }): string {
  // Minutes since 1970 fit SEQUENCE's 32 bits until the year 6053.
  const sequence = Math.floor(options.now / 60_000);
  const stamp = utc(options.now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//failover//failover//EN", "CALSCALE:GREGORIAN", `X-WR-CALNAME:${escapeText(options.name)}`];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `SEQUENCE:${sequence}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.start + e.durationMs)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `CATEGORIES:${e.categories.map(escapeText).join(",")}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
