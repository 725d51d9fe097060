/**
 * The commander program with every command of the table registered (flags, arguments, help,
 * examples). main.ts asks for it with actions; `failover completion` walks the same tree, so the
 * completion scripts can never drift from the flags the CLI really accepts.
 */
import { Command, Help, InvalidArgumentError, Option, type CommandUnknownOpts, type OptionValues } from "@commander-js/extra-typings";
import type { Option as PlainOption } from "commander";
import { COMMANDS, type CommandEntry } from "./command-table.js";
import type { CliContext } from "./context.js";
import { docLink, readmeLink } from "./docs-link.js";
import { repeatableOption, valueOption } from "./option-meta.js";
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
function formatOption() {
  const option = valueOption("--format <format>", "output format (markdown: check, reroute, failback, list; export: csv, hootsuite, ics, json)", "choice").choices(FORMATS).default("table");
  const accepted: readonly string[] = [...FORMATS, ...EXPORT_ONLY_FORMATS];
  return option.argParser((value: string) => {
    if (!accepted.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(", ")} (and for export: ${EXPORT_ONLY_FORMATS.join(", ")}).`);
    return value;
  });
}

/** The program and its global options alone: the type of its options is `GlobalFlags`. */
function globalProgram() {
  return new Command("failover")
    .description("Keep scheduled social posts going out when a platform goes down.")
    .version(VERSION, "-V, --version")
    .addOption(valueOption("-c, --calendar <file>", "the content calendar", "file").default(undefined, "calendar.yaml"))
    .addOption(valueOption("--config <file>", "the config", "file").default(undefined, "config/failover.yaml"))
    .addOption(valueOption("--now <iso>", "the clock, for drills and tests (ISO 8601)", "free").default(undefined, "the wall clock"))
    .addOption(repeatableOption("--assume <channel=status>", "simulate a channel's health, no network (repeatable)", "channel=status"))
    .addOption(valueOption("--state <file>", "where the failure/success thresholds keep their counts", "file").default(undefined, ".failover/state.json beside the calendar"))
    .addOption(new Option("--no-state", "a one-off check: no thresholds, the state is neither read nor written"))
    .addOption(formatOption())
    .addOption(new Option("--json", "same as --format json"))
    .addOption(new Option("--no-color", "no colours (NO_COLOR is honoured too)"))
    .addOption(new Option("-q, --quiet", "only data on stdout, no progress or logs"))
    .addOption(new Option("-v, --verbose", "more logs, and stack traces on failure"));
}

export type Program = ReturnType<typeof globalProgram>;
export type GlobalFlags = ReturnType<Program["opts"]>;

/** Called when a command runs: `run` runs its code with the context made from the flags. */
export type ActionHandler = (run: (ctx: CliContext, program: Command<[], OptionValues>) => Promise<number>, flags: GlobalFlags, entry: CommandEntry) => Promise<void>;

const TOP_EXAMPLES = [
  "failover init                         # a starter config and calendar",
  "failover check                        # posts at risk in the next 48h",
  "failover reroute --dry-run            # the plan; nothing is written",
  "failover check --assume x=major_outage # a drill, no network",
];

/**
 * commander's help, plus for each command the global options it honours (with their defaults)
 * rather than all of them or none.
 */
class TeachingHelp extends Help {
  override visibleGlobalOptions(cmd: CommandUnknownOpts) {
    const honoured = COMMANDS.find((e) => e.name === cmd.name())?.globals ?? [];
    return super.visibleGlobalOptions(cmd).filter((o) => (honoured as readonly string[]).includes(o.attributeName()));
  }

  /** Defaults that are not values ("calendar.yaml", "the wall clock") are shown too: commander shows only values. */
  override optionDescription(option: PlainOption) {
    const described = super.optionDescription(option);
    return option.defaultValue === undefined && option.defaultValueDescription ? `${described} (default: ${option.defaultValueDescription})` : described;
  }
}

/** A function, so the docs link is looked up only when help is shown. */
const helpFooter = (entry: CommandEntry) => (): string => {
  return `\nExamples:\n${entry.examples.map((e) => `  $ ${e}`).join("\n")}\n\nDocs: ${docLink(entry.doc)}`;
};

export function buildProgram(onAction?: ActionHandler): Program {
  const program = globalProgram()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run failover --help for usage)")
    .exitOverride();
  program.createHelp = () => Object.assign(new TeachingHelp(), program.configureHelp());
  program.configureHelp({ showGlobalOptions: true });
  program.addHelpText("after", () =>
    [
      "",
      "Examples:",
      ...TOP_EXAMPLES.map((e) => `  $ ${e}`),
      "",
      "Run failover help <command> for a command's options and examples.",
      "Exit codes: 0 go, 1 bug, 2 invalid input, 3 at risk but covered, 4 at risk and blocked, 5 unverified,",
      "6 publish: something failed, was held or is uncertain, 130 interrupted (README.md has the table).",
      `Docs: ${readmeLink()} and the pages in ${docLink("")}`,
    ].join("\n"),
  );
  for (const entry of COMMANDS) {
    const command = entry.make(onAction && ((run) => onAction(run, program.opts(), entry)));
    command.addHelpText("after", helpFooter(entry));
    command.exitOverride();
    command.createHelp = () => Object.assign(new TeachingHelp(), command.configureHelp());
    command.configureHelp({ showGlobalOptions: entry.globals.length > 0 });
    program.addCommand(command, entry.hidden ? { hidden: true } : {});
  }
  return program;
}
