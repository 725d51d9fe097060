/**
 * What each option's value is, declared where the option is declared: completion offers files,
 * channels, statuses or a fixed set from this, never by guessing from a placeholder's wording.
 */
import { Argument, Option } from "@commander-js/extra-typings";

/**
 * - `file`: a path; `channel`: a channel of the config (read at completion time);
 * - `channel=status`: `--assume`; `choice`: the option's or argument's own `.choices()`;
 * - `free`: something the shell cannot offer (a time, a duration, a post id).
 */
export type ValueKind = "file" | "channel" | "channel=status" | "choice" | "free";

export interface ValueMeta {
  value: ValueKind;
  /** Given several times, each occurrence adds a value (--assume, --to). */
  repeatable: boolean;
  /** For a `choice` argument: its values (checked by the command itself, with a did-you-mean). */
  choices?: readonly string[];
}

const META = new WeakMap<Option | Argument, ValueMeta>();

/** Collects a repeatable option's values (commander calls this once per occurrence). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** An option that takes one value of the given kind. */
export function valueOption<const Flags extends string>(flags: Flags, description: string, value: ValueKind) {
  const option = new Option(flags, description);
  META.set(option, { value, repeatable: false });
  return option;
}

/** An option that may be given several times; its value is the list of what was given. */
export function repeatableOption<const Flags extends string>(flags: Flags, description: string, value: ValueKind) {
  const option = new Option(flags, description).argParser(collect);
  META.set(option, { value, repeatable: true });
  return option;
}

/** A positional argument of the given kind. */
export function valueArgument<const Usage extends string>(usage: Usage, description: string, value: ValueKind, choices?: readonly string[]) {
  const argument = new Argument(usage, description);
  META.set(argument, { value, repeatable: /\.\.\.[\]>]$/.test(usage), ...(choices ? { choices } : {}) });
  return argument;
}

/** The declared kind of an option or argument, if it declared one. */
export function valueMeta(item: object): ValueMeta | undefined {
  return META.get(item as Option);
}
