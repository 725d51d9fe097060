/**
 * The `publish:` block of a channel, one shape per platform (shared/CONTRACT.md, "Publishing").
 * Light on purpose (zod only): the config loader checks these without loading any publisher.
 * Values may hold `${ENV}`; they are expanded only when a request is made (see credentials.ts).
 * A platform without an entry here cannot publish yet: a `publish:` block on it is an error.
 */
import { z } from "zod";
import type { Platform } from "../platforms.js";

/** A base URL (scheme and host, maybe a path): an `${ENV}` is allowed in place of any part. */
const baseUrl = z
  .string()
  .regex(/^(https?:\/\/|\$\{)/, "a base URL starting with https:// (or http:// for a local test server)")
  .meta({ description: "base URL, e.g. https://bsky.social" });

export const blueskySettings = z.strictObject({
  service: baseUrl.default("https://bsky.social").meta({ description: "the account's PDS or entryway, default https://bsky.social" }),
  identifier: z.string().min(1).meta({ description: "the handle (acme.bsky.social) or DID to log in with" }),
  password: z.string().min(1).meta({ description: "an app password, as ${ENV}: Settings > Privacy and security > App passwords" }),
});

export const mastodonSettings = z.strictObject({
  instance: baseUrl.optional().meta({ description: "the account's instance, e.g. https://mastodon.social; default the channel's `instance`" }),
  token: z.string().min(1).meta({ description: "an access token with write:statuses and write:media, as ${ENV}" }),
  visibility: z.enum(["public", "unlisted", "private", "direct"]).default("public"),
});

export const webhookSettings = z.strictObject({
  url: z.string().min(1).meta({ description: "the incoming webhook's URL, as ${ENV} (it is a secret)" }),
  format: z.enum(["slack", "discord", "json"]).default("json").meta({ description: "slack: {text}; discord: {content}; json: the post and its rendering" }),
});

const address = z.string().min(3).meta({ description: "an address, e.g. news@acme.example or \"Acme <news@acme.example>\"" });
export const emailSettings = z.strictObject({
  smtp: z.string().min(1).meta({ description: "smtp(s)://user:password@host:port, as ${ENV}" }),
  from: address,
  to: z.union([address, z.array(address).min(1)]),
  replyTo: address.optional(),
});

export type BlueskySettings = z.output<typeof blueskySettings>;
export type MastodonSettings = z.output<typeof mastodonSettings>;
export type WebhookSettings = z.output<typeof webhookSettings>;
export type EmailSettings = z.output<typeof emailSettings>;

/** Every platform that can publish, with its block's shape: one place, read by the config loader. */
export const PUBLISH_SETTINGS: Partial<Record<Platform, z.ZodType>> = {
  bluesky: blueskySettings,
  mastodon: mastodonSettings,
  webhook: webhookSettings,
  email: emailSettings,
};

export function canPublish(platform: Platform): boolean {
  return PUBLISH_SETTINGS[platform] !== undefined;
}
