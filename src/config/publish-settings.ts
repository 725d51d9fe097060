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

/** `api:` of the platforms of part two: scheme and host of the API (a proxy or a test fake); paths keep their version. */
const api = (dflt: string) => baseUrl.default(dflt).meta({ description: `the API's scheme and host, default ${dflt} (set for a proxy or a test fake)` });
const secret = (what: string) => z.string().min(1).meta({ description: `${what}, as \${ENV}` });
/** A public base URL where the calendar's folder is served: the Graph APIs fetch images from URLs, they take no upload. */
const mediaBaseUrl = z.string().regex(/^(https?:\/\/|\$\{)/, "a URL starting with https://").meta({ description: "public URL of the calendar's folder (assets/x.png is fetched from <mediaBaseUrl>assets/x.png)" });

export const xSettings = z
  .strictObject({
    api: api("https://api.x.com"),
    apiKey: secret("the app's API key (consumer key), for OAuth 1.0a").optional(),
    apiSecret: secret("the app's API key secret").optional(),
    accessToken: secret("the account's access token (OAuth 1.0a, Read and write)").optional(),
    accessSecret: secret("the account's access token secret").optional(),
    token: secret("an OAuth 2.0 user access token with tweet.write, users.read, media.write (instead of the four OAuth 1.0a values)").optional(),
  })
  .refine((s) => s.token !== undefined || (s.apiKey && s.apiSecret && s.accessToken && s.accessSecret), {
    message: "give apiKey, apiSecret, accessToken and accessSecret (OAuth 1.0a), or token (an OAuth 2.0 user token)",
  });

export const linkedinSettings = z.strictObject({
  api: api("https://api.linkedin.com"),
  token: secret("a member access token with w_member_social (person) or w_organization_social (organization)"),
  author: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/, "a URN: urn:li:organization:<id> or urn:li:person:<id>"),
  version: z.string().regex(/^\d{6}$/, "YYYYMM, e.g. 202505").default("202505").meta({ description: "the LinkedIn-Version header (YYYYMM); LinkedIn keeps a version for at least a year" }),
});

export const threadsSettings = z.strictObject({
  api: api("https://graph.threads.net"),
  userId: z.string().min(1).meta({ description: "the Threads user id (GET /me on graph.threads.net)" }),
  token: secret("a long-lived Threads user token with threads_basic and threads_content_publish"),
  mediaBaseUrl: mediaBaseUrl.optional(),
});

export const facebookSettings = z.strictObject({
  api: api("https://graph.facebook.com"),
  pageId: z.string().min(1),
  token: secret("a Page access token with pages_manage_posts and pages_read_engagement"),
});

export const instagramSettings = z.strictObject({
  api: api("https://graph.facebook.com"),
  userId: z.string().min(1).meta({ description: "the Instagram professional account's id (ig-user-id)" }),
  token: secret("a token with instagram_basic and instagram_content_publish (or instagram_business_content_publish)"),
  mediaBaseUrl: mediaBaseUrl.optional(),
});

export const pinterestSettings = z.strictObject({
  api: api("https://api.pinterest.com"),
  boardId: z.string().min(1),
  token: secret("an access token with boards:read, pins:read and pins:write"),
});

export type BlueskySettings = z.output<typeof blueskySettings>;
export type MastodonSettings = z.output<typeof mastodonSettings>;
export type WebhookSettings = z.output<typeof webhookSettings>;
export type EmailSettings = z.output<typeof emailSettings>;
export type XSettings = z.output<typeof xSettings>;
export type LinkedinSettings = z.output<typeof linkedinSettings>;
export type ThreadsSettings = z.output<typeof threadsSettings>;
export type FacebookSettings = z.output<typeof facebookSettings>;
export type InstagramSettings = z.output<typeof instagramSettings>;
export type PinterestSettings = z.output<typeof pinterestSettings>;

/** Every platform that can publish, with its block's shape: one place, read by the config loader. */
export const PUBLISH_SETTINGS: Partial<Record<Platform, z.ZodType>> = {
  bluesky: blueskySettings,
  mastodon: mastodonSettings,
  webhook: webhookSettings,
  email: emailSettings,
  x: xSettings,
  linkedin: linkedinSettings,
  threads: threadsSettings,
  facebook: facebookSettings,
  instagram: instagramSettings,
  pinterest: pinterestSettings,
};

export function canPublish(platform: Platform): boolean {
  return PUBLISH_SETTINGS[platform] !== undefined;
}
