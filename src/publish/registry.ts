/**
 * Every publisher, in one map. A platform listed in config/publish-settings.ts (PUBLISH_SETTINGS) must have one
 * here; publishers are small and load their heavy parts (nodemailer) only when they run.
 */
import type { Platform } from "../platforms.js";
import { blueskyPublisher } from "./platforms/bluesky.js";
import { emailPublisher } from "./platforms/email.js";
import { mastodonPublisher } from "./platforms/mastodon.js";
import { webhookPublisher } from "./platforms/webhook.js";
import type { AnyPublisher } from "./types.js";

export const PUBLISHERS: Readonly<Partial<Record<Platform, AnyPublisher>>> = {
  bluesky: blueskyPublisher,
  mastodon: mastodonPublisher,
  webhook: webhookPublisher,
  email: emailPublisher,
};

export function publisherFor(platform: Platform): AnyPublisher | undefined {
  return PUBLISHERS[platform];
}
