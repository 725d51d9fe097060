/** `failover validate`: the calendar and the config, every problem at its file:line:col. */
import { DEFAULT_CALENDAR_PATH, MAX_POSTS, loadCalendar } from "../../calendar/load.js";
import { MAX_INPUT_BYTES, sizeText } from "../../yaml/read-file.js";
import { lintCalendar } from "../../calendar/lint.js";
import type { Calendar } from "../../calendar/model.js";
import { findConfig } from "../../config/find.js";
import { DEFAULT_CONFIG_PATH, lenientConfig } from "../../config/load.js";
import type { Config } from "../../config/model.js";
import { ExitCode, InputError, sortDiagnostics } from "../../errors.js";
import { configJson, loadConfigFor } from "../config-run.js";
import { settleAfterLoading } from "../memory.js";
import type { CliContext } from "../context.js";
import { printDiagnostics } from "../report/diagnostics.js";
import { plural } from "../../util/words.js";

/**
 * The config, then the calendar; a config with errors does not hide the calendar's: it is checked
 * against what can be read of that config (its channels and zones), and all problems come at once.
 */
async function loadBoth(ctx: CliContext, calendarPath: string): Promise<{ config: Config; calendar: Calendar }> {
  let config: Config;
  let configProblems: InputError | undefined;
  try {
    config = await loadConfigFor(ctx, calendarPath);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    configProblems = error;
    // The file that was found and has the errors (an InputError means one was).
    const found = findConfig({ ...(ctx.configPath ? { flag: ctx.configPath } : {}), calendar: calendarPath });
    config = await lenientConfig(found.file ?? DEFAULT_CONFIG_PATH, ctx.env);
  }
  let calendar: Calendar;
  try {
    calendar = await loadCalendar(calendarPath, config);
  } catch (error) {
    if (!configProblems || !(error instanceof InputError)) throw error;
    throw new InputError(sortDiagnostics([...configProblems.diagnostics, ...error.diagnostics]));
  }
  if (configProblems) throw configProblems;
  return { config, calendar };
}

/** The limits every input is held to (docs/reliability.md), stated so a growing calendar sees them coming. */
const LIMITS = { fileBytes: MAX_INPUT_BYTES, posts: MAX_POSTS };

export async function run(ctx: CliContext, _args: string[], options: Record<string, unknown> = {}): Promise<number> {
  const calendarPath = ctx.calendarPath ?? DEFAULT_CALENDAR_PATH;
  const files: string[] = [];
  ctx.out.debug(`limits: ${sizeText(MAX_INPUT_BYTES)} a file (calendar, config, plan), ${MAX_POSTS} posts a calendar`);
  try {
    const { config, calendar } = await loadBoth(ctx, calendarPath);
    settleAfterLoading(calendar.source.text.length);
    if (config.file) files.push(config.file);
    files.push(calendar.file);
    const warnings = sortDiagnostics([...calendar.warnings, ...lintCalendar(calendar, config, { now: ctx.now })]);
    // --strict: a warning is a mistake to fix before the calendar goes live (exit 2, as any invalid input).
    if (options.strict && warnings.length > 0) throw new InputError(warnings.map((w) => ({ ...w, severity: "error" as const })));
    const channels = new Set(calendar.posts.map((p) => p.channel));
    // Unset secrets (config warnings) are told but never fail --strict: a fork's CI has none.
    printDiagnostics(ctx.out, sortDiagnostics([...config.warnings, ...warnings]), {
      ok: true,
      files,
      config: configJson(config),
      limits: LIMITS,
      detail: `${calendar.file}: ${plural(calendar.posts.length, "post")} on ${plural(channels.size, "channel")}; ${config.file ?? "built-in defaults"}: ${plural(config.channels.size, "channel")} declared${warnings.length > 0 ? `; ${plural(warnings.length, "warning")} (--strict makes them errors)` : ""}`,
    });
    return ExitCode.Go;
  } catch (error) {
    if (!(error instanceof InputError) || ctx.out.format === "table") throw error;
    // Machine formats get the problems as data, so CI can annotate them.
    printDiagnostics(ctx.out, error.diagnostics, { ok: false, files: [...new Set([...files, ...error.diagnostics.map((d) => d.file)])], limits: LIMITS });
    return error.exitCode;
  }
}
