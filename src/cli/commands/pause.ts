/** `failover pause [reason]` / `failover resume`: the autopilot's kill switch, `.failover/pause` beside the calendar. */
import { dirname, resolve } from "node:path";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { pause, pauseFileIn, resume } from "../../autopilot/pause.js";
import { ExitCode } from "../../errors.js";
import { formatInZone } from "../../time/zone.js";
import type { CliContext } from "../context.js";

function pauseFile(ctx: CliContext): string {
  return pauseFileIn(dirname(resolve(ctx.calendarPath ?? DEFAULT_CALENDAR_PATH)));
}

export async function run(ctx: CliContext, args: string[]): Promise<number> {
  const file = pauseFile(ctx);
  const fresh = await pause(file, args.join(" ").trim() || "paused by hand", formatInZone(ctx.now, "UTC"));
  ctx.out.info(fresh ? `paused: failover run changes nothing until \`failover resume\` (${file})` : `already paused; reason updated (${file})`);
  return ExitCode.Go;
}

export async function runResume(ctx: CliContext): Promise<number> {
  const file = pauseFile(ctx);
  ctx.out.info((await resume(file)) ? `resumed: failover run applies again (removed ${file})` : `was not paused (no ${file})`);
  return ExitCode.Go;
}
