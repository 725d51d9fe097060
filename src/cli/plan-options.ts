/** The flags `check` and `reroute` share; light, so registering them loads nothing heavy. */
import { Option, type Command } from "commander";

export function addPlanOptions(command: Command): void {
  command.addOption(new Option("--window <duration>", "how far ahead to look, e.g. 48h, 7d").default("48h"));
  command.addOption(new Option("--strict", "count unknown health as down"));
}

/** The flags of the commands that change the calendar: `reroute` and `failback`. */
export function addApplyOptions(command: Command): void {
  command.addOption(new Option("--dry-run", "show the plan; write nothing but --plan-out"));
  command.addOption(new Option("--plan-out <file>", "also write the plan as JSON to this file"));
  command.addOption(new Option("--plan <file>", "apply this saved plan (from --plan-out) instead of making one; refused if the calendar changed since"));
  command.addOption(new Option("--out <file>", "write the changed calendar here and leave the calendar itself alone"));
  command.addOption(new Option("-y, --yes", "apply without asking (needed when not on a terminal)"));
  command.addOption(new Option("--force", "replace the calendar (or --out file) even when it is read-only"));
}
