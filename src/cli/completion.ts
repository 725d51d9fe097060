/**
 * Shell completion scripts for bash, zsh and fish, generated from the commander program (the
 * command table and each command's options), so they list exactly the flags the CLI accepts.
 * What a value completes to comes from each option's declared kind (option-meta.ts). Channel
 * names are not written into the script: it asks `failover __complete channels` when they are
 * needed, so they are the config's as it is now (as gh and cobra do).
 * Pure: the program in, the script text out.
 */
import type { CommandUnknownOpts, Option, Argument } from "@commander-js/extra-typings";
import { valueMeta } from "./option-meta.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value of an option or argument completes to. */
export type ValueKind =
  | { kind: "none" }
  | { kind: "file" }
  | { kind: "channel" }
  /** `--assume channel=status` */
  | { kind: "assume" }
  | { kind: "choices"; choices: readonly string[] }
  /** a value we cannot guess (a time, a duration, a post id): the shell offers nothing. */
  | { kind: "free"; label: string };

export interface CompletionOption {
  long?: string;
  short?: string;
  description: string;
  value: ValueKind;
  /** Takes several occurrences (--assume, --to). */
  repeatable: boolean;
}

export interface CompletionArgument {
  name: string;
  variadic: boolean;
  value: ValueKind;
}

export interface CompletionCommand {
  name: string;
  /** Other names it answers to (`list` is also `agenda`): completed like the name itself. */
  aliases: string[];
  description: string;
  options: CompletionOption[];
  args: CompletionArgument[];
}

export interface CompletionModel {
  program: string;
  version: string;
  globalOptions: CompletionOption[];
  commands: CompletionCommand[];
  statuses: readonly string[];
}

/** The declared kind of a value; an option that declared none offers nothing (and fails the completion test). */
function valueOf(item: Option | Argument, label: string): ValueKind {
  const meta = valueMeta(item);
  const choices = item.argChoices ?? meta?.choices;
  switch (meta?.value) {
    case "file":
      return { kind: "file" };
    case "channel":
      return { kind: "channel" };
    case "channel=status":
      return { kind: "assume" };
    case "choice":
      return choices && choices.length > 0 ? { kind: "choices", choices } : { kind: "free", label };
    default:
      return { kind: "free", label };
  }
}

function describeOption(option: Option): CompletionOption {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? "value";
  const takesValue = option.required || option.optional;
  return {
    ...(option.long ? { long: option.long } : {}),
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    value: takesValue ? valueOf(option, placeholder) : { kind: "none" },
    repeatable: takesValue && (valueMeta(option)?.repeatable ?? false),
  };
}

const HELP: CompletionOption = { long: "--help", short: "-h", description: "show help", value: { kind: "none" }, repeatable: false };

/** The model of a program: its visible commands (not `help`, not hidden ones such as `__complete`). */
export function describeProgram(program: CommandUnknownOpts, extras: { statuses: readonly string[] }): CompletionModel {
  const commands = program.commands
    .filter((c) => c.name() !== "help" && !c.name().startsWith("__"))
    .map((c): CompletionCommand => ({
      name: c.name(),
      aliases: c.aliases(),
      description: c.description(),
      options: [...c.options.filter((o) => !o.hidden).map(describeOption), HELP],
      args: c.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, value: valueOf(a, a.name()) })),
    }));
  return {
    program: program.name(),
    version: program.version() ?? "",
    // --version belongs before any command only; each shell adds it at the top level itself.
    globalOptions: [...program.options.filter((o) => !o.hidden && o.long !== "--version").map(describeOption), HELP],
    commands,
    statuses: extras.statuses,
  };
}

export function completionScript(shell: Shell, model: CompletionModel): string {
  switch (shell) {
    case "bash":
      return bashScript(model);
    case "zsh":
      return zshScript(model);
    case "fish":
      return fishScript(model);
  }
}

/** POSIX single quotes (bash, zsh): nothing inside is special but the quote itself. */
function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A command's name and its aliases, each completed the same way. */
function namesOf(c: CompletionCommand): string[] {
  return [c.name, ...c.aliases];
}

function flagsOf(o: CompletionOption): string[] {
  return [o.short, o.long].filter((f): f is string => f !== undefined);
}

function header(model: CompletionModel, shell: Shell, load: string[]): string[] {
  return [
    `# ${shell} completion for ${model.program} ${model.version}, generated by \`${model.program} completion ${shell}\`.`,
    "# Regenerate it after upgrading failover. Channel names are read from the config when offered",
    `# (\`${model.program} __complete channels\`, with the -c/--calendar/--config given on the line).`,
    ...load.map((l) => `# ${l}`),
  ];
}

/** The options whose values say which config to read channel names from. */
const PROJECT_FLAGS = ["-c", "--calendar", "--config"];

// ---- bash ----------------------------------------------------------------------------------

/** Shell code that prints the channels, one a line: see bashChannels(). */
const BASH_CHANNELS = "_failover_channels";

function bashValueCase(options: CompletionOption[]): string[] {
  const lines: string[] = [];
  for (const o of options) {
    if (o.value.kind === "none") continue;
    const pattern = flagsOf(o).join("|");
    switch (o.value.kind) {
      case "file":
        lines.push(`        ${pattern}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;`);
        break;
      case "channel":
        lines.push(`        ${pattern}) COMPREPLY=($(compgen -W "$(${BASH_CHANNELS})" -- "$cur")); return 0 ;;`);
        break;
      case "assume":
        lines.push(`        ${pattern}) compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -W "$(${BASH_CHANNELS})" -S "=" -- "$cur")); return 0 ;;`);
        break;
      case "choices":
        lines.push(`        ${pattern}) COMPREPLY=($(compgen -W ${sq(o.value.choices.join(" "))} -- "$cur")); return 0 ;;`);
        break;
      case "free":
        lines.push(`        ${pattern}) return 0 ;;`);
        break;
    }
  }
  return lines;
}

function bashArgs(args: CompletionArgument[]): string {
  // One kind of positional per command in this CLI; the first argument's kind stands for all.
  const value = args[0]?.value;
  if (!value) return "";
  if (value.kind === "channel") return `COMPREPLY=($(compgen -W "$(${BASH_CHANNELS})" -- "$cur"))`;
  if (value.kind === "choices") return `COMPREPLY=($(compgen -W ${sq(value.choices.join(" "))} -- "$cur"))`;
  return "";
}

function bashScript(model: CompletionModel): string {
  const fn = `_${model.program.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const valueFlags = [...model.globalOptions, ...model.commands.flatMap((c) => c.options)]
    .filter((o) => o.value.kind !== "none")
    .flatMap(flagsOf);
  const globalWords = [...model.globalOptions.flatMap(flagsOf)].join(" ");
  const lines = [
    ...header(model, "bash", [
      `Load it in this shell: source <(${model.program} completion bash)`,
      `or for good: ${model.program} completion bash > ~/.local/share/bash-completion/completions/${model.program}`,
    ]),
    "",
    "# The config's channels now, asked of failover itself with the line's -c/--calendar/--config.",
    `${BASH_CHANNELS}() {`,
    "    local i args=()",
    "    for ((i = 1; i < COMP_CWORD; i++)); do",
    '        case "${COMP_WORDS[i]}" in',
    `            ${PROJECT_FLAGS.join("|")}) args+=("\${COMP_WORDS[i]}" "\${COMP_WORDS[i+1]}") ;;`,
    "        esac",
    "    done",
    `    command ${model.program} __complete channels "\${args[@]}" 2>/dev/null`,
    "}",
    "",
    `${fn}() {`,
    "    local cur prev cmd i",
    "    COMPREPLY=()",
    '    cur="${COMP_WORDS[COMP_CWORD]}"',
    '    prev="${COMP_WORDS[COMP_CWORD-1]}"',
    `    local statuses=${sq(model.statuses.join(" "))}`,
    "",
    "    # --assume channel=status: bash splits the word at '=', so the status is a word of its own.",
    '    if [[ "$cur" == "=" && "${COMP_WORDS[COMP_CWORD-2]}" == "--assume" ]]; then',
    '        COMPREPLY=($(compgen -W "$statuses"))',
    "        return 0",
    "    fi",
    '    if [[ "$prev" == "=" && "${COMP_WORDS[COMP_CWORD-3]}" == "--assume" ]]; then',
    '        COMPREPLY=($(compgen -W "$statuses" -- "$cur"))',
    "        return 0",
    "    fi",
    "",
    "    # The command is the first word that is neither an option nor an option's value.",
    '    cmd=""',
    "    for ((i = 1; i < COMP_CWORD; i++)); do",
    '        case "${COMP_WORDS[i]}" in',
    `            ${valueFlags.join("|")}) ((i++)) ;;`,
    "            # channel=status was split at '=': skip the '=' and the status after it.",
    "            =) ((i++)) ;;",
    "            -*) ;;",
    '            *) cmd="${COMP_WORDS[i]}"; break ;;',
    "        esac",
    "    done",
    "",
    '    case "$cmd" in',
    '    "")',
    '        case "$prev" in',
    ...bashValueCase(model.globalOptions),
    "        esac",
    '        if [[ "$cur" == -* ]]; then',
    `            COMPREPLY=($(compgen -W ${sq(`${globalWords} -V --version`)} -- "$cur"))`,
    "        else",
    `            COMPREPLY=($(compgen -W ${sq(model.commands.flatMap(namesOf).join(" "))} -- "$cur"))`,
    "        fi",
    "        ;;",
  ];
  for (const c of model.commands) {
    const options = [...model.globalOptions.filter((g) => g.long !== "--help"), ...c.options];
    const args = bashArgs(c.args);
    lines.push(
      `    ${namesOf(c).join("|")})`,
      '        case "$prev" in',
      ...bashValueCase(options),
      "        esac",
      '        if [[ "$cur" == -* ]]; then',
      `            COMPREPLY=($(compgen -W ${sq(options.flatMap(flagsOf).join(" "))} -- "$cur"))`,
      ...(args ? ["        else", `            ${args}`] : []),
      "        fi",
      "        ;;",
    );
  }
  lines.push("    esac", "    return 0", "}", `complete -o default -F ${fn} ${model.program}`, "");
  return lines.join("\n");
}

// ---- zsh -----------------------------------------------------------------------------------

/** Text inside an _arguments `[description]`, itself inside single quotes. */
function zshDescription(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/([[\]:])/g, "\\$1");
}

function zshAction(value: ValueKind, fn: string): string {
  switch (value.kind) {
    case "none":
      return "";
    case "file":
      return ":file:_files";
    case "channel":
      return `:channel:${fn}_channels`;
    case "assume":
      return `:channel=status:${fn}_assume`;
    case "choices":
      return `:${"value"}:(${value.choices.join(" ")})`;
    case "free":
      // A single space: show what is expected, offer nothing.
      return `:${zshDescription(value.label)}: `;
  }
}

function zshOptionSpecs(options: CompletionOption[], fn: string): string[] {
  return options.map((o) => {
    const flags = flagsOf(o);
    const exclusive = o.repeatable ? "*" : flags.length > 1 ? `(${flags.join(" ")})` : "";
    const body = `[${zshDescription(o.description)}]${zshAction(o.value, fn)}`;
    if (flags.length > 1) return `${sq(exclusive)}{${flags.join(",")}}${sq(body)}`;
    return sq(`${exclusive}${flags[0]}${body}`);
  });
}

function zshArgSpecs(args: CompletionArgument[], fn: string): string[] {
  return args.map((a, i) => {
    const action = zshAction(a.value, fn) || `:${a.name}: `;
    return sq(`${a.variadic ? "*" : String(i + 1)}${action}`);
  });
}

function zshScript(model: CompletionModel): string {
  const fn = `_${model.program.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const lines = [
    `#compdef ${model.program}`,
    ...header(model, "zsh", [
      `Load it in this shell: source <(${model.program} completion zsh)`,
      `or for good: ${model.program} completion zsh > "\${fpath[1]}/_${model.program}" (then restart zsh)`,
    ]),
    "",
    "# The config's channels now, asked of failover itself with the line's -c/--calendar/--config.",
    `${fn}_channel_names() {`,
    "    local -a all=(${(z)BUFFER}) args",
    "    local i",
    "    for (( i = 2; i < $#all; i++ )); do",
    `        case $all[i] in (${PROJECT_FLAGS.join("|")}) args+=($all[i] $all[i+1]) ;; esac`,
    "    done",
    `    command ${model.program} __complete channels $args 2>/dev/null`,
    "}",
    "",
    `${fn}_channels() {`,
    `    local -a channels=(\${(f)"$(${fn}_channel_names)"})`,
    "    compadd -a channels",
    "}",
    "",
    `${fn}_assume() {`,
    `    local -a channels=(\${(f)"$(${fn}_channel_names)"})`,
    `    local -a statuses=(${model.statuses.join(" ")})`,
    "    if compset -P '*='; then",
    "        compadd -a statuses",
    "    else",
    "        compadd -S '=' -a channels",
    "    fi",
    "}",
    "",
    `${fn}() {`,
    '    local curcontext="$curcontext" state line ret=1',
    "    local -a global_opts=(",
    ...zshOptionSpecs(model.globalOptions.filter((o) => o.long !== "--help"), fn).map((s) => `        ${s}`),
    "    )",
    "    _arguments -C -s $global_opts \\",
    `        ${sq("(- *)")}{-h,--help}${sq("[show help]")} \\`,
    `        ${sq("(- *)")}{-V,--version}${sq("[show the version]")} \\`,
    "        '1:command:->command' \\",
    "        '*::arg:->args' && ret=0",
    "    case $state in",
    "    command)",
    "        local -a commands=(",
    ...model.commands.flatMap((c) => namesOf(c).map((name) => `            ${sq(`${name}:${c.description}`)}`)),
    "        )",
    `        _describe -t commands ${sq(`${model.program} command`)} commands && ret=0`,
    "        ;;",
    "    args)",
    `        curcontext="\${curcontext%:*:*}:${model.program}-$line[1]:"`,
    "        case $line[1] in",
  ];
  for (const c of model.commands) {
    const specs = [...zshOptionSpecs(c.options, fn), ...zshArgSpecs(c.args, fn)];
    lines.push(`        ${namesOf(c).join("|")})`, "            _arguments -s $global_opts \\", ...specs.map((s, i) => `                ${s}${i === specs.length - 1 ? " && ret=0" : " \\"}`), "            ;;");
  }
  lines.push(
    "        esac",
    "        ;;",
    "    esac",
    "    return ret",
    "}",
    "",
    "# Autoloaded from $fpath the file is the function's body; sourced, it registers the function.",
    `if [[ "\${funcstack[1]}" == "${fn}" ]]; then`,
    `    ${fn} "$@"`,
    "else",
    `    compdef ${fn} ${model.program}`,
    "fi",
    "",
  );
  return lines.join("\n");
}

// ---- fish ----------------------------------------------------------------------------------

/** fish single quotes: backslash and quote are the only escapes inside. */
function fq(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function fishOption(model: CompletionModel, o: CompletionOption, condition?: string): string {
  const parts = [`complete -c ${model.program}`];
  if (condition) parts.push(`-n ${fq(condition)}`);
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, "")}`);
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, "")}`);
  switch (o.value.kind) {
    case "file":
      parts.push("-r -F");
      break;
    case "channel":
      parts.push(`-x -a ${fq(`(__${model.program}_channels)`)}`);
      break;
    case "assume":
      parts.push(`-x -a ${fq(`(__${model.program}_assume)`)}`);
      break;
    case "choices":
      parts.push(`-x -a ${fq(o.value.choices.join(" "))}`);
      break;
    case "free":
      parts.push("-x");
      break;
    case "none":
      break;
  }
  parts.push(`-d ${fq(o.description)}`);
  return parts.join(" ");
}

function fishScript(model: CompletionModel): string {
  const p = model.program;
  const lines = [
    ...header(model, "fish", [
      `Load it in this shell: ${p} completion fish | source`,
      `or for good: ${p} completion fish > ~/.config/fish/completions/${p}.fish`,
    ]),
    "",
    "# The config's channels now, asked of failover itself with the line's -c/--calendar/--config.",
    `function __${p}_channels`,
    "    set -l words (commandline -opc)",
    "    set -l args",
    "    for i in (seq 2 (math (count $words) - 1))",
    `        if contains -- $words[$i] ${PROJECT_FLAGS.join(" ")}`,
    "            set -a args $words[$i] $words[(math $i + 1)]",
    "        end",
    "    end",
    `    command ${p} __complete channels $args 2>/dev/null`,
    "end",
    "",
    `function __${p}_assume`,
    `    for channel in (__${p}_channels)`,
    `        for health in ${model.statuses.join(" ")}`,
    "            echo $channel=$health",
    "        end",
    "    end",
    "end",
    "",
    "# No file names unless an option asks for a file.",
    `complete -c ${p} -f`,
    "",
    "# Commands",
    ...model.commands.flatMap((c) => namesOf(c).map((name) => `complete -c ${p} -n __fish_use_subcommand -a ${name} -d ${fq(c.description)}`)),
    "",
    "# Options of every command",
    ...model.globalOptions.map((o) => fishOption(model, o)),
    `complete -c ${p} -n __fish_use_subcommand -s V -l version -d ${fq("show the version")}`,
  ];
  for (const c of model.commands) {
    const when = `__fish_seen_subcommand_from ${namesOf(c).join(" ")}`;
    lines.push("", `# ${c.name}`, ...c.options.filter((o) => o.long !== "--help").map((o) => fishOption(model, o, when)));
    const value = c.args[0]?.value;
    if (value?.kind === "channel") lines.push(`complete -c ${p} -n ${fq(when)} -a ${fq(`(__${p}_channels)`)}`);
    if (value?.kind === "choices") lines.push(`complete -c ${p} -n ${fq(when)} -a ${fq(value.choices.join(" "))}`);
  }
  lines.push("");
  return lines.join("\n");
}
