/**
 * A plan as Markdown (`--format markdown`): for a manager to read and approve in a pull request
 * or a chat. Counts first, then one section per action with its reasons and the text before and
 * after, then what is blocked. Calendar texts go in code fences (longer than any backtick run in
 * them), so nothing in a post can turn into a heading, a link or HTML.
 */
import { fixesClause } from "../../planner/plan.js";
import type { Plan, PlanAction } from "../../planner/types.js";
import { cell } from "./summary.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A fenced block for any text: the fence is one backtick longer than the longest run inside. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.trimEnd()}\n${fence}`;
}

/** Inline code that survives backticks in the value. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${longest > 0 ? " " : ""}${text}${longest > 0 ? " " : ""}${ticks}`;
}

function counts(plan: Plan): string {
  const byKind = new Map<string, number>();
  for (const a of plan.actions) byKind.set(a.action, (byKind.get(a.action) ?? 0) + 1);
  const parts = [...byKind].map(([kind, n]) => plural(n, kind));
  const head = `**${plural(plan.actions.length, "action")}**${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
  const blocked = plan.unroutable.length > 0 ? `; **${plan.unroutable.length} blocked** (no viable backup)` : "";
  return head + blocked;
}

function whereTo(a: PlanAction): string {
  const from = `${a.from.channel} at ${a.from.at}`;
  return a.to ? `${from} → ${a.to.channel} at ${a.to.at}` : from;
}

function actionSection(a: PlanAction, n: number): string[] {
  const lines = [`### ${n}. ${cell(a.postId)}: ${a.action}`, "", `${whereTo(a)}${a.newPostId && a.newPostId !== a.postId ? ` (as ${code(a.newPostId)})` : ""}${a.removes?.length ? ` (removes ${a.removes.map(code).join(", ")})` : ""}`, ""];
  for (const r of a.reasons) lines.push(`- ${cell(r)}`);
  for (const w of a.warnings) lines.push(`- ⚠️ ${cell(w)}`);
  if (a.reasons.length + a.warnings.length > 0) lines.push("");
  if (a.from.text !== undefined && a.action !== "notice") lines.push(`Before (${cell(a.from.channel)}):`, "", fenced(a.from.text), "");
  if (a.to) {
    const { used, limit, unit } = a.to.length;
    const parts = a.to.thread && a.to.thread.length > 1 ? a.to.thread : [a.to.text];
    lines.push(`After (${cell(a.to.channel)}, ${used}/${limit} ${unit}${parts.length > 1 ? `, a thread of ${parts.length}` : ""}):`, "");
    for (const part of parts) lines.push(fenced(part), "");
  }
  return lines;
}

export function renderPlanMarkdown(plan: Plan): string {
  const title = plan.kind === "failback" ? "failover failback plan" : "failover reroute plan";
  const lines = [
    `## ${title}`,
    "",
    `Made at ${plan.now} for ${code(plan.calendar)}${plan.config ? ` with ${code(plan.config)}` : ""}; window ${plan.window.from} to ${plan.window.to}.`,
    "",
    counts(plan),
    "",
  ];
  const health = Object.entries(plan.health);
  if (health.length > 0) lines.push(`Health: ${health.map(([ch, s]) => `${cell(ch)} ${s.replace("_", " ")}`).join(", ")}.`, "");
  if (plan.actions.length === 0 && plan.unroutable.length === 0) {
    lines.push(plan.kind === "failback" ? "Nothing to fail back." : "Nothing to reroute: every post in the window is on a healthy channel.", "");
  }
  if (plan.actions.length > 0) {
    lines.push("| # | post | action | from | to |", "| --- | --- | --- | --- | --- |");
    plan.actions.forEach((a, i) => lines.push(`| ${i + 1} | ${cell(a.postId)} | ${a.action} | ${cell(`${a.from.channel} ${a.from.at}`)} | ${a.to ? cell(`${a.to.channel} ${a.to.at}`) : ""} |`));
    lines.push("");
    plan.actions.forEach((a, i) => lines.push(...actionSection(a, i + 1)));
  }
  if (plan.unroutable.length > 0) {
    lines.push("### Blocked: no viable backup", "");
    for (const u of plan.unroutable) lines.push(`- **${cell(u.postId)}** (${cell(u.channel)} at ${u.at}): ${cell(u.reasons.join("; ") + fixesClause(u.fixes))}`);
    lines.push("");
  }
  if (plan.warnings.length > 0) {
    lines.push("### To review", "");
    for (const w of plan.warnings) lines.push(`- ${cell(w)}`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
