/**
 * Files a user names for output (`--plan-out`, `--json-out`, `--out`) must never be the files
 * failover reads or manages: a typo such as `--plan-out calendar.yaml` would otherwise replace the
 * calendar with JSON on a dry run, with no lock and no backup. Paths are compared after symlinks
 * are followed, so `./cal.yaml` and a link to it are the same file.
 */
import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { lockPathFor } from "./lock.js";

export interface ManagedFiles {
  calendarFile: string;
  configFile?: string;
  /** The health thresholds' state file. */
  stateFile?: string;
  /** Other inputs of the run (a saved plan being applied). */
  inputs?: string[];
}

/** What each managed file is, by its resolved path. */
function describe(managed: ManagedFiles): Array<[string, string]> {
  const cal = managed.calendarFile;
  return [
    [cal, "the calendar"],
    [`${cal}.bak`, "the calendar's backup"],
    [lockPathFor(cal), "the calendar's lock"],
    [`${lockPathFor(cal)}.takeover`, "the calendar's lock"],
    ...(managed.configFile ? [[managed.configFile, "the config"] as [string, string]] : []),
    ...(managed.stateFile ? [[managed.stateFile, "the health state"] as [string, string]] : []),
    ...(managed.inputs ?? []).map((f): [string, string] => [f, "an input of this run"]),
  ];
}

/** Throws a UsageError naming the flag when `output` is one of the managed files. */
export async function refuseManagedOutput(flag: string, output: string, managed: ManagedFiles): Promise<void> {
  const target = await canonical(output);
  for (const [file, what] of describe(managed)) {
    if ((await canonical(file)) === target) {
      throw new UsageError(`${output} is ${what} (${file}); failover does not write its output over it: name another file`, flag);
    }
  }
}

/** The path with symlinks followed; for a file not there yet, its folder's real path and its name. */
async function canonical(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return join(await realpath(dirname(file)), basename(file));
    } catch {
      return resolve(file);
    }
  }
}
