/**
 * The command table: names, flags, help and examples, with each command's code loaded only when
 * it runs (start-up stays fast: `failover --version` loads none of them). Each entry is typed from
 * its own flags, so a command's `run` receives exactly the options it declared.
 */
import { Command, Option, type OptionValues } from "@commander-js/extra-typings";
import type { CliContext } from "./context.js";
import { repeatableOption, valueArgument, valueOption } from "./option-meta.js";
import { addApplyOptions, addPlanOptions } from "./plan-options.js";

/** A command's code: its context, its positional arguments, its own options, the whole program (for completion). */
export type CommandRun<Opts> = (ctx: CliContext, args: string[], options: Opts, program: Command<[], OptionValues>) => Promise<number>;

/** The global options, by the name commander gives their value (see program.ts). */
export const GLOBAL_OPTION_NAMES = ["calendar", "config", "now", "assume", "state", "format", "json", "color", "quiet", "verbose"] as const;
export type GlobalOptionName = (typeof GLOBAL_OPTION_NAMES)[number];

/** Every command prints through the same output, so these apply to all of them. */
const OUTPUT: readonly GlobalOptionName[] = ["format", "json", "color", "quiet", "verbose"];
/** The calendar and the config files. */
const PROJECT: readonly GlobalOptionName[] = ["calendar", "config", ...OUTPUT];
/** Reading health: the clock, assumptions and the thresholds' state too. */
const HEALTH: readonly GlobalOptionName[] = ["calendar", "config", "now", "assume", "state", ...OUTPUT];

interface CommandSpec<Opts extends OptionValues> {
  name: string;
  description: string;
  /** Global options this command reads; its help lists them with their defaults. */
  globals: readonly GlobalOptionName[];
  /** 2-4 commands a person would really type. */
  examples: readonly string[];
  /** The page of docs/ that explains it. */
  doc: string;
  hidden?: boolean;
  /** Arguments and options, added to a fresh command; the result's type is what `run` receives. */
  define: (command: Command) => Command<unknown[], Opts>;
  load: () => Promise<{ run: CommandRun<Opts> }>;
}

/** A table entry with its option type sealed inside: `make` builds the commander command, with an action if asked. */
export interface CommandEntry {
  name: string;
  description: string;
  globals: readonly GlobalOptionName[];
  examples: readonly string[];
  doc: string;
  hidden: boolean;
  make(action?: (run: (ctx: CliContext, program: Command<[], OptionValues>) => Promise<number>, command: Command<unknown[], OptionValues>) => Promise<void>): Command<unknown[], OptionValues>;
}

function entry<Opts extends OptionValues>(spec: CommandSpec<Opts>): CommandEntry {
  return {
    name: spec.name,
    description: spec.description,
    globals: spec.globals,
    examples: spec.examples,
    doc: spec.doc,
    hidden: spec.hidden ?? false,
    make(action) {
      const command = spec.define(new Command(spec.name).description(spec.description));
      if (action) {
        command.action(async () => {
          await action(async (ctx, program) => (await spec.load()).run(ctx, command.args, command.opts(), program), command);
        });
      }
      return command;
    },
  };
}

const none = (command: Command) => command;

export const COMMANDS: readonly CommandEntry[] = [
  entry({
    name: "validate",
    description: "check the calendar and the config; every problem with file:line:col",
    globals: PROJECT,
    examples: ["failover validate", "failover validate -c launch.yaml --config config/failover.yaml --format github"],
    doc: "calendar.md",
    define: none,
    load: () => import("./commands/validate.js"),
  }),
  entry({
    name: "schema",
    description: "print the JSON Schema of the calendar or the config, for editors",
    globals: [],
    examples: ["failover schema calendar > calendar.schema.json", "failover schema config"],
    doc: "calendar.md",
    define: (c) => c.addArgument(valueArgument("[kind]", "calendar or config (default: calendar)", "choice", ["calendar", "config"])),
    load: () => import("./commands/schema.js"),
  }),
  entry({
    name: "init",
    description: "write a starter config/failover.yaml and calendar.yaml",
    globals: ["calendar", "config", "now", ...OUTPUT],
    examples: ["failover init", "failover init --force", "failover init -c launch.yaml --config launch/failover.yaml"],
    doc: "config.md",
    define: (c) => c.addOption(new Option("--force", "overwrite files that exist")),
    load: () => import("./commands/init.js"),
  }),
  entry({
    name: "status",
    description: "the health of the named channels (default: all in the config), with each source's answer",
    globals: HEALTH,
    examples: ["failover status", "failover status instagram x --json", "failover status --assume instagram=major_outage"],
    doc: "config.md",
    define: (c) => c.addArgument(valueArgument("[channels...]", "channels to read (default: all in the config)", "channel")).addOption(new Option("--strict", "count unknown health as down")),
    load: () => import("./commands/status.js"),
  }),
  entry({
    name: "check",
    description: "health of every channel posting in the window and of their backups; which posts are at risk and where they would go",
    globals: HEALTH,
    examples: [
      "failover check",
      "failover check --window 7d --strict",
      "failover check --format github --json-out check.json",
      "failover check --assume instagram=major_outage",
    ],
    doc: "planning.md",
    define: (c) =>
      addPlanOptions(c).addOption(
        valueOption("--json-out <file>", "also write the JSON document to this file (for CI: annotations on stdout, verdict in the file)", "file"),
      ),
    load: () => import("./commands/check.js"),
  }),
  entry({
    name: "reroute",
    description: "the reroute plan: each action, before and after, rewritten text with its length as the platform counts it",
    globals: HEALTH,
    examples: ["failover reroute --dry-run", "failover reroute --dry-run --plan-out plan.json", "failover reroute --plan plan.json --yes", "failover reroute --yes --out calendar.rerouted.yaml"],
    doc: "planning.md",
    define: (c) => addApplyOptions(addPlanOptions(c)),
    load: () => import("./commands/reroute.js"),
  }),
  entry({
    name: "failback",
    description: "put back posts failover moved, once their channel is healthy again and they have not gone out",
    globals: HEALTH,
    examples: ["failover failback --dry-run", "failover failback --yes", "failover failback --dry-run --plan-out failback.json", "failover failback --plan failback.json --yes"],
    doc: "applying.md",
    define: (c) => addApplyOptions(c),
    load: () => import("./commands/failback.js"),
  }),
  entry({
    name: "preview",
    description: "the post as each backup would get it: rewritten text or thread, its length as the platform counts, media, problems",
    globals: PROJECT,
    examples: ["failover preview launch-teaser", "failover preview launch-teaser --to x --to bluesky", "failover preview launch-teaser --json"],
    doc: "adapters.md",
    define: (c) =>
      c
        .addArgument(valueArgument("<post-id>", "the id of a post in the calendar", "free"))
        .addOption(repeatableOption("--to <channel>", "preview for this channel instead of the post's backups (repeatable)", "channel")),
    load: () => import("./commands/preview.js"),
  }),
  entry({
    name: "platforms",
    description: "the platform adapters and their rules: text limits and counting, titles, media, links, threads, hashtags",
    globals: OUTPUT,
    examples: ["failover platforms", "failover platforms --json"],
    doc: "adapters.md",
    define: none,
    load: () => import("./commands/platforms.js"),
  }),
  entry({
    name: "completion",
    description: "print a completion script for bash, zsh or fish: commands, options, formats and the config's channels",
    globals: [],
    examples: [
      "source <(failover completion bash)",
      "failover completion zsh > \"${fpath[1]}/_failover\"",
      "failover completion fish > ~/.config/fish/completions/failover.fish",
    ],
    doc: "cli.md",
    // Listed here rather than imported from completion.ts so that registering commands stays light.
    define: (c) => c.addArgument(valueArgument("<shell>", "bash, zsh or fish", "choice", ["bash", "zsh", "fish"])),
    load: () => import("./commands/completion.js"),
  }),
  entry({
    name: "__complete",
    description: "for the completion scripts: the values a shell may offer, read now (channel names from the config)",
    globals: ["calendar", "config"],
    examples: ["failover __complete channels", "failover __complete channels --config config/failover.yaml"],
    doc: "cli.md",
    hidden: true,
    define: (c) => c.addArgument(valueArgument("<what>", "channels", "choice", ["channels"])),
    load: () => import("./commands/complete.js"),
  }),
];
