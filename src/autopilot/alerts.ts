/**
 * Team alerts: what the autopilot tells people, composed as short messages that read well in
 * Slack (a bold title line, the channels, one line per post, a link to the job). Sending them is
 * the CLI's (`--notify <channel>`, through src/publish/notify.ts); the cycle only decides which are
 * due, each once per outage (once per post for publishing).
 */
import type { Plan } from "../planner/types.js";
import type { Verdict } from "../planner/risk.js";
import type { Outage } from "./guard.js";

export type AlertKind = "verdict" | "recovered" | "applied" | "approval" | "blocked" | "failback" | "failed" | "uncertain";

export interface Alert {
  kind: AlertKind;
  title: string;
  channels: string[];
  /** Slack mrkdwn; also plain enough for Discord and e-mail. */
  text: string;
  /** For an approval: the plan waiting, which the sender adds as Markdown. */
  plan?: Plan;
}

/** The same alert for the same outage has the same key: the outage's channels with their start, plus what it is about. */
export function alertKey(kind: AlertKind, channels: readonly string[], outages: Readonly<Record<string, Outage>>, about: readonly string[] = []): string {
  return [kind, ...channels.map((c) => `${c}@${outages[c]?.since ?? ""}`), ...about].join("|");
}

const TITLES: Record<AlertKind, (channels: string, verdict: Verdict) => string> = {
  verdict: (c, v) => `${c || "a channel"} is down: verdict ${v}`,
  recovered: () => "all channels healthy again: verdict go",
  applied: (c) => `moved posts away from ${c}`,
  approval: (c) => `posts on ${c} wait for a person's approval`,
  blocked: (c) => `posts on ${c} have no working backup`,
  failback: () => "failback done: moved posts are back on their channel",
  failed: (c) => `a post failed to publish on ${c}`,
  uncertain: (c) => `a post on ${c} may or may not have gone out`,
};

export function composeAlert(kind: AlertKind, detail: { channels: readonly string[]; verdict: Verdict; lines?: readonly string[]; plan?: Plan; jobUrl?: string }): Alert {
  const channels = detail.channels.join(", ");
  const title = `failover: ${TITLES[kind](channels, detail.verdict)}`;
  const body = [
    `*${title}*`,
    ...(channels ? [`channels: ${channels}`] : []),
    ...(detail.lines ?? []).map((l) => `• ${l}`),
    ...(detail.jobUrl ? [`<${detail.jobUrl}|the job>`] : []),
  ];
  return { kind, title, channels: [...detail.channels], text: body.join("\n"), ...(kind === "approval" && detail.plan ? { plan: detail.plan } : {}) };
}

/** The job's link on GitHub Actions, when the job runs there. */
export function jobUrlFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
