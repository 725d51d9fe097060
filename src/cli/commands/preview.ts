/** `failover preview <post-id> [--to channel]`: the post as each backup (or the named channel) would get it. */
import { rewritePost, type RewriteResult } from "../../adapters/rewrite.js";
import { adapterFor } from "../../adapters/registry.js";
import type { Post } from "../../calendar/model.js";
import { knownChannelNames, resolveChannel } from "../../config/load.js";
import type { Config } from "../../config/model.js";
import { ExitCode, UsageError } from "../../errors.js";
import { loadProjectFor } from "../config-run.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { didYouMeanChannel } from "../../platforms.js";
import type { CliContext } from "../context.js";
import type { Output } from "../output.js";
import { plural } from "../../util/words.js";
import { renderTable } from "../table.js";

export interface PreviewDocument {
  schemaVersion: 1;
  postId: string;
  targets: RewriteResult[];
}

/** The channels to preview: --to (each checked), else the post's backups. */
function targetsOf(post: Post, config: Config, to: readonly string[]): string[] {
  if (to.length === 0) return post.backups;
  for (const name of to) {
    if (!resolveChannel(config, name)) {
      throw new UsageError(`no channel "${name}" in the config, and it is not a platform${didYouMeanChannel(name, knownChannelNames(config))}`, "--to");
    }
  }
  return [...new Set(to)];
}

export function previewPost(post: Post, config: Config, channels: readonly string[]): PreviewDocument {
  const source = resolveChannel(config, post.channel);
  return {
    schemaVersion: 1,
    postId: post.id,
    targets: channels.map((name) => rewritePost(post, { channel: resolveChannel(config, name)!, ...(source ? { source } : {}), retag: config.defaults.retag }, config.handles)),
  };
}

function countOf(t: RewriteResult): string {
  return `${t.length.used}/${t.length.limit} ${t.length.unit}`;
}

function summaryTable(out: Output, targets: readonly RewriteResult[]): string {
  const rows = targets.map((t) => [
    t.channel,
    t.platform,
    t.ok ? "yes" : "no",
    countOf(t),
    t.thread ? `thread of ${t.thread.length}` : t.from === "variant" ? "variant" : "one post",
    `${t.media.length}`,
    [t.problems.length ? plural(t.problems.length, "problem") : "", t.warnings.length ? plural(t.warnings.length, "warning") : ""]
      .filter(Boolean)
      .join(", "),
  ]);
  const head = ["channel", "platform", "ok", "length", "form", "media", "notes"];
  const painted = rows.map((r, i) => r.map((cell, j) => (j === 2 ? (targets[i]!.ok ? out.c.green(cell) : out.c.red(cell)) : cell)));
  return renderTable(head, painted, { width: out.columns, styleHead: (line) => out.c.bold(line) });
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((l, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + l)
    .join("\n")
    .replace(/[ \t]+$/gm, "");
}

function targetBlock(out: Output, t: RewriteResult): string {
  const adapter = adapterFor(t.platform);
  const mark = t.ok ? out.c.green("✓ ok") : out.c.red("✗ not ok");
  const lines = [out.c.bold(`── ${t.channel}`) + out.c.dim(` (${adapter.displayName})`) + `  ${mark}  ${countOf(t)}${t.from === "variant" ? out.c.dim("  hand-written variant") : ""}`];
  if (t.title !== undefined) lines.push(`  ${out.c.dim(adapter.title?.name ?? "title")}: ${t.title}`);
  if (t.thread) {
    t.thread.forEach((part, i) => {
      lines.push(out.c.dim(`  post ${i + 1} of ${t.thread!.length}, ${adapter.text.count(part)} ${t.length.unit}:`));
      lines.push(indent(part, "    "));
    });
  } else {
    lines.push(indent(t.text, "    "));
  }
  if (t.link && !t.text.includes(t.link)) lines.push(`  ${out.c.dim("link")}: ${t.link}`);
  for (const m of t.media) lines.push(`  ${out.c.dim(m.kind)}: ${m.path}${m.alt ? out.c.dim(` (alt: ${m.alt})`) : ""}`);
  for (const p of t.problems) lines.push(out.c.red(`  ✗ ${p}`));
  for (const w of t.warnings) lines.push(out.c.yellow(`  ! ${w}`));
  return lines.join("\n");
}

export function renderPreview(out: Output, post: Post, doc: PreviewDocument, config: Config): string {
  const source = resolveChannel(config, post.channel);
  const size = source ? `${adapterFor(source.platform).text.count(post.text)}/${source.textLimit ?? adapterFor(source.platform).text.limit} ${adapterFor(source.platform).text.unit}` : `${post.text.length} characters`;
  const head = `${out.c.bold(post.id)}  ${post.channel} · ${post.atText}${post.zone ? ` ${post.zone}` : ""} · ${size}, ${post.media.length} media`;
  if (doc.targets.length === 0) return `${head}\n\nThe post has no backups: name one with --to <channel>.`;
  return [head, summaryTable(out, doc.targets), ...doc.targets.map((t) => targetBlock(out, t))].join("\n\n");
}

export async function run(ctx: CliContext, args: string[], options: { to?: string[] }): Promise<number> {
  const postId = args[0]!;
  if (ctx.out.format === "github" || ctx.out.format === "junit") {
    throw new UsageError(`preview prints a table or json, not ${ctx.out.format}`, "--format");
  }
  const { config, calendar } = await loadProjectFor(ctx);
  const post = calendar.posts.find((p) => p.id === postId);
  if (!post) {
    throw new UsageError(`no post "${postId}" in ${calendar.file}${didYouMean(postId, calendar.posts.map((p) => p.id))}`);
  }
  const to = options.to ?? [];
  const doc = previewPost(post, config, targetsOf(post, config, to));
  if (ctx.out.format === "json") ctx.out.json(doc);
  else ctx.out.prose(renderPreview(ctx.out, post, doc, config));
  return ExitCode.Go;
}
