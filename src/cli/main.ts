/**
 * The CLI: parses flags with commander, builds a context, runs one command, and maps whatever it
 * returns or throws to an exit code. It prints nothing itself beyond help and errors.
 */
import { CommanderError, type Command } from "commander";
import { ExitCode, UsageError } from "../errors.js";
import { COMMANDS } from "./command-table.js";
import { makeContext, type GlobalFlags } from "./context.js";
import { reportError } from "./errors.js";
import { Output } from "./output.js";
import { buildProgram, COMMON_FORMATS } from "./program.js";
import { cleanupOnInterrupt } from "../writer/cleanup.js";

/**
 * Ctrl-C: remove temp files being written (targets are only ever replaced by rename, so they are
 * whole or untouched) and the calendar's lock, clear the spinner, say so in one line, exit 130 (the contract's code).
 */
function interruptHandler(output: () => Output): () => void {
  return () => {
    cleanupOnInterrupt();
    output().interrupted("failover: interrupted (Ctrl-C); no file was left half-written");
    process.exit(ExitCode.Interrupted);
  };
}

function stdoutGone(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.Go);
  throw error;
}

export async function main(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = buildProgram();
  let exitCode: number = ExitCode.Go;
  // Before the context exists (bad flags), errors print through a plain output.
  let out = new Output({ format: "table", color: !argv.includes("--no-color"), quiet: false, verbose: argv.includes("-v") || argv.includes("--verbose"), env });

  for (const spec of COMMANDS) {
    const command = program.commands.find((c) => c.name() === spec.name)!;
    command.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const flags = self.optsWithGlobals() as GlobalFlags & Record<string, unknown>;
      const ctx = makeContext(flags, env);
      out = ctx.out;
      const formats: readonly string[] = spec.formats ?? COMMON_FORMATS;
      if (!formats.includes(ctx.formatName)) throw new UsageError(`${spec.name} prints ${formats.join(", ")}; not ${ctx.formatName}`, "--format");
      const { run } = await spec.load();
      exitCode = await run(ctx, self.args, self.opts());
    });
  }

  const onInterrupt = interruptHandler(() => out);
  process.once("SIGINT", onInterrupt);
  // `failover --help | head -1`: the reader went away. That is not a failure of ours; stop quietly.
  // Once per process: main may run many times in one (tests, the library), the listener stays.
  if (!process.stdout.listeners("error").includes(stdoutGone)) process.stdout.on("error", stdoutGone);
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return ExitCode.Go;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return ExitCode.Go;
      // commander has already printed its message (with a did-you-mean where it has one).
      return ExitCode.InvalidInput;
    }
    return reportError(error, out);
  } finally {
    process.off("SIGINT", onInterrupt);
    // Still listening: a pipe can close while what was written drains after main returns.
  }
}
