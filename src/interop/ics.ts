/**
 * The calendar as iCalendar (RFC 5545), for Google Calendar, Outlook or Apple Calendar: one
 * VEVENT per post. Times are written in UTC, so every app shows them right in its own zone, DST
 * included, with no VTIMEZONE to get wrong. UIDs come from the post ids, so importing the file
 * again updates the events instead of adding copies; SEQUENCE grows with the export time, so
 * apps that only accept newer versions of an event (Outlook) take the update.
 */
import ical, { ICalEventStatus } from "ical-generator";

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

export function writeIcs(events: readonly IcsEvent[], options: { name: string; now: number }): string {
  const calendar = ical({ name: options.name, prodId: { company: "failover", product: "failover", language: "EN" } });
  // Minutes since 1970 fit SEQUENCE's 32 bits until the year 6053.
  const sequence = Math.floor(options.now / 60_000);
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      sequence,
      stamp: new Date(options.now),
      start: new Date(e.start),
      end: new Date(e.start + e.durationMs),
      summary: e.summary,
      description: e.description,
      categories: e.categories.map((name) => ({ name })),
      ...(e.url ? { url: e.url } : {}),
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
