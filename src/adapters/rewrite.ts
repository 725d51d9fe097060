/**
 * Rewriting a post for a target channel: pure, no I/O, no clock. The planner calls it for every
 * post at risk and every backup, so it does linear or n·log n work over the text only.
 *
 * A hand-written variant is used as is (over the limit is a problem, never a silent cut).
 * Otherwise: mentions mapped through `handles`; campaign tags naming the old platform retagged;
 * characters the platform refuses replaced; "link in bio" replaced by the link where links are
 * clickable (and added where they are not), a link already in the text never added twice; the
 * platform's hashtag rules; the text fitted as a numbered thread or shortened at a word with an
 * ellipsis; media checked.
 */
import type { Post } from "../calendar/model.js";
import type { Channel } from "../config/model.js";
import type { Platform } from "../platforms.js";
import type { CountUnit } from "../text/count.js";
import { retag } from "../text/campaign.js";
import { applyEdits, type Edit } from "../text/edit.js";
import { entities, type Entity } from "../text/entities.js";
import { compose, fit, type Draft } from "../text/fit.js";
import { sentences } from "../text/graphemes.js";
import { hasLinkInBio, LINK_IN_BIO, removeLinkInBio } from "../text/link-in-bio.js";
import { bareLink, linkOccurrences } from "../text/same-link.js";
import { fitMedia } from "./media.js";
import { mapMentions, type Handles } from "./mentions.js";
import { adapterFor } from "./registry.js";
import type { Adapter, MediaOut, Rendered } from "./types.js";

export type { Handles };

export interface RewriteTarget {
  channel: Channel;
  /** The post's own channel, for reading its mentions as that platform's handles. */
  source?: Channel;
  /** Rewrite campaign tags naming the source's platform to the target's (config defaults.retag); default true. */
  retag?: boolean;
}

export interface RewriteResult {
  channel: string;
  platform: Platform;
  /** True when the platform would take this as is: fits, and has the media it needs. */
  ok: boolean;
  /** The text to post; for a thread, its first post. */
  text: string;
  /** Every post of a thread, the first included, in order. */
  thread?: string[];
  /** E-mail subject, YouTube or Pinterest title. */
  title?: string;
  /** The link: in a separate field (Pinterest) or for the bio (Instagram, TikTok). */
  link?: string;
  /** For a thread, the longest post. */
  length: { used: number; limit: number; unit: CountUnit };
  problems: string[];
  warnings: string[];
  media: MediaOut[];
  /** "variant": the calendar's hand-written text for this target, used as is. */
  from: "variant" | "rewrite";
  /** What a webhook posts. */
  payload?: Record<string, unknown>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Removes spans from text, mending the sentence around each (src/text/edit.ts). */
function removeSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  return applyEdits(text, [...spans].sort((a, b) => a.start - b.start).map(({ start, end }) => ({ start, end })));
}

/** A link's spans in the text: its links (as found) and its bare spellings ("acme.example/sale"). */
function spansOf(text: string, link: string | undefined): Array<{ start: number; end: number }> {
  return link ? linkOccurrences(text, link) : [];
}

/** The first spelling of the link made whole (with its scheme), the others removed: the link once, where the author put it. */
function oneLink(text: string, link: string): string {
  const [first, ...rest] = linkOccurrences(text, link);
  if (!first) return text;
  const edits: Edit[] = [...(first.full ? [] : [{ start: first.start, end: first.end, insert: link }]), ...rest.map(({ start, end }) => ({ start, end }))];
  return edits.length > 0 ? applyEdits(text, edits) : text;
}

/** Characters the platform refuses, written as their stand-ins; a warning names them. */
function replaceForbidden(text: string, adapter: Adapter, what: string, warnings: string[]): string {
  const forbidden = adapter.text.forbidden;
  if (!forbidden) return text;
  const found = Object.keys(forbidden).filter((ch) => text.includes(ch));
  if (found.length === 0) return text;
  warnings.push(`${adapter.displayName} refuses ${found.join(" and ")} in the ${what}: written as ${found.map((ch) => forbidden[ch]).join(" and ")}`);
  return found.reduce((t, ch) => t.split(ch).join(forbidden[ch]!), text);
}

/** What may come right before a trailing block of hashtags: a line break, a sentence end, an emoji. */
const BLOCK_BEFORE = /(?:^|[\n.!?。！？…)]|\p{Extended_Pictographic}|\p{Emoji_Component})\s*$/u;

/**
 * Hashtags at the very end of the text, after its last sentence ("… today! #launch #summer"), and
 * the text before them. A hashtag that ends a sentence ("see you in #Tokyo") stays in it.
 */
function splitTrailingTags(text: string): { body: string; tags: string[] } {
  const all = entities(text);
  let cut = text.trimEnd().length;
  const block: Entity[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i]!;
    if (e.kind !== "hashtag" || text.slice(e.end, cut).trim() !== "") break;
    block.unshift(e);
    cut = e.start;
  }
  // A tag led into by a word ends the sentence ("… in #Tokyo"): it stays, the rest is the block.
  // A link is not a word: "… numbered. https://… #launch #summer" is a link, then a block of tags.
  const before = block.length > 0 ? text.slice(0, block[0]!.start) : "";
  const afterLink = all.some((e) => e.kind === "url" && e.end === before.trimEnd().length);
  const tags = block.length > 0 && !BLOCK_BEFORE.test(before) && !afterLink ? block.slice(1) : block;
  const body = tags.length > 0 ? text.slice(0, tags[0]!.start).trimEnd() : "";
  return body.length === 0 ? { body: text.trim(), tags: [] } : { body, tags: tags.map((e) => e.text) };
}

/** The platform's hashtag rules: a cap (first ones kept), or none at all (e-mail). */
function applyHashtagRules(draft: Draft, adapter: Adapter, warnings: string[]): Draft {
  const inline = entities(draft.body).filter((e) => e.kind === "hashtag");
  const tags = draft.tags ?? [];
  if (!adapter.hashtags.keep) {
    return { ...draft, body: stripHashes(draft.body, inline), tags: [] };
  }
  const max = adapter.hashtags.max;
  if (max === undefined || inline.length + tags.length <= max) return draft;
  const keptInline = Math.min(inline.length, max);
  const keptTags = tags.slice(0, max - keptInline);
  const over = inline.length + tags.length - max;
  warnings.push(
    `${adapter.displayName} takes at most ${plural(max, "hashtag")}: ${over} more ${inline.length > keptInline ? "written as plain words or " : ""}left out`,
  );
  return { ...draft, body: stripHashes(draft.body, inline.slice(keptInline)), tags: keptTags };
}

function stripHashes(text: string, tags: readonly Entity[]): string {
  let out = "";
  let last = 0;
  for (const t of tags) {
    out += text.slice(last, t.start) + t.text.slice(1);
    last = t.end;
  }
  return out + text.slice(last);
}

/** A title from the post's own, or its first sentence; cut at a word where the platform has a hard limit. */
function makeTitle(post: Post, body: string, adapter: Adapter, problems: string[], warnings: string[]): string | undefined {
  const rules = adapter.title;
  if (!rules) return undefined;
  const firstSentence = sentences(removeSpans(body, entities(body).filter((e) => e.kind === "url")))[0]?.text.trim() ?? "";
  const wanted = (post.title ?? firstSentence).replace(/\s+/g, " ").trim();
  let title = wanted;
  if (title.length > rules.limit) {
    // A title made from the text is ours to shorten; the author's own is only warned about where the limit is advice.
    if (rules.hard || post.title === undefined) {
      title = fit({ body: wanted }, { limit: rules.limit, measure: (t) => t.length, maxParts: 1 }).parts[0]!;
      if (post.title !== undefined) warnings.push(`the ${rules.name} is ${wanted.length} characters, over ${adapter.displayName}'s ${rules.limit}: shortened`);
    } else {
      warnings.push(`the ${rules.name} is ${wanted.length} characters; over ${rules.limit} it gets cut off in most inboxes`);
    }
  }
  title = replaceForbidden(title, adapter, rules.name, warnings);
  if (title.length < (rules.min ?? 1)) problems.push(`${adapter.displayName} needs a ${rules.name} of at least ${plural(rules.min ?? 1, "character")}: give the post a title`);
  return title;
}

/** Spans sorted, overlapping ones merged. */
function mergeSpans(spans: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

interface Placed {
  draft: Draft;
  link?: string;
}

/** Where the link goes: in the text (added if missing), a separate field, or nowhere ("link in bio"). */
function placeLink(post: Post, draft: Draft, adapter: Adapter, problems: string[], warnings: string[]): Placed {
  const urls = entities(draft.body).filter((e) => e.kind === "url");
  const link = post.link ?? urls[0]?.text;
  const { mode, maxInText, fieldLimit } = adapter.links;
  if (mode === "text") {
    const present = !post.link || spansOf(draft.body, post.link).length > 0;
    // The same link twice is one link (Threads counts unique links).
    const distinct = new Set([...urls.map((u) => bareLink(u.text)), ...(post.link ? [bareLink(post.link)] : [])]);
    if (maxInText !== undefined && distinct.size > maxInText) {
      problems.push(`${adapter.displayName} takes at most ${plural(maxInText, "link")} in a post; this one has ${distinct.size}`);
    }
    return { draft: present ? draft : { ...draft, link: post.link } };
  }
  const body = removeSpans(draft.body, mergeSpans([...urls, ...spansOf(draft.body, post.link)]));
  if (mode === "field") {
    if (link && fieldLimit !== undefined && link.length > fieldLimit) {
      problems.push(`the link is ${link.length} characters, over ${adapter.displayName}'s ${fieldLimit}`);
    }
    return { draft: { ...draft, body }, ...(link ? { link } : {}) };
  }
  if (!link) return { draft: { ...draft, body } };
  warnings.push(`${adapter.displayName} captions cannot link: put ${link} in the profile's bio`);
  return { draft: { ...draft, body: hasLinkInBio(body) ? body : `${body}\n\n${LINK_IN_BIO}`.trim() }, link };
}

/**
 * The post with its text and link retagged for the target platform: campaign tags naming the
 * platform it was written for now name the one it moves to (off with defaults.retag: false).
 */
function retagged(post: Post, text: string, target: RewriteTarget, warnings: string[]): Post {
  const from = target.source?.platform;
  const to = target.channel.platform;
  if (!from || from === to || target.retag === false) return { ...post, text };
  const body = retag(text, from, to);
  const link = post.link ? retag(post.link, from, to) : undefined;
  const changes = [...new Set([...body.changes, ...(link?.changes ?? [])])];
  if (changes.length > 0) warnings.push(`campaign tags retagged for ${target.channel.name}: ${changes.join(", ")} (config defaults.retag: false keeps them)`);
  return { ...post, text: body.text, ...(link ? { link: link.text } : {}) };
}

export function rewritePost(post: Post, target: RewriteTarget, handles: Handles = {}): RewriteResult {
  const { channel } = target;
  const adapter = adapterFor(channel.platform);
  const limit = channel.textLimit ?? adapter.text.limit;
  const { unit, count } = adapter.text;
  const media = fitMedia(post.media, adapter.media, adapter.displayName);
  const problems = [...media.problems];
  const warnings = [...media.warnings];

  const variant = post.variants[channel.name] ?? post.variants[channel.platform];
  let parts: string[];
  let link: string | undefined;
  let title: string | undefined;
  if (variant !== undefined) {
    parts = [variant];
    const used = count(variant);
    if (used > limit) {
      problems.push(`the hand-written variant is ${used} ${unit}, over ${adapter.displayName}'s ${limit}: shorten it in the calendar (it is never cut)`);
    }
    const refused = Object.keys(adapter.text.forbidden ?? {}).filter((ch) => variant.includes(ch));
    if (refused.length > 0) problems.push(`${adapter.displayName} refuses ${refused.join(" and ")}: edit the hand-written variant in the calendar`);
    title = makeTitle(post, variant, adapter, problems, warnings);
  } else {
    const mentions = mapMentions(post.text, handles, [post.channel, ...(target.source ? [target.source.platform] : [])], {
      keys: [channel.name, channel.platform],
      label: channel.name,
      style: adapter.mentions,
    });
    warnings.push(...mentions.warnings);
    const moved = retagged(post, mentions.text, target, warnings);
    let text = replaceForbidden(moved.text, adapter, "text", warnings);
    // Where links are clickable, the link takes the place of "link in bio" unless it is already in
    // the text (then it stays where the author put it, once); elsewhere the phrase stays.
    if (adapter.links.mode === "text") {
      text = moved.link && linkOccurrences(text, moved.link).length > 0 ? removeLinkInBio(oneLink(text, moved.link)).text : removeLinkInBio(text, moved.link).text;
    } else if (adapter.links.mode === "field") text = removeLinkInBio(text).text;
    const placed = placeLink(moved, splitTrailingTags(text), adapter, problems, warnings);
    link = placed.link;
    let draft = applyHashtagRules(placed.draft, adapter, warnings);
    title = makeTitle(post, draft.body, adapter, problems, warnings);

    const maxParts = adapter.threads.maxParts;
    // Shortening keeps the link whole by moving an inline link after the text.
    if (maxParts === 1 && draft.link === undefined && link === undefined && moved.link && draft.body.includes(moved.link)) {
      if (count(compose(draft.body, undefined, draft.tags)) > limit) {
        draft = { ...draft, body: removeSpans(draft.body, spansOf(draft.body, moved.link)), link: moved.link };
      }
    }
    const fitted = fit(draft, { limit, measure: count, maxParts });
    parts = fitted.parts;
    if (fitted.problem) problems.push(`cannot fit ${adapter.displayName}'s ${limit} ${unit}: ${fitted.problem}`);
    if (fitted.droppedTags.length > 0 && !fitted.cut) warnings.push(`left out ${plural(fitted.droppedTags.length, "trailing hashtag")} to fit: ${fitted.droppedTags.join(" ")}`);
    if (fitted.cut) warnings.push(parts.length > 1 ? `shortened to fit ${adapter.displayName}'s ${maxParts} posts` : `shortened to fit ${adapter.displayName}'s ${limit} ${unit}`);
    if (parts.length > 1) warnings.push(`split into a thread of ${parts.length} posts`);
  }

  let rendered: Rendered = { text: parts[0] ?? "", media: media.media, warnings, ...(title !== undefined ? { title } : {}), ...(link ? { link } : {}) };
  if (adapter.finish && parts.length === 1) {
    rendered = adapter.finish(rendered);
    parts = [rendered.text];
  }
  for (const part of parts) {
    for (const p of adapter.text.check?.(part) ?? []) if (!problems.includes(p)) problems.push(p);
  }
  const used = Math.max(0, ...parts.map(count));
  if (used > limit && variant === undefined && !problems.some((p) => p.startsWith("cannot fit"))) {
    problems.push(`the text is ${used} ${unit}, over ${adapter.displayName}'s ${limit}`);
  }
  if (parts.join("").trim().length === 0 && media.media.length === 0) problems.push("nothing left to post: no text and no media");

  return {
    channel: channel.name,
    platform: channel.platform,
    ok: problems.length === 0,
    text: rendered.text,
    ...(parts.length > 1 ? { thread: parts } : {}),
    ...(rendered.title !== undefined ? { title: rendered.title } : {}),
    ...(rendered.link ? { link: rendered.link } : {}),
    length: { used, limit, unit },
    problems,
    warnings: rendered.warnings,
    media: rendered.media,
    from: variant !== undefined ? "variant" : "rewrite",
    ...(rendered.payload ? { payload: rendered.payload } : {}),
  };
}
