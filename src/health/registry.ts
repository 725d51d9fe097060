/** Every health source kind, in one explicit map: adding a kind is one file and one line here. */
import type { HealthSourceConfig } from "./source-schema.js";
import type { SourceChecker } from "./types.js";
import { feed } from "./sources/feed.js";
import { http } from "./sources/http.js";
import { manual } from "./sources/manual.js";
import { statuspage } from "./sources/statuspage.js";
import { meta } from "./sources/meta.js";
import { slack } from "./sources/slack.js";
import { instatus } from "./sources/instatus.js";
import { betterstack } from "./sources/betterstack.js";
import { uptimerobot } from "./sources/uptimerobot.js";
import { statusio } from "./sources/statusio.js";
import { mastodon } from "./sources/mastodon.js";

type Registry = { [K in HealthSourceConfig["kind"]]: SourceChecker<K> };

export const SOURCE_CHECKERS: Registry = { statuspage, http, feed, manual, meta, slack, instatus, betterstack, uptimerobot, statusio, mastodon };

export function checkerFor<K extends HealthSourceConfig["kind"]>(kind: K): SourceChecker<K> {
  return SOURCE_CHECKERS[kind] as SourceChecker<K>;
}
