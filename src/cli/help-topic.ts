/** `failover help <topic>`: a topic that is not a command is an error (exit 2) with a did-you-mean, not the general help. */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import { didYouMean } from "../util/did-you-mean.js";

/** The message for `help <unknown>`, or undefined when the arguments are not that. */
export function unknownHelpTopic(program: CommandUnknownOpts, args: readonly string[]): string | undefined {
  const first = args.findIndex((a) => !a.startsWith("-"));
  if (first < 0 || args[first] !== "help") return undefined;
  const topic = args[first + 1];
  if (topic === undefined || topic.startsWith("-")) return undefined;
  const names = program.commands.filter((c) => !c.name().startsWith("__")).map((c) => c.name());
  // A command's aliases are topics too (`help agenda` is `help list`).
  const aliases = program.commands.flatMap((c) => c.aliases());
  if (names.includes(topic) || aliases.includes(topic) || topic === "help") return undefined;
  return `help: "${topic}" is not a command${didYouMean(topic, names)}; the commands are ${names.filter((n) => n !== "help").join(", ")}`;
}
