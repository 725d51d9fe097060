/**
 * The next platform, in four steps:
 * 1. add its name to PLATFORMS in src/platforms.ts (and its status defaults to config/platforms.yaml);
 * 2. copy this file to src/adapters/<name>.ts, rename the constant, fill in every rule with the
 *    source of each number in a comment (mark what you could not confirm "unverified");
 * 3. register it in src/adapters/registry.ts (the compiler lists what is missing);
 * 4. copy a test from tests/adapters/ and make it prove the rules that differ from the rest.
 * This file is not registered: it only compiles, so the template never rots.
 */
import { utf16Length } from "../text/count.js";
import type { Adapter } from "./types.js";

export const template: Omit<Adapter, "platform"> & { platform: string } = {
  platform: "example",
  displayName: "Example",
  text: {
    // The limit, and where it is documented (API reference, validator source, provider code).
    limit: 1000,
    unit: "characters",
    counting: "characters as UTF-16 units",
    // A counter from src/text/count.ts, or a new pure one there, tested in tests/text.
    count: utf16Length,
    // forbidden: characters the platform refuses, each with its stand-in (YouTube: { "<": "‹", ">": "›" }).
  },
  // altLimit: the longest alt text, where the platform documents one (a longer one is cut at a word).
  media: { required: false, maxImages: 4, maxVideos: 1, maxItems: 4, mixing: false, altText: true, altLimit: { limit: 1000, unit: "characters" } },
  links: { mode: "text", card: true },
  hashtags: { keep: true },
  mentions: "handles",
  threads: { maxParts: 1 },
  notes: [],
  sources: ["where the numbers above come from"],
};
