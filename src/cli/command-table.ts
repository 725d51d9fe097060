/**
 * The command table: names, flags, help and examples, with each command's code loaded only when
 * it runs (start-up stays fast: `failover --version` loads none of them). Each entry is typed from
 * its own flags, so a command's `run` receives exactly the options it declared.
 */
import { Command, Option, type OptionValues } from "@commander-js/extra-typings";
import type { CliContext } from "./context.js";
import { repeatableOption, valueArgument, valueOption } from "./option-meta.js";
import { addApplyOptions, addInteropOptions, addPlanOptions } from "./plan-options.js";

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
  /** The --format values it takes (default: table, json, github, junit). */
  formats?: readonly string[];
  /** False for a command that checks no file against a schema: zod is then not even loaded (start-up, see main.ts). */
  schemas?: boolean;
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
  /** The --format values it takes. */
  formats: readonly string[];
  /** Whether it checks files against zod schemas (most do). */
  schemas: boolean;
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
    formats: spec.formats ?? ["table", "json", "github", "junit"],
    schemas: spec.schemas ?? true,
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

/** check, reroute, failback and list print Markdown too (a plan to approve in a pull request, a check's summary). */
const WITH_MARKDOWN = ["table", "json", "github", "junit", "markdown"] as const;

export const COMMANDS: readonly CommandEntry[] = [
  entry({
    name: "validate",
    description: "check the calendar and the config; every problem with file:line:col",
    globals: ["calendar", "config", "now", ...OUTPUT],
    examples: [
      "failover validate",
      "failover validate --strict --now 2026-07-14T08:00",
      "failover validate -c launch.yaml --config config/failover.yaml --format github",
    ],
    doc: "calendar.md",
    define: (c) => c.addOption(new Option("--strict", "warnings (past posts not marked posted, times outside windows, missing media) count as errors: exit 2")),
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
    define: (c) =>
      c
        .addArgument(valueArgument("[channels...]", "channels to read (default: all in the config)", "channel"))
        .addOption(new Option("--strict", "count unknown health as down"))
        .addOption(valueOption("--history <duration>", "draw .failover/history.jsonl over this span as a timeline (e.g. 24h); reads no source", "free")),
    load: () => import("./commands/status.js"),
  }),
  entry({
    name: "check",
    formats: WITH_MARKDOWN,
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
    formats: WITH_MARKDOWN,
    description: "the reroute plan: each action, before and after, rewritten text with its length as the platform counts it",
    globals: HEALTH,
    examples: [
      "failover reroute --dry-run",
      "failover reroute --dry-run --plan-out plan.json --format markdown",
      "failover reroute --plan plan.json --yes",
      "failover reroute --yes --out calendar.rerouted.yaml",
    ],
    doc: "planning.md",
    define: (c) => addApplyOptions(addPlanOptions(c)),
    load: () => import("./commands/reroute.js"),
  }),
  entry({
    name: "failback",
    formats: WITH_MARKDOWN,
    description: "put back posts failover moved, once their channel is healthy again and they have not gone out",
    globals: HEALTH,
    examples: ["failover failback --dry-run", "failover failback --yes", "failover failback --dry-run --plan-out failback.json", "failover failback --plan failback.json --yes"],
    doc: "applying.md",
    define: (c) => addApplyOptions(c),
    load: () => import("./commands/failback.js"),
  }),
  entry({
    name: "run",
    description: "the autopilot: check, reroute within the guard rails, fail back and alert the team, once or every interval",
    globals: HEALTH,
    examples: [
      "failover run --once --apply auto --publish --notify team",
      "failover run --every 1m --apply ask",
      "failover run --now 2026-07-14T00:00Z --cycles 288 --step 5m --apply auto --json",
    ],
    doc: "autopilot.md",
    formats: ["table", "json"],
    define: (c) =>
      c
        .addOption(new Option("--once", "one cycle, then exit (for a CI schedule)"))
        .addOption(valueOption("--every <duration>", "time between cycles when running on (default 1m)", "free"))
        .addOption(valueOption("--apply <mode>", "auto: apply within autopilot: limits; ask: alert the team with the plan; never: only report", "choice").choices(["auto", "ask", "never"] as const).default("never"))
        .addOption(valueOption("--window <duration>", "how far ahead to look, e.g. 48h, 7d", "free").default("48h"))
        .addOption(new Option("--publish", "after failback, publish what is due (as failover publish: same journal, never twice)"))
        .addOption(repeatableOption("--notify <channel>", "send team alerts to this channel of the config: a Slack/Discord webhook or an e-mail channel (repeatable)", "channel"))
        .addOption(valueOption("--cycles <n>", "stop after n cycles", "free"))
        .addOption(valueOption("--step <duration>", "drills: a simulated clock from --now, advanced this much per cycle, no waiting", "free")),
    load: () => import("./commands/run.js"),
  }),
  entry({
    name: "pause",
    description: "stop `failover run` from changing anything (creates .failover/pause beside the calendar)",
    globals: ["calendar", "now", ...OUTPUT],
    examples: ["failover pause", "failover pause launch under manual control"],
    doc: "autopilot.md",
    define: (c) => c.addArgument(valueArgument("[reason...]", "why, kept in the file and shown by run", "free")),
    load: () => import("./commands/pause.js"),
  }),
  entry({
    name: "resume",
    description: "let `failover run` apply again (removes .failover/pause)",
    globals: ["calendar", ...OUTPUT],
    examples: ["failover resume", "failover resume -c launch/calendar.yaml"],
    doc: "autopilot.md",
    define: none,
    load: () => import("./commands/resume.js"),
  }),
  entry({
    name: "publish",
    description: "send what is due through each channel's publish block (Bluesky, Mastodon, webhooks, e-mail), exactly once; posts on a down channel are held",
    globals: HEALTH,
    examples: ["failover publish --dry-run", "failover publish --yes", "failover publish bluesky mastodon --yes --late 30m", "failover publish --yes --json"],
    doc: "publishing.md",
    formats: ["table", "json"],
    define: (c) =>
      c
        .addArgument(valueArgument("[channels...]", "only these channels (each with a publish: block)", "channel"))
        .addOption(new Option("--dry-run", "show what is due and would be sent; send and write nothing"))
        .addOption(new Option("-y, --yes", "publish without asking (needed when not on a terminal)"))
        .addOption(valueOption("--late <duration>", "how late a post may still go out", "free").default("1h"))
        .addOption(valueOption("--deadline <duration>", "the whole run's time limit, retries included", "free").default("2m"))
        .addOption(valueOption("--timeout <duration>", "each request's time limit", "free").default("20s"))
        .addOption(valueOption("--concurrency <n>", "posts of one channel sent at once (1 keeps the calendar's order strictly)", "free").default("4")),
    load: () => import("./commands/publish.js"),
  }),
  entry({
    name: "list",
    description: "the calendar to look at: posts by day and channel with their status, stand-ins beside originals, notices; times in each channel's zone (alias: agenda)",
    globals: ["calendar", "config", "now", ...OUTPUT],
    examples: ["failover list", "failover list --window 14d --channel instagram", "failover list --json", "failover list --format markdown"],
    doc: "applying.md",
    formats: ["table", "json", "markdown"],
    define: (c) =>
      c
        .alias("agenda")
        .addOption(valueOption("--window <duration>", "how far ahead to list, e.g. 7d, 48h", "free").default("7d"))
        .addOption(repeatableOption("--channel <channel>", "only this channel's posts (repeatable); stand-ins stay beside their originals", "channel")),
    load: () => import("./commands/list.js"),
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
    name: "import",
    description: "a calendar from a spreadsheet (CSV) or a scheduler's export: Hootsuite, Buffer, Later, Postiz",
    globals: ["config", "format", "json", "color", "quiet", "verbose"],
    examples: [
      "failover import posts.csv -o calendar.yaml --timezone Europe/Berlin",
      "failover import hootsuite.csv --from hootsuite --channel x --date-format dmy",
      "failover import plan.csv --map text=Caption --map date=\"Publish on\" --channel-map ig=instagram,tw=x",
      "failover import posts.csv --skip-bad -o calendar.yaml",
    ],
    doc: "interop.md",
    formats: ["table", "json"],
    define: (c) =>
      addInteropOptions(
        c
          .addArgument(valueArgument("<file>", "the CSV or export file to read", "file"))
          .addOption(valueOption("--from <format>", "the file's layout", "choice").choices(["csv", "hootsuite", "buffer", "later", "postiz"] as const).default("csv"))
          .addOption(repeatableOption("--map <field=column>", "which column holds a field: id, channel, date, time, timezone, text, link, media, alt, title, campaign (header name or number; repeatable)", "free"))
          .addOption(repeatableOption("--channel-map <from=to,...>", "rename channels as the file writes them, e.g. ig=instagram,tw=x (repeatable)", "free"))
          .addOption(valueOption("--channel <name>", "the channel of rows that name none", "channel"))
          .addOption(new Option("--skip-bad", "leave out rows that cannot be read (each reported) instead of importing nothing")),
        {
          out: "write the calendar here; a calendar that exists gets the posts appended (comments kept). Default: print it",
          timezone: "the zone of times written without one, e.g. Europe/Berlin",
          dateFormat: "day first or month first for dates like 03/04/2026",
          delimiter: "the separator: , ; tab or | (default: guessed from the first line)",
        },
      ),
    load: () => import("./commands/import.js"),
  }),
  entry({
    name: "export",
    description: "the calendar as it stands, stand-ins included: CSV, Hootsuite's bulk CSV, iCalendar (.ics) or JSON",
    globals: ["calendar", "config", "now", "format", "json", "color", "quiet", "verbose"],
    examples: [
      "failover export --format csv -o calendar.csv",
      "failover export --format ics --window 14d -o launch.ics",
      "failover export --format hootsuite --channel x -o hootsuite-x.csv",
      "failover export --format json --window 7d",
    ],
    doc: "interop.md",
    formats: ["table", "csv", "hootsuite", "ics", "json"],
    define: (c) =>
      addInteropOptions(
        c
          .addOption(valueOption("--window <duration>", "only posts from now to now + this, e.g. 7d (default: all)", "free"))
          .addOption(repeatableOption("--channel <name>", "only this channel (repeatable)", "channel"))
          .addOption(new Option("--bom", "csv: start with a byte-order mark, so Excel reads UTF-8")),
        {
          out: "write here (atomically) instead of printing",
          timezone: "times in this zone instead of each channel's",
          dateFormat: "hootsuite: DD/MM/YYYY (dmy, default) or MM/DD/YYYY (mdy)",
          delimiter: "csv separator: , ; tab or | (default ,)",
        },
      ),
    load: () => import("./commands/export.js"),
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
    // Run at every tab: the config's channel names are read as YAML only (config/channel-names.ts).
    schemas: false,
    define: (c) => c.addArgument(valueArgument("<what>", "channels", "choice", ["channels"])),
    load: () => import("./commands/complete.js"),
  }),
];
