/**
 * The commander program with every command of the table registered (flags, arguments, help,
 * examples) but no actions. main.ts attaches the actions; `failover completion` walks the same
 * tree, so the completion scripts can never drift from the flags the CLI really accepts.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { COMMANDS } from "./command-table.js";
import { collect } from "./context.js";
import { VERSION } from "../version.js";

/** What most commands print; `markdown` only check, reroute, failback and list (their `formats`). */
export const COMMON_FORMATS = ["table", "json", "github", "junit"] as const;
export const FORMATS = [...COMMON_FORMATS, "markdown"] as const;
/** Formats only `export` writes (it also takes json): accepted here, refused by the other commands. */
export const EXPORT_ONLY_FORMATS = ["csv", "hootsuite", "ics"] as const;

/**
 * --format: its choices (what completion offers) are these five; `export`'s own formats are
 * accepted too, and main.ts refuses a format the command does not write, naming the flag.
 */
function formatOption(): Option {
  const option = new Option("--format <format>", "output format (markdown: check, reroute, failback, list; export: csv, hootsuite, ics, json)").choices(FORMATS).default("table");
  const accepted: readonly string[] = [...FORMATS, ...EXPORT_ONLY_FORMATS];
  return option.argParser((value: string) => {
    if (!accepted.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(", ")} (and for export: ${EXPORT_ONLY_FORMATS.join(", ")}).`);
    return value;
  });
}

export function buildProgram(): Command {
  const program = new Command("failover")
    .description("Keep scheduled social posts going out when a platform goes down.")
    .version(VERSION, "-V, --version")
    .addOption(new Option("-c, --calendar <file>", "the content calendar").default(undefined, "calendar.yaml"))
    .addOption(new Option("--config <file>", "the config").default(undefined, "config/failover.yaml"))
    .addOption(new Option("--now <iso>", "the clock, for drills and tests (ISO 8601 with an offset)"))
    .addOption(new Option("--assume <channel=status>", "simulate a channel's health, no network (repeatable)").argParser(collect))
    .addOption(new Option("--state <file>", "where the failure/success thresholds keep their counts").default(undefined, ".failover/state.json beside the calendar"))
    .addOption(new Option("--no-state", "a one-off check: no thresholds, the state is neither read nor written"))
    .addOption(formatOption())
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
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.description);
    if (spec.args) command.arguments(spec.args);
    if (spec.aliases) command.aliases(spec.aliases);
    spec.options?.(command);
    command.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}`);
    command.exitOverride();
  }
  return program;
}
