/**
 * The command table: names, flags, help and examples, with each command's code loaded only when
 * it runs (start-up stays fast: `failover --version` loads none of them).
 */
import { Option, type Command } from "commander";
import type { CliContext } from "./context.js";

export type CommandRun = (ctx: CliContext, args: string[], options: Record<string, unknown>) => Promise<number>;

export interface CommandSpec {
  name: string;
  /** commander argument syntax, e.g. "[kind]" or "<post-id>". */
  args?: string;
  description: string;
  examples: string[];
  options?: (command: Command) => void;
  load: () => Promise<{ run: CommandRun }>;
}

export const COMMANDS: CommandSpec[] = [
  {
    name: "validate",
    description: "check the calendar and the config; every problem with file:line:col",
    examples: ["failover validate", "failover validate -c launch.yaml --config config/failover.yaml --format github"],
    load: () => import("./commands/validate.js"),
  },
  {
    name: "schema",
    args: "[kind]",
    description: "print the JSON Schema of the calendar or the config, for editors",
    examples: ["failover schema calendar > calendar.schema.json", "failover schema config"],
    load: () => import("./commands/schema.js"),
  },
  {
    name: "init",
    description: "write a starter config/failover.yaml and calendar.yaml",
    examples: ["failover init", "failover init --force"],
    options: (c) => c.addOption(new Option("--force", "overwrite files that exist")),
    load: () => import("./commands/init.js"),
  },
];
