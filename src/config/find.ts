/**
 * Which config a calendar uses. `--config` when given; otherwise `config/failover.yaml` beside the
 * calendar, then in each folder above it up to the repository root (the first folder holding
 * `.git`), as eslint and prettier find theirs. A calendar run from another folder
 * (`-c uxp/calendar.yaml`) so gets its own project's config. With no calendar (`status`), the walk
 * starts in the current folder.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";

/** The config's usual place inside a project folder. */
export const CONFIG_IN_PROJECT = join("config", "failover.yaml");

/** How the config was found, for `-v` and the JSON documents. */
export type ConfigOrigin = "flag" | "beside-calendar" | "parent-folder" | "current-folder" | "none";

export interface ConfigLookup {
  /** The config file to read (relative to `cwd` when inside it); absent: none found, built-in defaults. */
  file?: string;
  origin: ConfigOrigin;
  /** Every path tried, in order (for the warning when none was found). */
  searched: string[];
}

export interface FindConfigOptions {
  /** --config: used as given, found or not (a missing named file is the user's mistake to hear about). */
  flag?: string;
  /** The calendar file the config is for; absent (e.g. `status`): the lookup starts in `cwd`. */
  calendar?: string;
  cwd?: string;
}

/** A path as the user would write it from `cwd`: relative when inside it, absolute otherwise. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

export function findConfig(options: FindConfigOptions = {}): ConfigLookup {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.flag !== undefined) return { file: options.flag, origin: "flag", searched: [options.flag] };
  const start = options.calendar ? dirname(resolve(cwd, options.calendar)) : cwd;
  const searched: string[] = [];
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_IN_PROJECT);
    searched.push(shown(candidate, cwd));
    if (existsSync(candidate)) {
      const origin: ConfigOrigin = dir === start ? (options.calendar ? "beside-calendar" : "current-folder") : "parent-folder";
      return { file: shown(candidate, cwd), origin, searched };
    }
    // The repository's root ends the walk: a config above it belongs to another project.
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) break;
  }
  return { origin: "none", searched };
}

/**
 * The project folder a config belongs to, where `.failover/state.json` lives: the folder holding
 * `config/` for `<project>/config/failover.yaml`, else the config file's own folder.
 */
export function projectFolderOf(configFile: string): string {
  const folder = dirname(resolve(configFile));
  return basename(folder) === "config" ? dirname(folder) : folder;
}
