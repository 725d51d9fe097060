/** `failover import <file>`: a calendar from a spreadsheet or a scheduler's CSV. */
import { existsSync } from "node:fs";
import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import { basename } from "node:path";
import { loadCalendar, parseCalendar } from "../../calendar/load.js";
import { loadConfig } from "../../config/load.js";
import { ExitCode, InputError } from "../../errors.js";
import { importCsv, type ImportResult } from "../../interop/import.js";
import type { ImportFormat } from "../../interop/formats.js";
import { readCsvFile } from "../../interop/read-file.js";
import { appendPosts } from "../../writer/append.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import type { CliContext } from "../context.js";
import type { InteropFlags } from "../plan-options.js";
import { delimiterFlag, pairsFlag, timezoneFlag } from "../interop-flags.js";

/** A new calendar file's text: a comment saying where it came from, then the posts. */
function newCalendarText(result: ImportResult, from: string): string {
  const doc = new Document({ version: 1, ...(result.timezone ? { timezone: result.timezone } : {}), posts: result.posts });
  // The calendar's usual style: one line per medium and per list of backups.
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === "backups" && isSeq(pair.value)) pair.value.flow = true;
      if (key === "media" && isSeq(pair.value)) for (const m of pair.value.items) if (isMap(m)) m.flow = true;
    },
  });
  doc.commentBefore = ` Imported from ${basename(from)} by failover import.`;
  return doc.toString({ lineWidth: 0 });
}

type ImportFlags = InteropFlags & { from: ImportFormat; map?: string[]; channelMap?: string[]; channel?: string; skipBad?: true };

export async function run(ctx: CliContext, args: string[], options: ImportFlags): Promise<number> {
  const file = args[0]!;
  const out = options.out;
  const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), env: ctx.env });
  ctx.out.addSecrets(config.secrets);
  const appending = out !== undefined && existsSync(out);
  const existing = appending ? await loadCalendar(out, config) : undefined;
  const { text, warning } = await readCsvFile(file);
  if (warning) ctx.out.warn(warning);
  const timezone = timezoneFlag(options.timezone);
  const delimiter = delimiterFlag(options.delimiter);
  const result = importCsv(text, config, {
    file,
    from: options.from,
    map: pairsFlag(options.map, "--map", "text=Caption", { lists: false }),
    channelMap: pairsFlag(options.channelMap, "--channel-map", "ig=instagram", { lists: true }),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(timezone ? { timezone } : {}),
    ...(options.dateFormat ? { dayOrder: options.dateFormat } : {}),
    ...(delimiter ? { delimiter } : {}),
    skipBad: options.skipBad ?? false,
    ...(existing ? { calendar: { ...(existing.timezone ? { timezone: existing.timezone } : {}), ids: new Set(existing.posts.map((p) => p.id)) } } : {}),
  });
  // Every row must read (or be skipped on purpose) before anything is written.
  if (result.diagnostics.some((d) => d.severity === "error")) throw new InputError(result.diagnostics);
  for (const d of result.diagnostics) ctx.out.problem(`${d.file}:${d.line}:${d.col} ${d.severity}: ${d.message}`, d.severity);
  const summary = `${file}: ${result.rows} row${result.rows === 1 ? "" : "s"}, ${result.posts.length} post${result.posts.length === 1 ? "" : "s"}${result.skipped.length ? `, ${result.skipped.length} skipped (line ${result.skipped.join(", ")})` : ""}`;

  let written: string | undefined;
  let calendarText: string | undefined;
  if (existing && out) {
    if (result.posts.length > 0) {
      const r = await appendPosts({ calendarFile: out, config, posts: result.posts });
      written = r.written;
      ctx.out.info(`${summary}; added to ${out} (${r.total} posts now${r.backup ? `; the previous version is ${r.backup}` : ""})`);
    } else ctx.out.info(`${summary}; nothing to add to ${out}`);
  } else {
    calendarText = newCalendarText(result, file);
    // The calendar's own loader has the last word: what is written is a calendar that validates.
    parseCalendar(out ?? "(imported calendar)", calendarText, config);
    if (out) {
      await writeFileAtomic(out, calendarText);
      written = out;
      ctx.out.info(`${summary}; wrote ${out}`);
    } else ctx.out.info(summary);
  }
  if (ctx.out.format === "json") {
    ctx.out.json({ schemaVersion: 1, file, rows: result.rows, imported: result.posts.map((p) => p.id), skipped: result.skipped, ...(written ? { written } : { posts: result.posts }), problems: result.diagnostics });
  } else if (!written && calendarText !== undefined) ctx.out.data(calendarText);
  return ExitCode.Go;
}
