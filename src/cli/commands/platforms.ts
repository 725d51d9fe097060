/** `failover platforms`: every adapter's rules (limits, counting, media, links, threads). */
import { allAdapters } from "../../adapters/registry.js";
import type { Adapter, MediaRules } from "../../adapters/types.js";
import { builtinDefaults } from "../../config/builtin.js";
import { ExitCode, UsageError } from "../../errors.js";
import type { HealthSourceConfig } from "../../health/source-schema.js";
import type { CliContext } from "../context.js";
import type { Output } from "../output.js";
import { plural } from "../../util/words.js";
import { renderTable, wrapProse } from "../table.js";

export function platformsDocument(): { schemaVersion: 1; platforms: unknown[] } {
  return {
    schemaVersion: 1,
    platforms: allAdapters().map((a) => ({
      platform: a.platform,
      displayName: a.displayName,
      text: { limit: a.text.limit, unit: a.text.unit, counting: a.text.counting, ...(a.text.forbidden ? { refuses: Object.keys(a.text.forbidden) } : {}) },
      ...(a.title ? { title: a.title } : {}),
      media: a.media,
      links: a.links,
      hashtags: a.hashtags,
      mentions: a.mentions,
      threads: a.threads,
      notes: a.notes,
      sources: a.sources,
      health: defaultHealth(a.platform),
    })),
  };
}

/** Where a channel of this platform reads its health when the config names no source. */
function defaultHealth(platform: Adapter["platform"]): { sources: HealthSourceConfig[]; statusPage?: string; note?: string } {
  const d = builtinDefaults()[platform];
  return { sources: d.health, ...(d.statusPage ? { statusPage: d.statusPage } : {}), ...(d.note ? { note: d.note } : {}) };
}

/** A built-in source in a few words: its kind, what it picks, where it reads. */
export function describeSource(source: HealthSourceConfig): string {
  switch (source.kind) {
    case "manual":
      return `manual ${source.status}`;
    case "mastodon":
      return source.instance || source.url ? `mastodon ${source.instance ?? source.url}` : "mastodon probe of the channel's instance (/api/v2/instance)";
    case "meta":
      return `meta "${source.service}" from ${source.url}`;
    default:
      return `${source.kind} ${source.url}`;
  }
}

function media(m: MediaRules): string {
  if (m.requiredKind === "video") return `needs 1 video`;
  const kinds = [m.maxImages > 0 ? plural(m.maxImages, "image") : "", m.maxVideos > 0 ? plural(m.maxVideos, "video") : ""];
  if (m.maxGifs !== undefined) kinds.push(`${m.maxGifs} GIF`);
  const list = m.mixing ? `up to ${m.maxItems}, images and videos mixed` : kinds.filter(Boolean).join(" or ");
  return `${m.required ? "needs media: " : ""}${list}`;
}

function links(a: Adapter): string {
  const { mode, card, maxInText, fieldLimit } = a.links;
  if (mode === "none") return "not clickable (bio)";
  if (mode === "field") return `link field (≤ ${fieldLimit})`;
  return `clickable${card ? ", card" : ""}${maxInText !== undefined ? `, ≤ ${maxInText}` : ""}`;
}

export function renderPlatforms(out: Output): string {
  const adapters = allAdapters();
  const head = ["platform", "text limit", "title", "media", "links", "threads", "hashtags"];
  const rows = adapters.map((a) => [
    a.platform,
    `${a.text.limit} ${a.text.unit}`,
    a.title ? `${a.title.name} ${a.title.min ? `${a.title.min}–` : "≤ "}${a.title.limit}` : "",
    media(a.media),
    links(a),
    a.threads.maxParts > 1 ? `≤ ${a.threads.maxParts} posts` : "no",
    !a.hashtags.keep ? "as words" : a.hashtags.max !== undefined ? `≤ ${a.hashtags.max}` : "any",
  ]);
  const width = out.columns;
  const counting = adapters.map((a) => wrapProse(`  ${out.c.bold(a.platform)}: ${a.text.counting}.${a.notes.length ? ` ${a.notes.join(" ")}` : ""}`, width, "  "));
  const health = adapters.map((a) => {
    const d = defaultHealth(a.platform);
    const read = d.sources.length ? d.sources.map(describeSource).join("; ") : out.c.dim("none: health is unknown unless the config names a source or --assume sets it");
    return wrapProse(`  ${out.c.bold(a.platform)}: ${read}`, width, "  ") + (d.note ? `\n${wrapProse(`    ${out.c.dim(d.note)}`, width)}` : "");
  });
  return [
    renderTable(head, rows, { width, styleHead: (line) => out.c.bold(line) }),
    "",
    out.c.bold("How each counts"),
    ...counting,
    "",
    out.c.bold("Health, when a channel names no source"),
    ...health,
    "",
    wrapProse(out.c.dim("A channel's textLimit in the config overrides its platform's limit (a Mastodon instance's, X Premium's 4000). Sources: failover platforms --json, docs/adapters.md."), width),
  ].join("\n");
}

export async function run(ctx: CliContext): Promise<number> {
  if (ctx.out.format === "github" || ctx.out.format === "junit") {
    throw new UsageError(`platforms prints a table or json, not ${ctx.out.format}`, "--format");
  }
  if (ctx.out.format === "json") ctx.out.json(platformsDocument());
  else ctx.out.prose(renderPlatforms(ctx.out));
  return ExitCode.Go;
}
