/** The flags `check` and `reroute` share; light, so registering them loads nothing heavy. */
import { Option, type Command } from "commander";

export function addPlanOptions(command: Command): void {
  command.addOption(new Option("--window <duration>", "how far ahead to look, e.g. 48h, 7d").default("48h"));
  command.addOption(new Option("--strict", "count unknown health as down"));
}
