/**
 * Mistakes a calendar can hold and still load: a post whose time has passed but is not marked
 * posted, a time outside the channel's posting windows, a media file that is not there, a backup
 * that names the post's own channel. Warnings for `failover validate` (errors with --strict), each
 * at the line and column of the field to fix.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import type { Diagnostic } from "../errors.js";
import { nextOpen } from "../schedule/slots.js";
import { formatInZone } from "../time/zone.js";
import { listWords } from "../util/words.js";
import { locate, type DataPath } from "../yaml/source.js";
import { formatPath } from "../yaml/zod-diagnostics.js";
import { scheduleFor } from "./channel-schedule.js";
import { mediaPathProblem } from "./load.js";
import type { Calendar, Post } from "./model.js";

export interface LintOptions {
  /** The clock (`--now`): what "in the past" is measured against. */
  now: number;
  /** Whether a file exists; injected by tests. */
  fileExists?: (path: string) => boolean;
}

const isUrl = (path: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(path);

export function lintCalendar(calendar: Calendar, config: Config, options: LintOptions): Diagnostic[] {
  const exists = options.fileExists ?? existsSync;
  const folder = dirname(resolve(calendar.file));
  const out: Diagnostic[] = [];
  const warn = (post: Post, path: DataPath, message: string) => {
    const full = ["posts", post.index, ...path];
    out.push({ file: calendar.file, ...locate(calendar.source, full), severity: "warning", message: `${formatPath(full)}: ${message}` });
  };
  const shown = (post: Post, t: number) => formatInZone(t, post.zone ?? calendar.timezone ?? "UTC");

  for (const post of calendar.posts) {
    const due = post.status === "scheduled";
    if (due && post.at < options.now) {
      warn(post, ["at"], `${post.id} was due at ${shown(post, post.at)}, before now (${shown(post, options.now)}), and is not marked posted: set status: posted if it went out, or move it`);
    }
    const channel = resolveChannel(config, post.channel);
    if (due && channel && channel.windows.length > 0) {
      const schedule = scheduleFor(channel, calendar, config);
      if (nextOpen(post.at, schedule) !== post.at) {
        warn(post, ["at"], `${formatInZone(post.at, schedule.zone)} is outside ${post.channel}'s posting windows (${listWords(channel.windows.map((w) => w.text))}, ${schedule.zone}); failover moves posts only into windows`);
      }
    }
    post.media.forEach((m, i) => {
      if (isUrl(m.path) || mediaPathProblem(m.path)) return;
      if (!exists(resolve(folder, m.path))) warn(post, ["media", i, "path"], `"${m.path}" does not exist (media paths are relative to the calendar's folder)`);
    });
  }
  return out;
}
