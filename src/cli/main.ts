/**
 * The CLI: parses flags with commander, builds a context, runs one command, and maps whatever it
 * returns or throws to an exit code. It prints nothing itself beyond help and errors.
 */
import { Command, CommanderError, Option } from "commander";
import { ExitCode } from "../errors.js";
import { COMMANDS } from "./commands.js";
import { collect, makeContext, type GlobalFlags } from "./context.js";
import { reportError } from "./errors.js";
import { Output } from "./output.js";

import { VERSION as version } from "../version.js";

function buildProgram(): Command {
  const program = new Command("failover")
    .description("Keep scheduled social posts going out when a platform goes down.")
    .version(version, "-V, --version")
    .addOption(new Option("-c, --calendar <file>", "the content calendar").default(undefined, "calendar.yaml"))
    .addOption(new Option("--config <file>", "the config").default(undefined, "config/failover.yaml"))
    .addOption(new Option("--now <iso>", "the clock, for drills and tests (ISO 8601 with an offset)"))
    .addOption(new Option("--assume <channel=status>", "simulate a channel's health, no network (repeatable)").argParser(collect))
    .addOption(new Option("--state <file>", "where the failure/success thresholds keep their counts").default(undefined, ".failover/state.json beside the calendar"))
    .addOption(new Option("--no-state", "a one-off check: no thresholds, the state is neither read nor written"))
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "github", "junit"]).default("table"))
    .addOption(new Option("--json", "same as --format json"))
    .addOption(new Option("--no-color", "no colours (NO_COLOR is honoured too)"))
    .addOption(new Option("-q, --quiet", "only data on stdout, no progress or logs"))
    .addOption(new Option("-v, --verbose", "more logs, and stack traces on failure"))
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run failover --help for usage)")
    .exitOverride();
  program.addHelpText(
    "after",
    "\nExit codes: 0 go, 1 bug, 2 invalid input, 3 at risk but covered, 4 at risk and blocked, 130 interrupted.",
  );
  return program;
}

/** Called by bin/failover.js on SIGINT before it exits with 130. */
export { cleanupOnInterrupt } from "../writer/cleanup.js";

export async function main(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = buildProgram();
  let exitCode: number = ExitCode.Go;
  // Before the context exists (bad flags), errors print through a plain output.
  let out = new Output({ format: "table", color: !argv.includes("--no-color"), quiet: false, verbose: argv.includes("-v") || argv.includes("--verbose"), env });

  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.description);
    if (spec.args) command.arguments(spec.args);
    spec.options?.(command);
    command.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}`);
    command.exitOverride();
    command.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const flags = self.optsWithGlobals() as GlobalFlags & Record<string, unknown>;
      const ctx = makeContext(flags, env);
      out = ctx.out;
      const { run } = await spec.load();
      exitCode = await run(ctx, self.args, self.opts());
    });
  }

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
  }
}
