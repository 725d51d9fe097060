/**
 * `failover publish [channel...] [--dry-run] [--yes] [--late 1h]`: sends what is due through each
 * channel's `publish:` block (src/publish/publish.ts does the work). Shows what it will send and
 * asks on a terminal; exit 0 when everything due went out, 6 when something failed, was held or
 * is uncertain.
 */
import { plural } from "../../util/words.js";
import { dirname, resolve } from "node:path";
import { resolveChannel } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import type { ChannelHealth } from "../../health/types.js";
import { loadProject } from "../../project.js";
import { publishProject, type PublishOptions, type PublishReport } from "../../publish/publish.js";
import { parseDuration } from "../../time/duration.js";
import { confirmOrStop } from "../apply-run.js";
import type { CliContext } from "../context.js";
import { runHealthCheck } from "../health-run.js";
import type { Output } from "../output.js";

function durationFlag(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const r = parseDuration(String(value));
  if (!r.ok) throw new UsageError(r.reason, flag);
  return r.ms;
}

export async function run(ctx: CliContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const lateMs = durationFlag(options.late, "--late");
  const deadlineMs = durationFlag(options.deadline, "--deadline");
  const timeoutMs = durationFlag(options.timeout, "--timeout");
  const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw new UsageError(`"${String(options.concurrency)}" is not a whole number from 1 to 64`, "--concurrency");
  if (deadlineMs === 0) throw new UsageError("a zero deadline sends nothing; write e.g. 2m", "--deadline");
  if (timeoutMs === 0) throw new UsageError("a zero timeout sends nothing; write e.g. 20s", "--timeout");
  const project = await loadProject({ ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}), ...(ctx.configPath ? { config: ctx.configPath } : {}), env: ctx.env });
  ctx.out.addSecrets(project.config.secrets);
  for (const w of [...(project.config.warnings ?? []), ...project.calendar.warnings]) ctx.out.problem(`${w.file}:${w.line}:${w.col} warning: ${w.message}`, "warning");
  for (const name of args) {
    const channel = resolveChannel(project.config, name);
    if (!channel) throw new UsageError(`no channel "${name}" in the config`, name);
    if (!channel.publish) throw new UsageError(`channel "${name}" has no publish: block in the config; see docs/publishing.md`, name);
  }
  // Health is read once; the question and the run use the same answer.
  let health: Promise<ChannelHealth[]> | undefined;
  const base: PublishOptions = {
    now: ctx.now,
    channels: args,
    ...(lateMs !== undefined ? { lateMs } : {}),
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    readHealth: (names) => (health ??= runHealthCheck(ctx, project.config, names, project.calendar.file)),
  };
  if (!options.dryRun && !options.yes) {
    const preview = await publishProject(project, { ...base, dryRun: true });
    if (preview.due.length > 0) {
      if (ctx.out.format === "table") ctx.out.prose(renderDue(ctx.out, preview));
      await confirmOrStop(ctx, false, {
        question: `Publish ${plural(preview.due.length, "post")} now? [y/N] `,
        notInteractive: "publishing sends posts: pass --yes to publish without a question, or --dry-run to see what is due",
        declined: "nothing was sent",
      });
    }
  }
  const report = await publishProject(project, { ...base, dryRun: Boolean(options.dryRun) });
  if (ctx.out.format === "json") ctx.out.json(report);
  else ctx.out.prose(report.dryRun ? renderDue(ctx.out, report) : renderReport(ctx.out, report));
  if (report.calendar.written) ctx.out.info(`wrote the outcomes to ${report.calendar.written}${report.calendar.backup ? `; the previous version is in ${report.calendar.backup}` : ""}`);
  const incomplete = report.failed.length + report.held.length + report.uncertain.length > 0;
  return incomplete ? ExitCode.PublishIncomplete : ExitCode.Go;
}

function renderDue(out: Output, r: PublishReport): string {
  const lines = [r.due.length === 0 ? "Nothing is due." : `Due now (${r.due.length}):`];
  for (const d of r.due) {
    lines.push(`  ${out.c.bold(d.postId)} → ${d.channel} (${d.at})${d.parts.length > 1 ? `, a thread of ${d.parts.length}` : ""}`);
    for (const [i, part] of d.parts.entries()) lines.push(...part.split("\n").map((l, j) => `    ${j === 0 && d.parts.length > 1 ? `${i + 1}/ ` : ""}${l}`));
    for (const m of d.media) lines.push(`    [${m.path}${m.alt ? `: ${m.alt}` : ""}]`);
  }
  lines.push(...outcomeLines(out, r));
  return lines.join("\n");
}

function outcomeLines(out: Output, r: PublishReport): string[] {
  const lines: string[] = [];
  for (const h of r.held) lines.push(`${out.c.yellow("held")}       ${h.postId} on ${h.channel}: ${h.reason}`);
  for (const f of r.failed) lines.push(`${out.c.red("failed")}     ${f.postId} on ${f.channel}: ${f.error}${f.hint ? `\n           hint: ${f.hint}` : ""}`);
  for (const u of r.uncertain) lines.push(`${out.c.magenta("uncertain")}  ${u.postId} on ${u.channel}: ${u.reason}\n           check the channel by hand, then set its status to posted or remove it`);
  for (const m of r.missed) lines.push(`${out.c.dim("missed")}     ${m.postId} on ${m.channel}: its time (${m.at}) is past --late; not sent`);
  return lines;
}

function renderReport(out: Output, r: PublishReport): string {
  const lines: string[] = [];
  for (const id of r.recovered) lines.push(`${out.c.cyan("recovered")}  ${id}: an interrupted run's outcome, written into the calendar now`);
  for (const p of r.published) lines.push(`${out.c.green("published")}  ${p.postId} on ${p.channel}${p.url ? `: ${p.url}` : ""}`);
  lines.push(...outcomeLines(out, r));
  if (lines.length === 0) lines.push("Nothing was due.");
  const counts = [`${r.published.length} published`, `${r.failed.length} failed`, `${r.held.length} held`, `${r.uncertain.length} uncertain`];
  lines.push("", counts.join(", "));
  return lines.join("\n");
}
