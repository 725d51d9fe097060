/**
 * `failover publish` as one library call: under the publish lock, finish what a killed run left
 * (results in the journal not yet in the calendar, sends begun and never answered), select what
 * is due, hold posts on channels that are down (the same health and the same "is down" as `check`),
 * render each with its adapter, send channel by channel (channels at once, each channel's posts in
 * order), record every send in the journal, and write the outcomes into the calendar with the
 * calendar writer. Never prints, exits or reads the wall clock: `now` is given.
 */
import { setMaxListeners } from "node:events";
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { rewritePost, type RewriteResult } from "../adapters/rewrite.js";
import { loadCalendar } from "../calendar/load.js";
import type { Calendar, Post } from "../calendar/model.js";
import { resolveChannel } from "../config/load.js";
import type { Channel } from "../config/model.js";
import { healthMap } from "../check-health.js";
import type { ChannelHealth } from "../health/types.js";
import { isDown } from "../planner/plan.js";
import type { Project } from "../project.js";
import { VERSION } from "../version.js";
import { pool } from "../util/pool.js";
import { sleep } from "../util/sleep.js";
import { editCalendarFile } from "../writer/apply.js";
import type { CalendarOp } from "../writer/calendar-edit.js";
import { acquireLock, LockedError } from "../writer/lock.js";
import { expandSettings } from "./credentials.js";
import { duePosts, missedPosts, DEFAULT_LATE_MS } from "./due.js";
import { isPublishFailure, PublishFailure } from "./errors.js";
import { PublishHttp } from "./http.js";
import { Journal, journalPathFor, JOURNAL_FOLDER, type Outcome } from "./journal.js";
import { publisherFor } from "./registry.js";
import type { AnyPublisher, ChannelContext, Step } from "./types.js";

export interface PublishOptions {
  /** The clock (epoch ms): which posts are due, and what `postedAt` says. */
  now: number;
  /** How late a post may still go out; default 1h. */
  lateMs?: number;
  /** Only these channels; all with a `publish:` block when empty. */
  channels?: readonly string[];
  /** Say what would be sent; send and write nothing. */
  dryRun?: boolean;
  /**
   * The channels' health as `check` reads it (the CLI passes its thresholds-aware check). A post
   * on a channel that is down is held; unknown health does not hold a post.
   */
  readHealth: (channels: string[]) => Promise<ChannelHealth[]>;
  /** The whole run's time limit, retries included; default 2 minutes. */
  deadlineMs?: number;
  /** Per request; default 20 s. */
  timeoutMs?: number;
  /** How long a second run waits for the first one's lock; default 10 s. */
  lockWaitMs?: number;
  signal?: AbortSignal;
  /**
   * Posts of one channel sent at once; default 4. Posts due at the same moment on one channel may
   * then appear in any order among themselves; 1 keeps the calendar's order strictly.
   */
  concurrency?: number;
  /** For tests: the jitter of the backoff. */
  random?: () => number;
}

export interface DuePost {
  postId: string;
  channel: string;
  at: string;
  parts: string[];
  media: Array<{ path: string; alt?: string }>;
}

export interface PublishReport {
  schemaVersion: 1;
  now: string;
  dryRun: boolean;
  /** What was (or, with dryRun, would be) sent. */
  due: DuePost[];
  published: Array<{ postId: string; channel: string; url: string | null; remoteId: string }>;
  failed: Array<{ postId: string; channel: string; error: string; retryable: boolean; hint?: string }>;
  held: Array<{ postId: string; channel: string; reason: string }>;
  uncertain: Array<{ postId: string; channel: string; reason: string }>;
  /** Posts whose time passed more than `late` ago without going out: not sent, for a person to decide. */
  missed: Array<{ postId: string; channel: string; at: string }>;
  /** Outcomes of an earlier, interrupted run written into the calendar by this one. */
  recovered: string[];
  calendar: { written?: string; backup?: string };
}

export const DEFAULT_DEADLINE_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 20_000;
export const PUBLISH_USER_AGENT = `failover/${VERSION} (+https://www.npmjs.com/package/failover)`;
const MAX_ATTEMPTS = 4;
const DEFAULT_CONCURRENCY = 4;

interface Job {
  post: Post;
  channel: Channel;
  publisher: AnyPublisher;
  rendered: RewriteResult;
  parts: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function publishProject(project: Project, options: PublishOptions): Promise<PublishReport> {
  const calendarFile = project.calendar.file;
  const baseDir = dirname(resolve(calendarFile));
  const report: PublishReport = { schemaVersion: 1, now: iso(options.now), dryRun: Boolean(options.dryRun), due: [], published: [], failed: [], held: [], uncertain: [], missed: [], recovered: [], calendar: {} };
  const lock = options.dryRun ? undefined : await publishLock(calendarFile, options.lockWaitMs);
  const journal = await Journal.open(journalPathFor(calendarFile));
  try {
    let calendar = project.calendar;
    if (!options.dryRun) {
      // Read again under the lock: a run that held it before us may have published and written.
      calendar = await calendarNow(project);
      // A killed run's outcomes first: the calendar catches up with the journal before anything is chosen.
      const pending = [...journal.posts].filter(([, r]) => r.result && !r.written).map(([id]) => id);
      if (pending.length > 0) {
        Object.assign(report.calendar, await writeBack({ ...project, calendar }, journal, pending));
        report.recovered.push(...pending);
        calendar = await loadCalendar(calendarFile, project.config);
      }
      await journal.compact();
    }
    const jobs = await selectJobs({ ...project, calendar }, journal, options, report);
    report.missed = missedPosts(calendar, project.config, options).map((p) => ({ postId: p.id, channel: p.channel, at: iso(p.at) }));
    await holdDownChannels(jobs, project, options, report);
    const ready = jobs.filter((j) => !report.held.some((h) => h.postId === j.post.id));
    report.due = ready.map((j) => ({ postId: j.post.id, channel: j.channel.name, at: iso(j.post.at), parts: j.parts, media: j.rendered.media.map((m) => ({ path: m.path, ...(m.alt ? { alt: m.alt } : {}) })) }));
    if (options.dryRun) return report;

    const writes: Array<Promise<void>> = [];
    await sendAll(ready, { project, journal, options, report, baseDir, writes });
    await Promise.all(writes);
    const finished = [...journal.posts].filter(([, r]) => r.result && !r.written).map(([id]) => id);
    if (finished.length > 0) Object.assign(report.calendar, await writeBack({ ...project, calendar }, journal, finished));
    return report;
  } finally {
    await journal.close();
    await lock?.release();
  }
}

/** The calendar as the file is now: the one in hand if the bytes are the same (no second parse). */
async function calendarNow(project: Project): Promise<Calendar> {
  const bytes = await readFile(project.calendar.file);
  if (createHash("sha256").update(bytes).digest("hex") === project.calendar.sha256) return project.calendar;
  return loadCalendar(project.calendar.file, project.config);
}

/** One `failover publish` at a time per calendar: `.failover/publish.lock`, beside the journal. */
async function publishLock(calendarFile: string, waitMs: number | undefined) {
  const folder = join(dirname(calendarFile), JOURNAL_FOLDER);
  await mkdir(folder, { recursive: true });
  try {
    return await acquireLock(join(folder, "publish"), waitMs !== undefined ? { waitMs } : {});
  } catch (error) {
    if (!(error instanceof LockedError)) throw error;
    throw new LockedError(calendarFile, `another \`failover publish\` is sending its posts; this run sent nothing (${error.message.replace(/^.*?is being changed by another failover run /, "")})`);
  }
}

/** Due posts, and posts an interrupted run began sending (they finish now, however late), rendered. */
async function selectJobs(project: Project, journal: Journal, options: PublishOptions, report: PublishReport): Promise<Job[]> {
  const { calendar, config } = project;
  const due = duePosts(calendar, config, { now: options.now, lateMs: options.lateMs ?? DEFAULT_LATE_MS, ...(options.channels ? { channels: options.channels } : {}) });
  const started = calendar.posts.filter((p) => p.status === "scheduled" && journal.posts.get(p.id)?.steps.size && !due.includes(p));
  const jobs: Job[] = [];
  for (const post of [...started, ...due]) {
    if (journal.posts.get(post.id)?.result) continue; // decided already; written back above
    const channel = resolveChannel(config, post.channel)!;
    const publisher = publisherFor(channel.platform);
    if (!publisher || !channel.publish) continue;
    const rendered = rewritePost(post, { channel, source: channel }, config.handles);
    const parts = post.thread ?? rendered.thread ?? [rendered.text];
    if (!rendered.ok) {
      await failPost(journal, report, post, channel.name, options.now, `not sent: ${rendered.problems.join("; ")}`, "fix the post in the calendar (or add a variant for this platform), then clear its status");
      continue;
    }
    jobs.push({ post, channel, publisher, rendered, parts });
  }
  return jobs;
}

async function holdDownChannels(jobs: Job[], project: Project, options: PublishOptions, report: PublishReport): Promise<void> {
  if (jobs.length === 0) return;
  const health = healthMap(await options.readHealth([...new Set(jobs.map((j) => j.channel.name))]));
  for (const job of jobs) {
    if (!isDown({ health, config: project.config, strict: false }, job.channel.name)) continue;
    const status = health.get(job.channel.name)!;
    report.held.push({ postId: job.post.id, channel: job.channel.name, reason: `${job.channel.name} is ${status.replace("_", " ")}: not sent; \`failover reroute\` can move it to a backup` });
  }
}

/** A refusal that goes into the calendar as `status: failed`. */
function failPost(journal: Journal, report: PublishReport, post: Post, channel: string, now: number, error: string, hint?: string): Promise<void> {
  report.failed.push({ postId: post.id, channel, error, retryable: false, ...(hint ? { hint } : {}) });
  if (report.dryRun) return Promise.resolve();
  return journal.append({ t: "result", post: post.id, channel, outcome: "failed", at: iso(now), error });
}

interface RunState {
  project: Project;
  journal: Journal;
  options: PublishOptions;
  report: PublishReport;
  baseDir: string;
  /** Journal lines under way, all waited for before the write-back. */
  writes: Array<Promise<void>>;
}

async function sendAll(jobs: Job[], state: RunState): Promise<void> {
  const { options, project } = state;
  const deadline = performance.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const http = new PublishHttp({ userAgent: PUBLISH_USER_AGENT, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, secrets: project.config.secrets });
  const signal = options.signal ?? new AbortController().signal;
  // Every request under way listens to the run's signal: many listeners are expected here.
  setMaxListeners(0, signal);
  const byChannel = new Map<string, Job[]>();
  for (const job of jobs) (byChannel.get(job.channel.name) ?? byChannel.set(job.channel.name, []).get(job.channel.name)!).push(job);
  try {
    await Promise.all([...byChannel.values()].map((channelJobs) => sendChannel(channelJobs, state, { http, deadline, signal })));
  } finally {
    await http.close();
  }
}

interface Limits {
  http: PublishHttp;
  deadline: number;
  signal: AbortSignal;
}

/** One channel's posts, in order: its settings and session once, then each post with retries. */
async function sendChannel(jobs: Job[], state: RunState, limits: Limits): Promise<void> {
  const { channel, publisher } = jobs[0]!;
  const { report, options } = state;
  const leftDue = (error: string, hint?: string) => {
    for (const j of jobs) report.failed.push({ postId: j.post.id, channel: channel.name, error, retryable: true, ...(hint ? { hint } : {}) });
  };
  const expanded = expandSettings(channel.name, channel.publish!, publisher.settings, state.project.config.env);
  if (!expanded.ok) return leftDue(expanded.error, "set it in the environment; the post stays due for the next run");
  const ctx: ChannelContext<unknown> = { settings: expanded.settings, channel: channel.name, channelConfig: channel, http: limits.http, baseDir: state.baseDir, now: options.now, signal: limits.signal };
  let session: unknown;
  try {
    session = publisher.session ? await retrying(() => publisher.session!(ctx), limits, options.random) : undefined;
  } catch (error) {
    // The account, not a post, was refused (a wrong password): nothing is written, the posts stay due.
    const f = asFailure(error);
    if (f.kind === "held") {
      for (const j of jobs) report.held.push({ postId: j.post.id, channel: channel.name, reason: f.message });
      return;
    }
    return leftDue(`cannot publish on ${channel.name}: ${f.message}`, f.details.hint);
  }
  try {
    await pool(jobs.map((job) => () => sendPost(job, ctx, session, state, limits)), Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  } finally {
    await publisher.close?.(session).catch(() => undefined);
  }
}

async function sendPost(job: Job, ctx: ChannelContext<unknown>, session: unknown, state: RunState, limits: Limits): Promise<void> {
  const { journal, report, options } = state;
  const { post, channel, publisher } = job;
  const step: Step = async (name, send) => {
    const known = journal.record(post.id).steps.get(name);
    if (known?.value) return known.value as never;
    const again = known?.intentAt ? { at: known.intentAt } : undefined;
    await journal.append({ t: "intent", post: post.id, channel: channel.name, step: name, at: again?.at ?? iso(options.now) });
    try {
      const value = await send(again);
      // Not waited for: lines reach the file in order, so the post's result (waited for) or the
      // next step's intent syncs it too; lost with a crash before then, the open intent is
      // recovered like any other (looked up, resent with its key, or uncertain).
      journal.append({ t: "done", post: post.id, step: name, value }).catch(() => undefined);
      return value;
    } catch (error) {
      // An answer that refused it, or no connection at all: nothing went out, the next try starts afresh.
      if (isPublishFailure(error) && (error.kind === "permanent" || error.kind === "held" || (error.kind === "transient" && !error.details.maybeSent))) {
        await journal.append({ t: "clear", post: post.id, step: name });
      }
      throw error;
    }
  };
  // Outcomes are not waited for one by one (the next post's intent, or the wait before the
  // write-back, syncs them): only an intent must be on disk before its send.
  const later = (write: Promise<void>) => {
    write.catch(() => undefined); // handled: Promise.all before the write-back reports it
    state.writes.push(write);
  };
  const record = (outcome: Outcome, extra: { url?: string; remoteId?: string; error?: string }) =>
    later(journal.append({ t: "result", post: post.id, channel: channel.name, outcome, at: iso(options.now), ...extra }));
  try {
    const done = await retrying(
      () => publisher.publish({ ...ctx, post, rendered: job.rendered, parts: job.parts, step, session }),
      limits,
      options.random,
      // A send with no answer to a platform that cannot be asked is not tried again: it is uncertain.
      (f) => !(f.details.maybeSent && publisher.recovery === "unknown"),
    );
    record("posted", { remoteId: done.remoteId, ...(done.url ? { url: done.url } : {}) });
    report.published.push({ postId: post.id, channel: channel.name, url: done.url ?? null, remoteId: done.remoteId });
  } catch (error) {
    const f = asFailure(error);
    if (f.kind === "held") {
      // Nothing went out and nothing is written: the post stays due until the channel can take it.
      report.held.push({ postId: post.id, channel: channel.name, reason: f.message });
    } else if (f.kind === "uncertain" || (f.kind === "transient" && f.details.maybeSent && publisher.recovery === "unknown")) {
      const reason = f.kind === "uncertain" ? f.message : `no answer (${f.message}): it may have arrived; not resent`;
      record("uncertain", { error: reason });
      report.uncertain.push({ postId: post.id, channel: channel.name, reason });
    } else if (f.kind === "permanent") {
      later(failPost(journal, report, post, channel.name, options.now, f.message, f.details.hint));
    } else {
      // Transient to the end of the run: left due, the next run tries again.
      report.failed.push({ postId: post.id, channel: channel.name, error: f.message, retryable: true, hint: "left due: the next run tries again" });
    }
  }
}

function asFailure(error: unknown): PublishFailure {
  if (isPublishFailure(error)) return error;
  // A bug in a publisher: the post stays due and the message says where it came from.
  return new PublishFailure("transient", `internal error: ${error instanceof Error ? error.message : String(error)}`, { maybeSent: true });
}

/** Transient failures tried again with backoff (or the server's Retry-After) while the deadline allows. */
async function retrying<T>(fn: () => Promise<T>, limits: Limits, random: () => number = Math.random, mayRetry: (f: PublishFailure) => boolean = () => true): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const f = asFailure(error);
      if (f.kind !== "transient" || !mayRetry(f) || attempt >= MAX_ATTEMPTS || limits.signal.aborted) throw f;
      const wait = f.details.retryAfterMs ?? 500 * 2 ** (attempt - 1) * (0.5 + random());
      if (performance.now() + wait >= limits.deadline) {
        throw new PublishFailure("transient", `${f.message}${f.details.retryAfterMs !== undefined ? `; Retry-After ${Math.ceil(f.details.retryAfterMs / 1000)} s is past the run's deadline` : "; no time left to retry"}`, f.details);
      }
      await sleep(wait, limits.signal);
    }
  }
}

/** The journal's outcomes into the calendar (status, postedAt, url / error), then marked written. */
async function writeBack(project: Project, journal: Journal, postIds: readonly string[]): Promise<{ written?: string; backup?: string }> {
  const results = postIds.map((id) => journal.posts.get(id)!.result!);
  const written = await editCalendarFile({ calendarFile: project.calendar.file, config: project.config, calendar: project.calendar }, (calendar: Calendar) => {
    const byId = new Map(calendar.posts.map((p) => [p.id, p]));
    const ops: CalendarOp[] = [];
    for (const r of results) {
      const post = byId.get(r.post);
      // Gone from the calendar, or already marked (by hand, or by a run that died after writing): nothing to do.
      if (!post || post.status === r.outcome) continue;
      const set = (key: string, value: string) => ops.push({ op: "set", postIndex: post.index, key, value });
      set("status", r.outcome);
      if (r.outcome === "posted") {
        set("postedAt", r.at);
        if (r.url) set("url", r.url);
        if (post.error !== undefined) ops.push({ op: "delete", postIndex: post.index, key: "error" });
      } else {
        set("error", r.error ?? r.outcome);
      }
    }
    return ops;
  });
  await Promise.all(postIds.map((id) => journal.append({ t: "written", post: id })));
  return written;
}
