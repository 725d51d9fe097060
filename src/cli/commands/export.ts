/** `failover export [--format csv|hootsuite|ics|json]`: the calendar for a scheduler or a calendar app. */
import { exportCalendar, type ExportFormat } from "../../interop/export.js";
import { ExitCode } from "../../errors.js";
import { loadProject } from "../../project.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { plural } from "../../util/words.js";
import { refuseManagedOutputs } from "../apply-run.js";
import type { CliContext } from "../context.js";
import type { InteropFlags } from "../plan-options.js";
import { delimiterFlag, timezoneFlag } from "../interop-flags.js";
import { parseWindowFlag } from "../plan-run.js";

export async function run(ctx: CliContext, _args: string[], options: InteropFlags & { window?: string; channel?: string[]; bom?: true }): Promise<number> {
  const { config, calendar } = await loadProject({
    ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}),
    ...(ctx.configPath ? { config: ctx.configPath } : {}),
    env: ctx.env,
    // failover's CSV writes each post as written: kept from loading, not parsed a second time.
    keepWritten: ctx.formatName === "table" || ctx.formatName === "csv",
  });
  ctx.out.addSecrets(config.secrets);
  if (options.out !== undefined) await refuseManagedOutputs(ctx, { out: options.out }, calendar.file, config.file);
  const timezone = timezoneFlag(options.timezone);
  const delimiter = delimiterFlag(options.delimiter);
  const format = (ctx.formatName === "table" ? "csv" : ctx.formatName) as ExportFormat;
  const result = await exportCalendar(calendar, config, {
    format,
    now: ctx.now,
    ...(options.window !== undefined ? { windowMs: parseWindowFlag(options.window) } : {}),
    ...(options.channel ? { channels: options.channel } : {}),
    ...(timezone ? { timezone } : {}),
    ...(options.dateFormat ? { dayOrder: options.dateFormat } : {}),
    ...(delimiter ? { delimiter } : {}),
    bom: options.bom ?? false,
  });
  for (const w of result.warnings) ctx.out.warn(w);
  const out = options.out;
  if (out) {
    await writeFileAtomic(out, result.text);
    ctx.out.info(`wrote ${out}: ${plural(result.count, "post")} as ${format}`);
  } else ctx.out.data(result.text);
  return ExitCode.Go;
}
