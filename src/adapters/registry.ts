/** Every platform's adapter, in one explicit map: adding a platform without one does not compile. */
import type { Platform } from "../platforms.js";
import { PLATFORMS } from "../platforms.js";
import { bluesky } from "./bluesky.js";
import { email } from "./email.js";
import { facebook } from "./facebook.js";
import { instagram } from "./instagram.js";
import { linkedin } from "./linkedin.js";
import { mastodon } from "./mastodon.js";
import { pinterest } from "./pinterest.js";
import { threads } from "./threads.js";
import { tiktok } from "./tiktok.js";
import type { Adapter } from "./types.js";
import { webhook } from "./webhook.js";
import { x } from "./x.js";
import { youtube } from "./youtube.js";

export const ADAPTERS: Readonly<Record<Platform, Adapter>> = {
  instagram,
  facebook,
  threads,
  x,
  bluesky,
  mastodon,
  linkedin,
  tiktok,
  pinterest,
  youtube,
  email,
  webhook,
};

export function adapterFor(platform: Platform): Adapter {
  return ADAPTERS[platform];
}

/** In the contract's order of platforms. */
export function allAdapters(): Adapter[] {
  return PLATFORMS.map((p) => ADAPTERS[p]);
}
