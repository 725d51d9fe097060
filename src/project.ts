/** Loading the config and the calendar together, as every calendar command does. */
import { loadCalendar, DEFAULT_CALENDAR_PATH } from "./calendar/load.js";
import type { Calendar } from "./calendar/model.js";
import { loadConfig } from "./config/load.js";
import type { Env } from "./util/env.js";
import type { Config } from "./config/model.js";

export interface ProjectPaths {
  /** -c/--calendar; default calendar.yaml */
  calendar?: string;
  /** --config; default config/failover.yaml, built-in defaults when that is missing */
  config?: string;
  env?: Env;
}

export interface Project {
  config: Config;
  calendar: Calendar;
}

export async function loadProject(paths: ProjectPaths = {}): Promise<Project> {
  const config = await loadConfig({ ...(paths.config ? { file: paths.config } : {}), ...(paths.env ? { env: paths.env } : {}) });
  const calendar = await loadCalendar(paths.calendar ?? DEFAULT_CALENDAR_PATH, config);
  return { config, calendar };
}
