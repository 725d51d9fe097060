/**
 * The planner: for every post in the window whose channel is down, decide by its policy where and
 * when it goes instead. Pure: the calendar, the config, each channel's health, the clock and the
 * rewriter come in; the plan goes out. The same inputs always give the same plan, in the same order.
 */
import { isDownStatus } from "../health/down.js";
import { isNotice, NOTICE_PREFIX } from "../calendar/bookkeeping.js";
import type { Calendar, Post } from "../calendar/model.js";
import { resolveChannel } from "../config/load.js";
import type { Channel, Config, Notice } from "../config/model.js";
import { statusWords, type HealthStatus } from "../health/status.js";
import { earliestSlot, latestSlot, Occupancy, type ChannelSchedule } from "../schedule/slots.js";
import { formatDuration } from "../time/duration.js";
import { formatInZone } from "../time/zone.js";
import { scheduleFor } from "../calendar/channel-schedule.js";
import { suggestFixes, type FixCandidate } from "./fixes.js";
import type { Plan, PlanAction, PlannedPost, RewriteOutcome, Unroutable } from "./types.js";

export { scheduleFor };

/** Rewrites a post (or a notice, as a post) for a target channel: an adapter's job. */
export type Rewriter = (post: Post, target: Channel, config: Config) => RewriteOutcome;

export interface PlanInput {
  calendar: Calendar;
  config: Config;
  /** Each channel's health; a channel missing here is `unknown`. */
  health: ReadonlyMap<string, HealthStatus>;
  now: number;
  /** How far ahead to look, from now. */
  windowMs: number;
  /** `unknown` health counts as down. */
  strict: boolean;
  rewrite: Rewriter;
}

/** Notices already posted for an outage within this long count as "the" notice for it. */
const NOTICE_DEDUPE_MS = 24 * 3_600_000;

export function statusOf(input: Pick<PlanInput, "health">, channel: string): HealthStatus {
  return input.health.get(channel) ?? "unknown";
}

/** Whether a channel counts as down for rerouting under the config's `rerouteOn` (and --strict). */
export function isDown(input: Pick<PlanInput, "health" | "config" | "strict">, channel: string): boolean {
  return isDownStatus(statusOf(input, channel), { rerouteOn: input.config.defaults.rerouteOn, strict: input.strict });
}

/**
 * A post whose max delay ran out within this long is still reported (as blocked, if its channel is
 * down): in a crisis people need to know what did not go out, not only what still can.
 */
const MISSED_LOOKBACK_MS = 24 * 3_600_000;

/** The posts a plan looks at: still to go out, due within the window, or missed very recently. */
export function postsInWindow(calendar: Calendar, now: number, windowMs: number): Post[] {
  return calendar.posts.filter(
    (p) => p.status === "scheduled" && p.at <= now + windowMs && (latestTime(p) >= now || p.at >= now - MISSED_LOOKBACK_MS),
  );
}

/** A post may go out no later than its first time plus its max delay (a delay keeps `originalAt`). */
export function latestTime(post: Post): number {
  return (post.originalAt ?? post.at) + post.maxDelayMs;
}

/** Every channel whose health a plan needs: posting in the window, their backups, notice targets. */
export function channelsToCheck(calendar: Calendar, config: Config, now: number, windowMs: number): string[] {
  const names = new Set<string>();
  for (const p of postsInWindow(calendar, now, windowMs)) {
    names.add(p.channel);
    for (const b of p.backups) names.add(b);
  }
  for (const n of config.notices) {
    if (n.when.some((w) => names.has(w))) for (const o of n.on) names.add(o);
  }
  return [...names].sort();
}

export function makePlan(input: PlanInput): Plan {
  const { calendar, config, now } = input;
  const occupancy = new Occupancy();
  const ids = new Set(calendar.posts.map((p) => p.id));
  const handled = new Set(calendar.posts.flatMap((p) => (p.reroutedFrom ? [p.reroutedFrom] : [])));
  for (const p of calendar.posts) if (p.status === "scheduled" || p.status === "posted") occupancy.add(p.channel, p.at);

  const showZone = (post?: Post) => post?.zone ?? calendar.timezone ?? config.defaults.timezone ?? "UTC";
  const iso = (t: number, post?: Post) => formatInZone(t, showZone(post));
  const actions: PlanAction[] = [];
  const unroutable: Unroutable[] = [];
  const byId = new Map(calendar.posts.map((p) => [p.id, p]));
  const planner = { input, occupancy, ids, iso, byId };
  const warnings: string[] = [];

  const inWindow = postsInWindow(calendar, now, input.windowMs);
  const atRisk = inWindow
    .filter((p) => isDown(input, p.channel) && !handled.has(p.id))
    .filter((p) => {
      // A crisis notice goes only where the config says; it is never moved to another channel.
      if (!isNotice(p)) return true;
      warnings.push(`notice ${p.id} is on ${p.channel}, which is down: it stays there (notices go only where the config's notices say)`);
      return false;
    })
    .sort((a, b) => a.at - b.at || a.index - b.index);

  // Notices first: they go out as early as allowed, ahead of the posts they explain.
  const downChannels = [...new Set(inWindow.filter((p) => isDown(input, p.channel) && !isNotice(p)).map((p) => p.channel))].sort();
  for (const notice of config.notices) actions.push(...planNotice(planner, notice, downChannels, warnings));

  for (const post of atRisk) {
    const result = planPost(planner, post);
    if ("action" in result) actions.push(result);
    else unroutable.push(result);
  }

  return {
    schemaVersion: 1,
    kind: "reroute",
    now: iso(now),
    calendar: calendar.file,
    calendarSha256: calendar.sha256,
    ...(config.file ? { config: config.file } : {}),
    ...(config.sha256 ? { configSha256: config.sha256 } : {}),
    window: { from: iso(now), to: iso(now + input.windowMs) },
    health: Object.fromEntries([...input.health.entries()].sort(([a], [b]) => a.localeCompare(b))),
    actions,
    unroutable,
    warnings,
  };
}

interface Planner {
  input: PlanInput;
  occupancy: Occupancy;
  ids: Set<string>;
  iso: (t: number, post?: Post) => string;
  byId: Map<string, Post>;
}

/**
 * What to rewrite a post from: a stand-in rerouted in turn is rewritten from the post it stands
 * in for, not from a text already shaped for another platform (X's handles, its layout).
 */
function rewriteSource(planner: Planner, post: Post): Post {
  let root = post;
  const seen = new Set<string>([post.id]);
  while (root.reroutedFrom !== undefined) {
    const parent = planner.byId.get(root.reroutedFrom);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    root = parent;
  }
  if (root === post) return post;
  const { title, link } = root;
  return {
    ...post,
    channel: root.channel,
    text: root.text,
    variants: root.variants,
    media: root.media,
    ...(title !== undefined ? { title } : {}),
    ...(link !== undefined ? { link } : {}),
  };
}

/** Why a channel counts as down, as a sentence: "instagram is down (major outage)". */
export function downReason(planner: { input: Pick<PlanInput, "health"> }, channel: string): string {
  const status = statusOf(planner.input, channel);
  return status === "unknown" ? `${channel}'s health is unknown (--strict counts it as down)` : `${channel} is ${statusWords(status)}`;
}

/** The same, after a name and a colon ("x: down (major outage)"), for lists of backups tried. */
function downNote(planner: { input: Pick<PlanInput, "health"> }, channel: string): string {
  const status = statusOf(planner.input, channel);
  return status === "unknown" ? "health unknown (--strict counts it as down)" : statusWords(status);
}

/** The reason that says where a post went; reports that already show the target leave it out. */
export function movedReason(policy: string, channel: string): string {
  return `${policy === "mirror" ? "mirrored" : "rerouted"} to ${channel}`;
}

/** What would unblock a post, as one clause for one-line reports (". To fix: a; or b"), or "". */
export function fixesClause(fixes: readonly string[] | undefined): string {
  return fixes?.length ? `. To fix: ${fixes.join("; or ")}` : "";
}

function newId(planner: Planner, base: string): string {
  let id = base;
  for (let n = 2; planner.ids.has(id); n++) id = `${base}-${n}`;
  planner.ids.add(id);
  return id;
}

export function planned(post: Post, channel: Channel, at: number, rewritten: RewriteOutcome, iso: Planner["iso"]): PlannedPost {
  return {
    channel: channel.name,
    platform: channel.platform,
    at: iso(at, post),
    text: rewritten.text,
    ...(rewritten.thread && rewritten.thread.length > 1 ? { thread: rewritten.thread } : {}),
    ...(rewritten.title !== undefined ? { title: rewritten.title } : {}),
    ...(rewritten.media && post.media.length > 0 ? { media: rewritten.media } : {}),
    length: rewritten.length,
  };
}

function planPost(planner: Planner, post: Post): PlanAction | Unroutable {
  const { input, iso } = planner;
  const reasons = [downReason(planner, post.channel)];
  const from = { channel: post.channel, at: iso(post.at, post), text: post.text };
  const earliest = Math.max(post.at, input.now);
  const latest = latestTime(post);
  const blocked = (why: string[]): Unroutable => ({ postId: post.id, channel: post.channel, at: from.at, reasons: [...reasons, ...why], line: post.line });

  if (post.policy === "skip") {
    return { postId: post.id, action: "skip", from, reasons: [...reasons, "its policy is skip"], warnings: [], line: post.line };
  }
  if (earliest > latest) {
    return blocked([`its max delay (${formatDuration(post.maxDelayMs)}) ran out at ${iso(latest, post)}`]);
  }

  if (post.policy === "delay") {
    const channel = resolveChannel(input.config, post.channel)!;
    const schedule = scheduleFor(channel, input.calendar, input.config);
    // Hold it on its own channel as late as allowed: the most time for the platform to recover.
    planner.occupancy.remove(post.channel, post.at);
    const slot = latestSlot(post.channel, schedule, planner.occupancy, earliest, latest);
    if (!slot.ok) {
      planner.occupancy.add(post.channel, post.at);
      return blocked([`${post.channel}: ${slot.reason}`]);
    }
    planner.occupancy.add(post.channel, slot.at);
    if (slot.at === post.at) {
      return blocked([
        post.originalAt !== undefined
          ? `it is already delayed as far as its max delay (${formatDuration(post.maxDelayMs)}) allows`
          : `${post.channel} has no later slot within its max delay (${formatDuration(post.maxDelayMs)})`,
      ]);
    }
    const rewritten = input.rewrite(post, channel, input.config);
    return {
      postId: post.id,
      action: "delay",
      from,
      to: planned(post, channel, slot.at, rewritten, iso),
      reasons: [...reasons, `its policy is delay: held on ${post.channel} as late as its max delay allows`],
      warnings: rewritten.warnings,
      line: post.line,
    };
  }

  const tried: string[] = [];
  const warnings: string[] = [];
  for (const name of post.backups) {
    const channel = resolveChannel(input.config, name);
    if (!channel) {
      tried.push(`${name}: not a channel`);
      continue;
    }
    if (isDown(input, name)) {
      tried.push(`${name}: ${downNote(planner, name)}`);
      continue;
    }
    const rewritten = input.rewrite(rewriteSource(planner, post), channel, input.config);
    if (!rewritten.ok) {
      tried.push(`${name}: ${rewritten.problems.join("; ") || "the adapter refused the post"}`);
      continue;
    }
    const slot = earliestSlot(name, scheduleFor(channel, input.calendar, input.config), planner.occupancy, earliest, latest);
    if (!slot.ok) {
      tried.push(`${name}: ${slot.reason}`);
      continue;
    }
    planner.occupancy.add(name, slot.at);
    if (post.policy === "reroute") planner.occupancy.remove(post.channel, post.at);
    if (statusOf(input, name) === "unknown") warnings.push(`${name}'s health is unknown; it was used anyway (--strict would not)`);
    return {
      postId: post.id,
      action: post.policy,
      from,
      to: planned(post, channel, slot.at, rewritten, iso),
      newPostId: newId(planner, `${post.id}--${name}`),
      reasons: [...reasons, ...tried.map((t) => `skipped ${t}`), movedReason(post.policy, name)],
      warnings: [...warnings, ...rewritten.warnings],
      line: post.line,
    };
  }
  const fixes = suggestFixes({ post, earliest, latest, candidates: fixCandidates(planner, post), occupancy: planner.occupancy, iso: (t) => iso(t, post) });
  const why = post.backups.length === 0 ? ["it has no backups (set backups on the post or defaults.backups in the config)"] : tried;
  return { ...blocked(why), ...(fixes.length > 0 ? { fixes } : {}) };
}

/** Channels read healthy (never unknown) whose adapter takes the post: what a fix may propose. */
function fixCandidates(planner: Planner, post: Post): FixCandidate[] {
  const { input } = planner;
  const names = [...new Set([...post.backups, ...input.health.keys()])].filter((n) => n !== post.channel);
  return names.flatMap((name) => {
    const channel = resolveChannel(input.config, name);
    if (!channel || statusOf(input, name) === "unknown" || isDown(input, name)) return [];
    if (!input.rewrite(rewriteSource(planner, post), channel, input.config).ok) return [];
    return [{ name, schedule: scheduleFor(channel, input.calendar, input.config), inBackups: post.backups.includes(name) }];
  });
}

/** A notice post: rendered for the target like any post, with the notice's own variants. */
function noticeAsPost(notice: Notice, down: string, id: string, at: number): Post {
  return {
    id,
    channel: down,
    at,
    atText: "",
    text: notice.text,
    media: [],
    backups: [],
    variants: notice.variants,
    policy: "reroute",
    maxDelayMs: 0,
    status: "scheduled",
    index: -1,
    line: 0,
    col: 0,
  };
}

function planNotice(planner: Planner, notice: Notice, downChannels: string[], warnings: string[]): PlanAction[] {
  const { input, iso } = planner;
  const down = notice.when.filter((w) => downChannels.includes(w));
  if (down.length === 0) return [];
  const actions: PlanAction[] = [];
  const outage = down[0]!;
  for (const target of notice.on) {
    const already = input.calendar.posts.some(
      (p) => p.channel === target && p.reason?.startsWith(`${NOTICE_PREFIX}${outage} `) && p.at >= input.now - NOTICE_DEDUPE_MS,
    );
    if (already) continue;
    const channel = resolveChannel(input.config, target)!;
    const reasons = [`${NOTICE_PREFIX}${downReason(planner, outage)}`, `notice ${notice.index + 1} in the config: post on ${target} while ${notice.when.join(", ")} is down`];
    const from = { channel: outage, at: iso(input.now) };
    if (isDown(input, target)) {
      warnings.push(`notice ${notice.index + 1} cannot go out on ${target}: ${downReason(planner, target)}`);
      continue;
    }
    const schedule = scheduleFor(channel, input.calendar, input.config);
    const slot = earliestSlot(target, schedule, planner.occupancy, input.now, input.now + 7 * 86_400_000);
    const id = newId(planner, `notice-${outage}-${target}-${iso(input.now).slice(0, 10).replaceAll("-", "")}`);
    if (!slot.ok) {
      warnings.push(`notice ${notice.index + 1} found no slot on ${target}: ${slot.reason}`);
      continue;
    }
    const rewritten = input.rewrite(noticeAsPost(notice, outage, id, slot.at), channel, input.config);
    planner.occupancy.add(target, slot.at);
    actions.push({
      postId: id,
      action: "notice",
      from,
      to: planned(noticeAsPost(notice, outage, id, slot.at), channel, slot.at, rewritten, iso),
      newPostId: id,
      reasons,
      warnings: rewritten.ok ? rewritten.warnings : [...rewritten.warnings, ...rewritten.problems],
    });
  }
  return actions;
}
