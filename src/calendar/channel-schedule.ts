/** A channel's posting schedule as the calendar and config set it: its zone, windows and spacing. */
import type { Channel, Config } from "../config/model.js";
import type { ChannelSchedule } from "../schedule/slots.js";
import type { Calendar } from "./model.js";

/** The zone is the channel's own, else the calendar's, else the config's default, else UTC. */
export function scheduleFor(channel: Channel, calendar: Calendar, config: Config): ChannelSchedule {
  return {
    zone: channel.timezone ?? calendar.timezone ?? config.defaults.timezone ?? "UTC",
    windows: channel.windows,
    minGapMs: channel.minGapMs,
  };
}
