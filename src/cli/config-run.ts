/**
 * Loading the config (and the calendar) from the CLI: found beside the calendar or above it
 * (config/find.ts), said with -v, warned about loudly when none was found, its secrets redacted
 * from everything printed after; and the one place `.failover/state.json` lives.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { DEFAULT_CALENDAR_PATH } from "../calendar/load.js";
import { FileError } from "../errors.js";
import { projectFolderOf } from "../config/find.js";
import { loadConfig } from "../config/load.js";
import type { Config } from "../config/model.js";
import { STATE_FILE, STATE_FOLDER } from "../health/state-file.js";
import { loadProject, type Project } from "../project.js";
import { settleAfterLoading } from "./memory.js";
import type { CliContext } from "./context.js";

function describeLookup(config: Config): string {
  const lookup = config.lookup;
  switch (lookup?.origin) {
    case "flag":
      return `config: ${config.file} (--config)`;
    case "beside-calendar":
      return `config: ${config.file} (beside the calendar)`;
    case "parent-folder":
      return `config: ${config.file} (found in a folder above the calendar)`;
    case "current-folder":
      return `config: ${config.file} (in the current folder)`;
    default:
      return `config: ${config.file ?? "none"}`;
  }
}

/** -v names the config used; none found is a warning, since the project's channels, notices and windows are then missing. */
export function reportConfig(ctx: CliContext, config: Config, calendar?: string): void {
  ctx.out.addSecrets(config.secrets);
  if (config.lookup?.origin === "none") {
    const where = calendar ? `beside ${calendar} or in a folder above it` : "here or in a folder above";
    ctx.out.warn(
      `no config found (no config/failover.yaml ${where}): using built-in defaults, with no channels, backups, ` +
        "windows, notices or handles of your own. Pass --config <file>, or run `failover init`.",
    );
    ctx.out.debug(`looked for ${config.lookup.searched.join(", ")}`);
    return;
  }
  ctx.out.debug(describeLookup(config));
}

/** The config in the JSON documents: which file was used (null: built-in defaults) and how it was found. */
export function configJson(config: Config): { file: string | null; found: string } {
  return { file: config.file ?? null, found: config.lookup?.origin ?? "flag" };
}

/** The config for a calendar (or, with none, for the current folder), reported. */
export async function loadConfigFor(ctx: CliContext, calendar?: string): Promise<Config> {
  const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), ...(calendar ? { calendar } : {}), env: ctx.env });
  reportConfig(ctx, config, calendar);
  return config;
}

/** The config and the calendar (-c, default calendar.yaml), reported. */
export async function loadProjectFor(ctx: CliContext): Promise<Project> {
  let project: Project;
  try {
    project = await loadProject({ ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}), ...(ctx.configPath ? { config: ctx.configPath } : {}), env: ctx.env });
  } catch (error) {
    throw withCalendarAbove(ctx, error);
  }
  reportConfig(ctx, project.config, project.calendar.file);
  settleAfterLoading(project.calendar.source.text.length);
  return project;
}

/**
 * Run from a subfolder, the default calendar.yaml is not there: say where the nearest one above
 * is (up to the repository's root) and the -c that reads it, rather than only "not found".
 */
function withCalendarAbove(ctx: CliContext, error: unknown): unknown {
  if (ctx.calendarPath !== undefined || !(error instanceof FileError) || error.file !== DEFAULT_CALENDAR_PATH || !/: not found$/.test(error.message)) return error;
  const cwd = process.cwd();
  for (let dir = dirname(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, DEFAULT_CALENDAR_PATH))) {
      const path = relative(cwd, join(dir, DEFAULT_CALENDAR_PATH));
      return new FileError(DEFAULT_CALENDAR_PATH, `not found in this folder; the project's is ${path}: run failover there, or pass -c ${path}`, { cause: error });
    }
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return error;
  }
}

/**
 * Where the thresholds' counts live, the same for every command: --state, else
 * `.failover/state.json` in the config's project folder (the one holding `config/`); with no
 * config, beside the calendar, else in the current folder.
 */
export function statePathFor(ctx: CliContext, config: Config, calendar?: string): string {
  return statePathForFiles(ctx, config.file, calendar);
}

/** statePathFor when only the config's file name is at hand. */
export function statePathForFiles(ctx: CliContext, configFile: string | undefined, calendar?: string): string {
  if (ctx.statePath) return ctx.statePath;
  const folder = configFile ? projectFolderOf(configFile) : calendar ? dirname(resolve(calendar)) : process.cwd();
  return join(folder, STATE_FOLDER, STATE_FILE);
}
