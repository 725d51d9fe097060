/** Loading the config and the calendar together, as every calendar command does. */
import { loadCalendar, DEFAULT_CALENDAR_PATH } from "./calendar/load.js";
import type { Calendar } from "./calendar/model.js";
import { DEFAULT_CONFIG_PATH, loadConfig } from "./config/load.js";
import type { Env } from "./util/env.js";
import type { Config } from "./config/model.js";
import { releaseDocument } from "./yaml/source.js";

export interface ProjectPaths {
  /** -c/--calendar; default calendar.yaml */
  calendar?: string;
  /** --config; default: config/failover.yaml beside the calendar or above it (findConfig), built-in defaults when none is */
  config?: string;
  env?: Env;
  /** Keep the posts as written (see `Calendar.written`). */
  keepWritten?: boolean;
}

export interface Project {
  config: Config;
  calendar: Calendar;
}

export async function loadProject(paths: ProjectPaths = {}): Promise<Project> {
  const calendarFile = paths.calendar ?? DEFAULT_CALENDAR_PATH;
  const config = await loadConfig({ ...(paths.config ? { file: paths.config } : {}), calendar: calendarFile, ...(paths.env ? { env: paths.env } : {}) });
  const calendar = await loadCalendar(calendarFile, config, { keepWritten: paths.keepWritten ?? false });
  // Planning works on the loaded posts: the Document goes, and each post is parsed again alone
  // only where it is reported or edited (docs/performance.md, "Memory").
  releaseDocument(calendar.source);
  return { config, calendar };
}

export { declaredTimeZone } from "./project-defaults.js";
