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

export function isPlatform(name: string): name is Platform {
  return (PLATFORMS as readonly string[]).includes(name);
}
