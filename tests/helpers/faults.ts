/**
 * Every fault the health issue names, one channel each (`$URL` is the status server), and what
 * each must read. The sources that do answer get a roomy limit (the test machine is shared and
 * busy); the hang and the trickle keep the run's short one, which only a timer covering the whole
 * body can enforce.
 */
export const ALL_FAULTS: Record<string, string> = {
  hang: `{ kind: http, url: "$URL/hang" }`,
  trickle: `{ kind: statuspage, url: "$URL/trickle.json" }`,
  huge: `{ kind: statuspage, url: "$URL/huge.json", timeout: 6s }`,
  bomb: `{ kind: statuspage, url: "$URL/gzip-bomb.json", timeout: 6s }`,
  loop: `{ kind: http, url: "$URL/loop", timeout: 6s }`,
  reset: `{ kind: http, url: "$URL/reset", timeout: 6s }`,
  truncated: `{ kind: statuspage, url: "$URL/truncated.json", timeout: 6s }`,
  bigfeed: `{ kind: feed, url: "$URL/big-feed.rss", timeout: 6s }`,
  brokenfeed: `{ kind: feed, url: "$URL/broken-feed.rss", timeout: 6s }`,
  up: `{ kind: statuspage, url: "$URL/operational", timeout: 6s }`,
};

export const FAULT_STATUSES: Record<string, string> = {
  hang: "unknown",
  trickle: "unknown",
  huge: "unknown",
  bomb: "unknown",
  loop: "unknown",
  reset: "unknown",
  truncated: "unknown",
  bigfeed: "major_outage",
  brokenfeed: "unknown",
  up: "operational",
};

/** The channels block of a config with one channel per fault. */
export function faultChannels(url: string): string {
  return Object.entries(ALL_FAULTS)
    .map(([name, source]) => `  ${name}: { platform: webhook, health: [${source.replaceAll("$URL", url)}] }`)
    .join("\n");
}
