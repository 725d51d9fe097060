/** How `check` and `reroute --dry-run` show a plan: tables for people, annotations and JUnit for CI. */
import { worse } from "../../health/status.js";
import type { ChannelHealth } from "../../health/types.js";
import type { PostRisk, Verdict } from "../../planner/risk.js";
import type { Plan, PlanAction } from "../../planner/types.js";
import { fixesClause, movedReason } from "../../planner/plan.js";
import { shortTime } from "../../time/datetime.js";
import { formatDuration } from "../../time/duration.js";
import { listWords, noun, plural } from "../../util/words.js";
import type { Output } from "../output.js";
import { renderTable } from "../table.js";
import { formatAnnotation, limitAnnotations, type Annotation } from "./github.js";
import { formatJUnit, type JUnitCase } from "./junit.js";

export const VERDICT_TEXT: Record<Verdict, string> = {
  go: "GO: nothing at risk",
  covered: "COVERED: posts are at risk, and every one has a reroute",
  blocked: "BLOCKED: some posts at risk have no viable backup within their max delay",
  unverified: "UNVERIFIED: nothing is known to be down, but the health of some channels with posts could not be read",
};

/** Why each channel in `names` could not be read: its sources' reasons, or its note. */
export function unreadReasons(channels: readonly ChannelHealth[], names: readonly string[]): string[] {
  return names.map((name) => {
    const c = channels.find((ch) => ch.name === name);
    const why = c ? c.sources.map((s) => `${s.name}: ${s.error ?? s.status}`).join("; ") || c.note || "no source answered" : "not checked";
    return `${name}: ${why}`;
  });
}

/** Channels whose status the thresholds keep against their sources, said plainly. */
export function heldLines(channels: readonly ChannelHealth[]): string[] {
  return channels
    .filter((c): c is ChannelHealth & { held: NonNullable<ChannelHealth["held"]> } => c.held !== undefined)
    .map((c) => {
      const goingDown = c.status !== "unknown" && c.held.raw !== c.status && worse(c.held.raw, c.status) === c.held.raw;
      return `${c.name}: ${goingDown ? "reported down" : "reported back up"}, not yet confirmed: ${c.held.count}/${c.held.threshold} (the sources say ${c.held.raw.replace("_", " ")}; kept ${c.status.replace("_", " ")})`;
    });
}

/** The verdict, then what it rests on: the channels that could not be read and statuses held by thresholds. */
export function verdictLine(out: Output, r: { verdict: Verdict; unverified: readonly string[]; channels: readonly ChannelHealth[] }): string {
  const paint = r.verdict === "go" ? out.c.green : r.verdict === "covered" || r.verdict === "unverified" ? out.c.yellow : out.c.red;
  const head = r.verdict === "unverified" ? `UNVERIFIED: nothing is known to be down, but the health of ${listWords(r.unverified)} could not be read` : VERDICT_TEXT[r.verdict];
  const lines = [paint.bold(head)];
  if (r.verdict === "unverified") for (const why of unreadReasons(r.channels, r.unverified)) lines.push(`  ${why}`);
  for (const held of heldLines(r.channels)) lines.push(out.c.yellow(`  ${held}`));
  return lines.join("\n");
}

function indent(text: string, prefix = "      "): string {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");
}

/** What the risk table needs besides the posts: the window, and the next post when it is empty. */
export interface RiskView {
  window: { from: string; to: string };
  nextPost?: { id: string; channel: string; at: string };
}

/** Reasons worth a line under a covered post: not why its channel is down (the health table says), nor where it went (its own line does). */
function explainingReasons(p: PostRisk): string[] {
  if (p.risk === "blocked") return p.reasons;
  const moved = p.reroute && p.action ? movedReason(p.action, p.reroute.channel) : undefined;
  return p.reasons.slice(1).filter((r) => r !== moved);
}

/** An empty window: its bounds, and when the next post is (and the --window that would reach it). */
function emptyWindow(view: RiskView): string {
  const bounds = `No posts to go out between ${shortTime(view.window.from)} and ${shortTime(view.window.to)}`;
  if (!view.nextPost) return `${bounds}, and none after.`;
  const { id, channel, at } = view.nextPost;
  const hour = 3_600_000;
  const reach = Math.ceil((Date.parse(at) - Date.parse(view.window.from) + 1) / hour) * hour;
  return `${bounds}; the next is ${id} on ${channel} at ${shortTime(at)} (--window ${formatDuration(reach)} includes it).`;
}

/** An empty reroute plan: nothing to do, and what check would say of the window (its bounds, the next post, unknown health). */
export function emptyReroute(out: Output, posts: PostRisk[], view: RiskView): string {
  return `Nothing to reroute. ${renderRiskTable(out, posts, view)}`;
}

/** The posts at risk, one row each: where it was, where it goes, why, and what would unblock it. */
export function renderRiskTable(out: Output, posts: PostRisk[], view: RiskView): string {
  const atRisk = posts.filter((p) => p.risk === "covered" || p.risk === "blocked");
  if (posts.length === 0) return emptyWindow(view);
  if (atRisk.length === 0) {
    const one = posts.length === 1;
    const bounds = `(${shortTime(view.window.from)} to ${shortTime(view.window.to)})`;
    const all = one ? `The 1 post in the window ${bounds} is on` : `All ${posts.length} posts in the window ${bounds} are on`;
    // "Healthy" only where health was read: a channel whose health is unknown is not known to be up.
    const unread = [...new Set(posts.filter((p) => p.risk === "unverified").map((p) => p.channel))].sort();
    if (unread.length === 0) return out.c.green(`${all} ${one ? "a healthy channel" : "healthy channels"}.`);
    return out.c.yellow(
      `${all} ${one ? "a channel" : "channels"} not known to be down; the health of ${listWords(unread)} is unknown (--strict counts it as down).`,
    );
  }
  const heading = `${atRisk.length} of ${plural(posts.length, "post")} in the window ${noun(atRisk.length, "is", "are")} at risk:`;
  const rows = atRisk.map((p) => [
    p.risk === "blocked" ? out.c.red("✖ blocked") : out.c.yellow("↪ covered"),
    out.c.bold(p.id),
    p.channel,
    shortTime(p.at),
    planCell(out, p),
  ]);
  const notes = atRisk.map((p) => [...explainingReasons(p).map((r) => out.c.dim(r)), ...(p.fixes ?? []).map((f) => `${out.c.cyan("fix:")} ${f}`)]);
  // One table, fitted to the terminal: the plan column is cut first (with "…"); reasons and fixes
  // under their post wrap, never cut, as what would unblock a post must be readable whole.
  const table = renderTable(["risk", "post", "channel", "at", "plan"], rows, { width: out.columns, last: "truncate", notes, styleHead: (line) => out.c.dim(line) });
  return `${heading}\n${table}`;
}

/** What happens to a post at risk: where it goes (and when, if not at its own time), or that nothing can take it. */
function planCell(out: Output, p: PostRisk): string {
  if (p.risk === "blocked") return out.c.red("no backup in time");
  if (!p.reroute) return p.action ?? "";
  const when = p.reroute.at === p.at ? "" : ` at ${shortTime(p.reroute.at)}`;
  if (p.reroute.channel === p.channel) return `${p.action ?? "delay"}${when ? ` to${when.slice(3)}` : ""}`;
  return `${p.action ?? "reroute"} to ${out.c.bold(p.reroute.channel)}${when}`;
}

function renderAction(out: Output, a: PlanAction): string {
  const head = `${out.c.bold(a.action.toUpperCase())} ${a.postId}  ${a.from.channel} ${shortTime(a.from.at)}`;
  const as = a.newPostId && a.newPostId !== a.postId ? `  (as ${a.newPostId})` : a.removes?.length ? `  (removes ${a.removes.join(", ")})` : "";
  const lines = [a.to ? `${head}  →  ${out.c.bold(a.to.channel)} ${shortTime(a.to.at)}${as}` : head];
  const moved = a.to ? movedReason(a.action, a.to.channel) : undefined;
  for (const r of a.reasons) if (r !== moved) lines.push(out.c.dim(`    · ${r}`));
  for (const w of a.warnings) lines.push(out.c.yellow(`    ! ${w}`));
  if (a.to) {
    const { used, limit, unit } = a.to.length;
    const count = `${used}/${limit} ${unit}`;
    if (a.to.thread && a.to.thread.length > 1) {
      lines.push(`    thread of ${a.to.thread.length} (${count}):`);
      a.to.thread.forEach((part, i) => lines.push(indent(part, `      ${i + 1}) `.padEnd(8))));
    } else {
      lines.push(`    text (${count}):`);
      lines.push(indent(a.to.text));
    }
  }
  return lines.join("\n");
}

/**
 * A plan, action by action. `whenEmpty` is what an empty plan says instead: what the command
 * looked at and what comes next (the window's bounds and the next post, or what waits for what).
 */
export function renderPlanTable(out: Output, plan: Plan, whenEmpty?: string): string {
  const blocks: string[] = [];
  if (plan.actions.length === 0 && plan.unroutable.length === 0) {
    blocks.push(whenEmpty ?? (plan.kind === "failback" ? "Nothing to fail back." : "Nothing to reroute."));
  }
  for (const a of plan.actions) blocks.push(renderAction(out, a));
  for (const u of plan.unroutable) {
    blocks.push(
      [
        `${out.c.red.bold("UNROUTABLE")} ${u.postId}  ${u.channel} ${shortTime(u.at)}`,
        ...u.reasons.map((r) => out.c.dim(`    · ${r}`)),
        ...(u.fixes ?? []).map((f) => `    ${out.c.cyan("fix:")} ${f}`),
      ].join("\n"),
    );
  }
  for (const w of plan.warnings) blocks.push(out.c.yellow(`! ${w}`));
  return blocks.join("\n\n");
}

/** A blocked post's fixes as one clause for one-line formats. */
export function fixText(p: PostRisk): string {
  return fixesClause(p.fixes);
}

/** Annotations at each at-risk post's calendar line: blocked first (errors), then covered. */
export function riskAnnotations(file: string, posts: PostRisk[], healthWarnings: string[]): string[] {
  const byUrgency = (a: PostRisk, b: PostRisk) => a.at.localeCompare(b.at);
  const annotations: Annotation[] = [
    ...posts.filter((p) => p.risk === "blocked").sort(byUrgency).map((p) => ({
      level: "error" as const,
      file,
      line: p.line,
      title: `${p.id}: blocked`,
      message: `${p.id} (${p.channel}, ${p.at}) has no viable backup: ${p.reasons.join("; ")}${fixText(p)}`,
    })),
    ...posts.filter((p) => p.risk === "covered").sort(byUrgency).map((p) => ({
      level: "warning" as const,
      file,
      line: p.line,
      title: `${p.id}: ${p.action ?? "rerouted"}`,
      message: `${p.id} (${p.channel}, ${p.at}) is at risk${p.reasons[0] ? `, ${p.reasons[0]}` : ""}: ${p.action}${p.reroute ? ` to ${p.reroute.channel} at ${p.reroute.at}` : ""}`,
    })),
    ...posts.filter((p) => p.risk === "unverified").sort(byUrgency).map((p) => ({
      level: "warning" as const,
      file,
      line: p.line,
      title: `${p.id}: unverified`,
      message: `${p.id} (${p.channel}, ${p.at}): ${p.channel}'s health could not be read; nothing says it is up`,
    })),
    ...healthWarnings.map((message) => ({ level: "warning" as const, message })),
  ];
  return limitAnnotations(annotations).map(formatAnnotation);
}

export function riskJUnit(suite: string, posts: PostRisk[]): string {
  const cases: JUnitCase[] = posts.map((p) => ({
    name: `${p.id} (${p.channel}, ${p.at})`,
    classname: `failover.${p.channel}`,
    ...(p.risk === "none"
      ? {}
      : {
          failure: {
            type: p.risk,
            message:
              p.risk === "blocked"
                ? `blocked: ${p.reasons.join("; ")}${fixText(p)}`
                : p.risk === "unverified"
                  ? `unverified: ${p.channel}'s health could not be read`
                  : `at risk, covered: ${p.action}${p.reroute ? ` to ${p.reroute.channel} at ${p.reroute.at}` : ""}`,
            body: p.reasons.join("\n"),
          },
        }),
  }));
  return formatJUnit(suite, cases);
}
