/**
 * The GitHub Actions job summary: Markdown appended to the file named by $GITHUB_STEP_SUMMARY,
 * shown on the run's page. Written by `check` and `reroute --dry-run` whatever --format is, so a
 * run that annotates (--format github) also leaves a readable overview.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions#adding-a-job-summary
 */
import { appendFileSync } from "node:fs";
import { statusLabel } from "../../health/status.js";
import type { ChannelHealth } from "../../health/types.js";
import type { PostRisk, Verdict } from "../../planner/risk.js";
import { plural } from "../../util/words.js";
import type { Output } from "../output.js";
import { fixText, heldLines, unreadReasons, VERDICT_TEXT } from "./plan.js";

export interface SummaryInput {
  /** The heading, e.g. "failover check". */
  title: string;
  verdict: Verdict;
  /** Channels with posts whose health could not be read. */
  unverified: readonly string[];
  now: string;
  window: { from: string; to: string };
  channels: readonly ChannelHealth[];
  posts: readonly PostRisk[];
  warnings: readonly string[];
}

const VERDICT_MARK: Record<Verdict, string> = { go: "🟢", covered: "🟡", blocked: "🔴", unverified: "⚪" };

/** A table cell: no pipe, line break or HTML may break out of it (texts come from calendars and servers). */
export function cell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, "<br>");
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

function sourcesOf(c: ChannelHealth): string {
  if (c.assumed) return "--assume";
  if (c.sources.length === 0) return c.note ?? "no source";
  return c.sources.map((s) => `${s.name}: ${s.error ?? s.detail ?? statusLabel(s.status)} (${s.latencyMs} ms)`).join("\n");
}

function rerouteOf(p: PostRisk): string {
  if (p.reroute) return `${p.reroute.channel} at ${p.reroute.at}${p.action && p.action !== "reroute" ? ` (${p.action})` : ""}`;
  if (p.risk === "blocked") return `none: ${p.reasons.join("; ")}${fixText(p)}`;
  return p.action ?? "";
}

export function renderSummary(input: SummaryInput): string {
  const atRisk = input.posts.filter((p) => p.risk === "covered" || p.risk === "blocked");
  const lines = [
    `## ${input.title}`,
    "",
    `${VERDICT_MARK[input.verdict]} **${VERDICT_TEXT[input.verdict]}**`,
    "",
    ...(input.unverified.length > 0 ? [`Could not be read: ${unreadReasons(input.channels, input.unverified).map(cell).join("; ")}`, ""] : []),
    ...heldLines(input.channels).map((l) => `- ${cell(l)}`),
    ...(heldLines(input.channels).length > 0 ? [""] : []),
    `At ${input.now}, looking until ${input.window.to}: ${plural(input.posts.length, "post")} in the window, ${atRisk.length} at risk.`,
    "",
    "### Channels",
    "",
    ...(input.channels.length > 0
      ? table(["channel", "platform", "status", "sources"], input.channels.map((c) => [c.name, c.platform, statusLabel(c.status), sourcesOf(c)]))
      : ["No channel posts in the window."]),
    "",
    "### Posts at risk",
    "",
    ...(atRisk.length > 0
      ? table(["post", "channel", "at", "risk", "reroute to"], atRisk.map((p) => [p.id, p.channel, p.at, p.risk, rerouteOf(p)]))
      : ["Nothing at risk: every post in the window is on a healthy channel."]),
  ];
  if (input.warnings.length > 0) lines.push("", "### Warnings", "", ...input.warnings.map((w) => `- ${cell(w)}`));
  return `${lines.join("\n")}\n\n`;
}

/**
 * Appends the summary when $GITHUB_STEP_SUMMARY names a file. Never fails the command: the
 * verdict matters more than its presentation, so a file that cannot be written is a warning.
 */
export function appendJobSummary(out: Output, env: Readonly<Record<string, string | undefined>>, input: SummaryInput): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    // Synchronous on purpose: callers print their report synchronously, and the command's exit
    // code must not wait on (or race with) a summary write.
    appendFileSync(file, out.redact(renderSummary(input)));
  } catch (error) {
    out.warn(`could not append the job summary to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
