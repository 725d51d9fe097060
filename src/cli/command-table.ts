/**
 * The command table: names, flags, help and examples, with each command's code loaded only when
 * it runs (start-up stays fast: `failover --version` loads none of them).
 */
import { Option, type Command } from "commander";
import { collect, type CliContext } from "./context.js";
import { addApplyOptions, addInteropOptions, addPlanOptions } from "./plan-options.js";

export type CommandRun = (ctx: CliContext, args: string[], options: Record<string, unknown>) => Promise<number>;

export interface CommandSpec {
  name: string;
  /** Other names it answers to (e.g. `agenda` for `list`). */
  aliases?: string[];
  /** commander argument syntax, e.g. "[kind]" or "<post-id>". */
  args?: string;
  description: string;
  /** The values of the positional argument, where it has a fixed set (offered by shell completion). */
  argChoices?: readonly string[];
  examples: string[];
  options?: (command: Command) => void;
  /** The --format values it takes (default: table, json, github, junit). */
  formats?: readonly string[];
  load: () => Promise<{ run: CommandRun }>;
}

/** check, reroute and failback print Markdown too (a plan to approve in a pull request, a check's summary). */
const WITH_MARKDOWN = ["table", "json", "github", "junit", "markdown"] as const;

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
    argChoices: ["calendar", "config"],
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
  {
    name: "status",
    args: "[channels...]",
    description: "the health of the named channels (default: all in the config), with each source's answer",
    examples: ["failover status", "failover status instagram x --json", "failover status --assume instagram=major_outage"],
    options: (c) => c.addOption(new Option("--strict", "count unknown health as down")),
    load: () => import("./commands/status.js"),
  },
  {
    name: "check",
    formats: WITH_MARKDOWN,
    description: "health of every channel posting in the window and of their backups; which posts are at risk and where they would go",
    examples: [
      "failover check",
      "failover check --window 7d --strict",
      "failover check --format github --json-out check.json",
      "failover check --assume instagram=major_outage",
    ],
    options: (c) => {
      addPlanOptions(c);
      c.addOption(new Option("--json-out <file>", "also write the JSON document to this file (for CI: annotations on stdout, verdict in the file)"));
    },
    load: () => import("./commands/check.js"),
  },
  {
    name: "reroute",
    formats: WITH_MARKDOWN,
    description: "the reroute plan: each action, before and after, rewritten text with its length as the platform counts it",
    examples: [
      "failover reroute --dry-run",
      "failover reroute --dry-run --plan-out plan.json",
      "failover reroute --yes",
      "failover reroute --plan plan.json --yes",
      "failover reroute --yes --out calendar.rerouted.yaml",
      "failover reroute --dry-run --format markdown > plan.md",
      "failover reroute --plan plan.json --dry-run --format markdown",
    ],
    options: (c) => {
      addPlanOptions(c);
      addApplyOptions(c);
    },
    load: () => import("./commands/reroute.js"),
  },
  {
    name: "failback",
    formats: WITH_MARKDOWN,
    description: "put back posts failover moved, once their channel is healthy again and they have not gone out",
    examples: ["failover failback --dry-run", "failover failback --yes", "failover failback --dry-run --plan-out failback.json", "failover failback --plan failback.json --yes"],
    options: addApplyOptions,
    load: () => import("./commands/failback.js"),
  },
  {
    name: "list",
    aliases: ["agenda"],
    description: "the calendar to look at: posts by day and channel with their status, stand-ins beside originals, notices; times in each channel's zone",
    examples: ["failover list", "failover list --window 14d --channel instagram", "failover agenda --json", "failover list --format markdown"],
    formats: ["table", "json", "markdown"],
    options: (c) => {
      c.addOption(new Option("--window <duration>", "how far ahead to list, e.g. 7d, 48h").default("7d"));
      c.addOption(new Option("--channel <channel>", "only this channel's posts (repeatable); stand-ins stay beside their originals").argParser(collect));
    },
    load: () => import("./commands/list.js"),
  },
  {
    name: "preview",
    args: "<post-id>",
    description: "the post as each backup would get it: rewritten text or thread, its length as the platform counts, media, problems",
    examples: ["failover preview launch-teaser", "failover preview launch-teaser --to x --to bluesky", "failover preview launch-teaser --json"],
    options: (c) => c.addOption(new Option("--to <channel>", "preview for this channel instead of the post's backups (repeatable)").argParser(collect)),
    load: () => import("./commands/preview.js"),
  },
  {
    name: "platforms",
    description: "the platform adapters and their rules: text limits and counting, titles, media, links, threads, hashtags",
    examples: ["failover platforms", "failover platforms --json"],
    load: () => import("./commands/platforms.js"),
  },
  {
    name: "import",
    args: "<file>",
    description: "a calendar from a spreadsheet (CSV) or a scheduler's export: Hootsuite, Buffer, Later, Postiz",
    examples: [
      "failover import posts.csv -o calendar.yaml --timezone Europe/Berlin",
      "failover import hootsuite.csv --from hootsuite --channel x --date-format dmy",
      "failover import plan.csv --map text=Caption --map date=\"Publish on\" --channel-map ig=instagram,tw=x",
      "failover import posts.csv --skip-bad -o calendar.yaml",
    ],
    formats: ["table", "json"],
    options: (c) => {
      c.addOption(new Option("--from <format>", "the file's layout").choices(["csv", "hootsuite", "buffer", "later", "postiz"]).default("csv"));
      c.addOption(new Option("--map <field=column>", "which column holds a field: id, channel, date, time, timezone, text, link, media, alt, title, campaign (header name or number; repeatable)").argParser(collect));
      c.addOption(new Option("--channel-map <from=to,...>", "rename channels as the file writes them, e.g. ig=instagram,tw=x (repeatable)").argParser(collect));
      c.addOption(new Option("--channel <name>", "the channel of rows that name none"));
      c.addOption(new Option("--skip-bad", "leave out rows that cannot be read (each reported) instead of importing nothing"));
      addInteropOptions(c, {
        out: "write the calendar here; a calendar that exists gets the posts appended (comments kept). Default: print it",
        timezone: "the zone of times written without one, e.g. Europe/Berlin",
        dateFormat: "day first or month first for dates like 03/04/2026",
        delimiter: "the separator: , ; tab or | (default: guessed from the first line)",
      });
    },
    load: () => import("./commands/import.js"),
  },
  {
    name: "export",
    description: "the calendar as it stands, stand-ins included: CSV, Hootsuite's bulk CSV, iCalendar (.ics) or JSON",
    examples: [
      "failover export --format csv -o calendar.csv",
      "failover export --format ics --window 14d -o launch.ics",
      "failover export --format hootsuite --channel x -o hootsuite-x.csv",
      "failover export --format json --window 7d",
    ],
    formats: ["table", "csv", "hootsuite", "ics", "json"],
    options: (c) => {
      c.addOption(new Option("--window <duration>", "only posts from now to now + this, e.g. 7d (default: all)"));
      c.addOption(new Option("--channel <name>", "only this channel (repeatable)").argParser(collect));
      c.addOption(new Option("--bom", "csv: start with a byte-order mark, so Excel reads UTF-8"));
      addInteropOptions(c, {
        out: "write here (atomically) instead of printing",
        timezone: "times in this zone instead of each channel's",
        dateFormat: "hootsuite: DD/MM/YYYY (dmy, default) or MM/DD/YYYY (mdy)",
        delimiter: "csv separator: , ; tab or | (default ,)",
      });
    },
    load: () => import("./commands/export.js"),
  },
  {
    name: "completion",
    args: "<shell>",
    // Listed here rather than imported from completion.ts so that registering commands stays light.
    argChoices: ["bash", "zsh", "fish"],
    description: "print a completion script for bash, zsh or fish: commands, options, formats and the config's channels",
    examples: [
      "source <(failover completion bash)",
      "failover completion zsh > \"${fpath[1]}/_failover\"",
      "failover completion fish > ~/.config/fish/completions/failover.fish",
    ],
    load: () => import("./commands/completion.js"),
  },
];
