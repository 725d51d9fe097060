import { didYouMean } from "./util/did-you-mean.js";

/** The platforms the contract names; each has an adapter and built-in defaults in config/. */
export const PLATFORMS = [
  "instagram",
  "facebook",
  "threads",
  "x",
  "bluesky",
  "mastodon",
  "linkedin",
  "tiktok",
  "pinterest",
  "youtube",
  "email",
  "webhook",
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Other names people give platforms, for did-you-mean on channel names ("twiter" -> x). */
export const PLATFORM_ALIASES: Readonly<Record<string, Platform>> = {
  twitter: "x",
  tweet: "x",
  ig: "instagram",
  insta: "instagram",
  fb: "facebook",
  meta: "facebook",
  bsky: "bluesky",
  yt: "youtube",
  li: "linkedin",
  mail: "email",
  newsletter: "email",
  slack: "webhook",
  discord: "webhook",
};

/** ` (did you mean "x"?)` for a channel name among the known ones, platform aliases included. */
export function didYouMeanChannel(name: string, known: Iterable<string>): string {
  return didYouMean(name, known, PLATFORM_ALIASES);
}

export function isPlatform(name: string): name is Platform {
  return (PLATFORMS as readonly string[]).includes(name);
}
