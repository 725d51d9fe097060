/**
 * Messages to the team (the autopilot's alerts) through a channel of the config, with that
 * channel's own publisher: a Slack or Discord incoming webhook, or an e-mail list. The same
 * settings, `${ENV}` expansion, secrets hiding and HTTP limits as publishing a post; no journal
 * (an alert that is not delivered is a warning, and the next alert carries on).
 */
import type { Channel, Config } from "../config/model.js";
import type { Post } from "../calendar/model.js";
import type { RewriteResult } from "../adapters/rewrite.js";
import { resolveChannel } from "../config/load.js";
import { expandSettings } from "./credentials.js";
import { PublishFailure } from "./errors.js";
import { PublishHttp } from "./http.js";
import { publisherFor } from "./registry.js";
import { PUBLISH_USER_AGENT } from "./publish.js";
import type { ChannelContext, Step } from "./types.js";

export interface TeamMessage {
  /** Stable for the same alert: an e-mail's Message-ID is made from it. */
  id: string;
  /** The subject of an e-mail. */
  title: string;
  /** Slack mrkdwn; plain enough for Discord and e-mail. */
  text: string;
}

/** Why a channel cannot carry team messages, or undefined when it can. */
export function teamChannelProblem(config: Config, name: string): string | undefined {
  const channel = resolveChannel(config, name);
  if (!channel?.declared) return `no channel "${name}" in the config`;
  if (!channel.publish) return `channel "${name}" has no publish: block; a team channel is a webhook (format: slack or discord) or an e-mail channel with one`;
  if (channel.platform === "email") return undefined;
  if (channel.platform === "webhook") {
    const format = channel.publish.format ?? "json";
    return format === "slack" || format === "discord" ? undefined : `channel "${name}" is a webhook with format: ${String(format)}; team messages need format: slack or discord`;
  }
  return `channel "${name}" is a ${channel.platform} channel, for the audience; team messages go to a webhook (Slack, Discord) or an e-mail channel`;
}

/** A message shaped as a post, so the channel's publisher sends it as it sends a post. */
function asPost(channel: Channel, message: TeamMessage, now: number): { post: Post; rendered: RewriteResult } {
  const post: Post = {
    id: message.id, channel: channel.name, at: now, atText: new Date(now).toISOString(), text: message.text, title: message.title,
    media: [], backups: [], variants: {}, policy: "skip", maxDelayMs: 0, status: "scheduled", index: -1, line: 0, col: 0,
  };
  const rendered: RewriteResult = {
    channel: channel.name, platform: channel.platform, ok: true, text: message.text, title: message.title,
    length: { used: message.text.length, limit: Number.MAX_SAFE_INTEGER, unit: "characters" }, problems: [], warnings: [], media: [], from: "rewrite",
  };
  return { post, rendered };
}

/** Discord refuses a message over 2000 characters (Execute Webhook, `content`): a long plan is cut, saying so. */
const DISCORD_MAX = 2000;

function fitted(channel: Channel, message: TeamMessage): TeamMessage {
  if (channel.platform !== "webhook" || channel.publish?.format !== "discord" || message.text.length <= DISCORD_MAX) return message;
  const more = "\n… (cut: Discord takes 2000 characters; the job's log has the whole message)";
  return { ...message, text: message.text.slice(0, DISCORD_MAX - more.length) + more };
}

/** Sends one message; throws a PublishFailure saying why it did not go. */
export async function sendTeamMessage(config: Config, name: string, message: TeamMessage, options: { now: number; baseDir: string; timeoutMs: number; signal?: AbortSignal }): Promise<void> {
  const problem = teamChannelProblem(config, name);
  if (problem) throw new PublishFailure("permanent", problem);
  const channel = resolveChannel(config, name)!;
  const publisher = publisherFor(channel.platform)!;
  const expanded = expandSettings(name, channel.publish!, publisher.settings, config.env);
  if (!expanded.ok) throw new PublishFailure("permanent", expanded.error);
  const http = new PublishHttp({ userAgent: PUBLISH_USER_AGENT, timeoutMs: options.timeoutMs, secrets: config.secrets });
  const ctx: ChannelContext<unknown> = { settings: expanded.settings, channel: name, channelConfig: channel, http, baseDir: options.baseDir, now: options.now, signal: options.signal ?? new AbortController().signal };
  // One try, no journal: the step just sends.
  const step: Step = (_name, send) => send(undefined);
  try {
    const session: unknown = publisher.session ? await publisher.session(ctx) : undefined;
    try {
      const fit = fitted(channel, message);
      await publisher.publish({ ...ctx, ...asPost(channel, fit, options.now), parts: [fit.text], step, session });
    } finally {
      await publisher.close?.(session).catch(() => undefined);
    }
  } finally {
    await http.close();
  }
}
