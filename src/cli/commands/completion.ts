/**
 * `failover completion bash|zsh|fish`: a completion script for the shell, made from the program
 * the CLI really runs. It reads no config: the script asks `failover __complete channels` for
 * channel names when it needs them.
 */
import type { Command, OptionValues } from "@commander-js/extra-typings";
import { ExitCode, UsageError } from "../../errors.js";
import { ALL_STATUSES, STATUS_ALIASES } from "../../health/status.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { completionScript, describeProgram, SHELLS, type Shell } from "../completion.js";
import type { CliContext } from "../context.js";

function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

export async function run(ctx: CliContext, args: string[], _options: OptionValues, program: Command<[], OptionValues>): Promise<number> {
  const shell = args[0]!;
  if (!isShell(shell)) {
    throw new UsageError(`"${shell}" is not a shell failover completes; use ${SHELLS.join(", ")}${didYouMean(shell, SHELLS)}`, "completion <shell>");
  }
  if (ctx.out.format !== "table") throw new UsageError(`completion prints a shell script, not ${ctx.out.format}`, "--format");
  ctx.out.data(completionScript(shell, describeProgram(program, { statuses: [...ALL_STATUSES, ...Object.keys(STATUS_ALIASES)] })));
  return ExitCode.Go;
}
