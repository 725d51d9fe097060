/**
 * The shape every publisher has (one file per platform in platforms/, registered in registry.ts).
 * A publisher sends one rendered post and says where it went; the run around it (publish.ts) owns
 * due selection, health, the journal, retries and the write-back. To add a platform: its
 * settings shape in config/publish-settings.ts, a file in platforms/ like the others, a line in registry.ts.
 */
import type { z } from "zod";
import type { RewriteResult } from "../adapters/rewrite.js";
import type { Post } from "../calendar/model.js";
import type { Channel } from "../config/model.js";
import type { Platform } from "../platforms.js";
import type { PublishHttp } from "./http.js";

/** What a publisher answers for a post that went out. */
export interface Published {
  /** The platform's id of the post (of a thread: its first post). */
  remoteId: string;
  /** The post's public URL (of a thread: its first post); none for a webhook or an e-mail. */
  url?: string;
}

/**
 * One send under the journal. `send` is called at most once per run for a step name; `again` tells
 * it an earlier run recorded the intent to send this step and died before the answer: the publisher
 * must then find out (Bluesky: look the record up) or resend safely (Mastodon: same Idempotency-Key),
 * or throw `uncertainFate` (a webhook or an e-mail cannot be asked). A step done in an earlier run
 * is not sent again: its recorded value comes back.
 */
export type Step = <T extends Record<string, string>>(name: string, send: (again: { at: string } | undefined) => Promise<T>) => Promise<T>;

/** What a publisher has for a channel's whole run. */
export interface ChannelContext<S> {
  /** The channel's `publish:` block, checked and with `${ENV}` expanded. */
  settings: S;
  channel: string;
  /** The channel as the config declares it (its `instance`, its limits). */
  channelConfig: Channel;
  http: PublishHttp;
  /** Media paths are relative to this folder (the calendar's). */
  baseDir: string;
  /** The run's clock (epoch ms). */
  now: number;
  signal: AbortSignal;
}

/** What it has for one post. */
export interface PublishContext<S, Session = undefined> extends ChannelContext<S> {
  post: Post;
  /** The adapter's rendering for the post's own channel (variant or rewrite). */
  rendered: RewriteResult;
  /** The text of each post to send: one, or a thread's parts in order. */
  parts: string[];
  step: Step;
  /** What `session` made for this channel (a login), once per run. */
  session: Session;
}

export interface Publisher<S = unknown, Session = undefined> {
  platform: Platform;
  /** The `publish:` block's shape (config/publish-settings.ts). */
  settings: z.ZodType<S>;
  /**
   * "exact": a run killed mid-send is recovered without a double (record key, idempotency key).
   * "unknown": after a crash the post's fate cannot be known: it becomes `uncertain`.
   */
  recovery: "exact" | "unknown";
  /** Work shared by every post of a channel in one run (a login, the instance's limits), made once. */
  session?(ctx: ChannelContext<S>): Promise<Session>;
  publish(ctx: PublishContext<S, Session>): Promise<Published>;
  /** Let go of what `session` holds (an SMTP connection). */
  close?(session: Session): Promise<void>;
}

/** Any publisher, as the registry holds them (each file is typed with its own settings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPublisher = Publisher<any, any>;
