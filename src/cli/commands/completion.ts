/**
 * `failover completion bash|zsh|fish`: a completion script for the shell, made from the command
 * table and commander's options, with the channel names of the config (when there is one).
 */
import { knownChannelNames, loadConfig } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import { ALL_STATUSES } from "../../health/status.js";
import { PLATFORMS } from "../../platforms.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { COMMANDS } from "../command-table.js";
import { completionScript, describeProgram, SHELLS, type Shell } from "../completion.js";
import type { CliContext } from "../context.js";
import { buildProgram } from "../program.js";

function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

/** Channels to offer: the config's and the platforms; a config that does not load costs a warning, not the script. */
async function channelNames(ctx: CliContext): Promise<string[]> {
  try {
    return knownChannelNames(await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}), env: ctx.env }));
  } catch (error) {
    ctx.out.warn(`the config could not be read, so only platform names are offered as channels (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    return [...PLATFORMS];
  }
}

export async function run(ctx: CliContext, args: string[]): Promise<number> {
  const shell = args[0]!;
  if (!isShell(shell)) {
    throw new UsageError(`"${shell}" is not a shell failover completes; use ${SHELLS.join(", ")}${didYouMean(shell, SHELLS)}`, "completion <shell>");
  }
  if (ctx.out.format !== "table") throw new UsageError(`completion prints a shell script, not ${ctx.out.format}`, "--format");
  const argChoices = Object.fromEntries(COMMANDS.filter((c) => c.argChoices).map((c) => [c.name, c.argChoices!]));
  const model = describeProgram(buildProgram(), { channels: await channelNames(ctx), statuses: ALL_STATUSES, argChoices });
  ctx.out.data(completionScript(shell, model));
  return ExitCode.Go;
}
