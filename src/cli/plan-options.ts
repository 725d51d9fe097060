/** The flags `check` and `reroute` share; light, so registering them loads nothing heavy. */
import { Option, type Command, type OptionValues } from "@commander-js/extra-typings";
import { valueOption } from "./option-meta.js";

export function addPlanOptions<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>) {
  return command
    .addOption(valueOption("--window <duration>", "how far ahead to look, e.g. 48h, 7d", "free").default("48h"))
    .addOption(new Option("--strict", "count unknown health as down"));
}

/** What `--window` and `--strict` give a command. */
export type PlanFlags = ReturnType<ReturnType<typeof addPlanOptions<[], {}>>["opts"]>;

/** The flags of the commands that change the calendar: `reroute` and `failback`. */
export function addApplyOptions<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>) {
  return command
    .addOption(new Option("--dry-run", "show the plan; write nothing but --plan-out"))
    .addOption(valueOption("--plan-out <file>", "also write the plan as JSON to this file", "file"))
    .addOption(valueOption("--plan <file>", "apply this saved plan (from --plan-out) instead of making one; refused if the calendar changed since", "file"))
    .addOption(valueOption("--out <file>", "write the changed calendar here and leave the calendar itself alone", "file"))
    .addOption(new Option("-y, --yes", "apply without asking (needed when not on a terminal)"));
}

/** What `--dry-run`, `--plan-out`, `--plan`, `--out` and `--yes` give a command. */
export type ApplyFlags = ReturnType<ReturnType<typeof addApplyOptions<[], {}>>["opts"]>;

/** The flags `import` and `export` share, each with its own wording. */
export function addInteropOptions<Args extends unknown[], Opts extends OptionValues>(
  command: Command<Args, Opts>,
  help: { out: string; timezone: string; dateFormat: string; delimiter: string },
) {
  return command
    .addOption(valueOption("-o, --out <file>", help.out, "file"))
    .addOption(valueOption("--timezone <zone>", help.timezone, "free"))
    .addOption(valueOption("--date-format <order>", help.dateFormat, "choice").choices(["dmy", "mdy"] as const))
    .addOption(valueOption("--delimiter <char>", help.delimiter, "free"));
}

/** What `-o`, `--timezone`, `--date-format` and `--delimiter` give `import` and `export`. */
export type InteropFlags = ReturnType<ReturnType<typeof addInteropOptions<[], {}>>["opts"]>;
