/**
 * `failover __complete channels`: what the completion scripts call for channel names, so they are
 * the config's as it is at completion time. Quiet by design: a config that does not load offers
 * the platform names and says nothing (a warning would land in the middle of the user's line).
 * Nothing here needs the config checked, only its channel names: see config/channel-names.ts.
 */
import { declaredChannelNames } from "../../config/channel-names.js";
import { findConfig } from "../../config/find.js";
import { ExitCode, UsageError } from "../../errors.js";
import { PLATFORMS } from "../../platforms.js";
import { didYouMean } from "../../util/did-you-mean.js";
import type { CliContext } from "../context.js";

const TOPICS = ["channels"] as const;

/** Names a shell can take as one word; anything else is left out rather than break the line. */
const SAFE_WORD = /^[A-Za-z0-9_.@+-]+$/;

/** The config's channels (read as YAML only: no schema, see config/channel-names.ts) and the platform names. */
async function channelNames(ctx: CliContext): Promise<string[]> {
  const { file } = findConfig(ctx.configPath ? { flag: ctx.configPath } : {});
  const declared = file ? await declaredChannelNames(file) : [];
  return [...(declared ?? []), ...PLATFORMS];
}

export async function run(ctx: CliContext, args: string[]): Promise<number> {
  const topic = args[0]!;
  if (topic !== "channels") throw new UsageError(`"${topic}" is not something failover completes; use ${TOPICS.join(", ")}${didYouMean(topic, TOPICS)}`, "__complete <what>");
  const names = [...new Set(await channelNames(ctx))].filter((c) => SAFE_WORD.test(c)).sort();
  if (names.length > 0) ctx.out.data(names.join("\n"));
  return ExitCode.Go;
}
