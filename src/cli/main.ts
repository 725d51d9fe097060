/**
 * The CLI: parses flags with commander, builds a context, runs one command, and maps whatever it
 * returns or throws to an exit code. It prints nothing itself beyond help and errors.
 */
import { CommanderError } from "@commander-js/extra-typings";
import { ExitCode, UsageError } from "../errors.js";
import { reportError } from "./errors.js";
import { unknownHelpTopic } from "./help-topic.js";
import { Output } from "./output.js";
import { buildProgram } from "./program.js";
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

/**
 * What every command needs before it runs: the context's parsers (which read the project's files,
 * hence yaml) and, for a command that checks files against schemas, zod's setting. Imported when a
 * command runs, not at start-up: `--version`, `--help` and completion scripts load neither zod nor
 * yaml, and `__complete` no zod (see docs/performance.md).
 */
async function commandSetup(schemas: boolean): Promise<typeof import("./context.js")> {
  if (!schemas) return import("./context.js");
  const [{ z }, context] = await Promise.all([import("zod"), import("./context.js")]);
  // zod compiles a fast path for each object schema on its first parse; a CLI parses each schema a
  // handful of times per run, so the compilation costs more than it saves (measured in bench/).
  // Set here, by the CLI, so that importing the library never changes zod for its host.
  z.config({ jitless: true });
  return context;
}

export async function main(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode: number = ExitCode.Go;
  // Before the context exists (bad flags), errors print through a plain output.
  let out = new Output({ format: "table", color: !argv.includes("--no-color"), quiet: false, verbose: argv.includes("-v") || argv.includes("--verbose"), env });
  const program = buildProgram(async (run, flags, entry) => {
    const { makeContext } = await commandSetup(entry.schemas);
    const ctx = makeContext(flags, env);
    out = ctx.out;
    if (!entry.formats.includes(ctx.formatName)) throw new UsageError(`${entry.name} prints ${entry.formats.join(", ")}; not ${ctx.formatName}`, "--format");
    exitCode = await run(ctx, program);
  });

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
    const unknownTopic = unknownHelpTopic(program, argv.slice(2));
    if (unknownTopic) {
      out.error(unknownTopic);
      return ExitCode.InvalidInput;
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
