/** `failover validate`: the calendar and the config, every problem at its file:line:col. */
import { DEFAULT_CALENDAR_PATH, loadCalendar } from "../../calendar/load.js";
import { loadConfig } from "../../config/load.js";
import { ExitCode, InputError } from "../../errors.js";
import type { CliContext } from "../context.js";
import { printDiagnostics } from "../report/diagnostics.js";

export async function run(ctx: CliContext): Promise<number> {
  const calendarPath = ctx.calendarPath ?? DEFAULT_CALENDAR_PATH;
  const files: string[] = [];
  try {
    const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), env: ctx.env });
    ctx.out.addSecrets(config.secrets);
    if (config.file) files.push(config.file);
    const calendar = await loadCalendar(calendarPath, config);
    files.push(calendar.file);
    const channels = new Set(calendar.posts.map((p) => p.channel));
    printDiagnostics(ctx.out, calendar.warnings, {
      ok: true,
      files,
      detail: `${calendar.file}: ${calendar.posts.length} post${calendar.posts.length === 1 ? "" : "s"} on ${channels.size} channel${channels.size === 1 ? "" : "s"}; ${config.file ?? "built-in defaults"}: ${config.channels.size} channel${config.channels.size === 1 ? "" : "s"} declared`,
    });
    return ExitCode.Go;
  } catch (error) {
    if (!(error instanceof InputError) || ctx.out.format === "table") throw error;
    // Machine formats get the problems as data, so CI can annotate them.
    printDiagnostics(ctx.out, error.diagnostics, { ok: false, files: [...new Set([...files, ...error.diagnostics.map((d) => d.file)])] });
    return error.exitCode;
  }
}
