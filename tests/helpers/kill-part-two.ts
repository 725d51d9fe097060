/**
 * kill -9 at a chosen request, then a rerun, across X, LinkedIn, Threads, Facebook Pages,
 * Instagram and Pinterest (and one Bluesky and one Mastodon post): the fake (own process) stops
 * answering its `stallAt`-th request (with `after`, once it has carried it out: the platform acted
 * and the answer was lost), the test kills the CLI there, runs it again and checks that nothing
 * went out twice: posted once where the platform allows a safe retry (Graph containers, Bluesky
 * record keys, Mastodon idempotency keys), at most once and `uncertain` when its answer was lost
 * elsewhere. Used by tests/publish/kill-part-two.test.ts (fixed cases) and the randomized
 * tests/publish/kill-part-two.slow.test.ts.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { BIN, runCli } from "./cli.js";
import { NOW, startFakes, type Fakes } from "./publish-fakes.js";
import { partTwoEnv, partTwoProject } from "./part-two.js";

const story = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `The ${topic} story, sentence ${i + 1}.`).join(" ");
const img = (alt: string) => `{ path: assets/teaser.png, kind: image, alt: "${alt}" }`;

const POSTS = [
  `  - { id: x1, channel: x, at: "2026-07-14T10:00", text: "${story("X", 14)}", media: [${img("x alt")}] }`,
  `  - { id: l1, channel: linkedin, at: "2026-07-14T10:00", text: "LinkedIn launch (with @friend.test) #Launch", media: [${img("li alt")}] }`,
  `  - { id: t1, channel: threads, at: "2026-07-14T10:00", text: "${story("Threads", 20)}", media: [${img("threads alt")}] }`,
  `  - { id: f1, channel: facebook, at: "2026-07-14T10:00", text: "Facebook launch", media: [${img("fb one")}, ${img("fb two")}] }`,
  `  - { id: i1, channel: instagram, at: "2026-07-14T10:00", text: "Instagram launch", media: [${img("ig one")}, ${img("ig two")}] }`,
  `  - { id: p1, channel: pinterest, at: "2026-07-14T10:00", title: "Pin", text: "Pinterest launch", media: [${img("pin alt")}] }`,
  `  - { id: b1, channel: bluesky, at: "2026-07-14T10:00", text: "Bluesky launch" }`,
  `  - { id: m1, channel: mastodon, at: "2026-07-14T10:00", text: "Mastodon launch" }`,
].join("\n") + "\n";

/** Platforms a killed send can be recovered on without a double; the others end `uncertain` instead. */
const EXACT = new Set(["t1", "i1", "b1", "m1"]);

interface Sent {
  tweets: Array<{ text: string; replyTo: string | null }>;
  linkedin: unknown[];
  threads: Array<{ text: string; replyTo: string | null }>;
  facebook: unknown[];
  instagram: unknown[];
  pins: unknown[];
  records: Record<string, { value: { text: string; reply?: unknown } }>;
  statuses: Array<{ text: string; in_reply_to_id: string | null }>;
  requests: number;
  containers: Record<string, { kind: string }>;
  stalled?: { at: number; path: string; after: boolean };
}

/** A CLI run's limit here (runCli's default is 20 s). */
const RUN_LIMIT_MS = 120_000;

const state = async (fakes: Fakes) => (await fakes.state()) as unknown as Sent;

/** Runs publish; kills it (SIGKILL) once the fake has stalled on its request. Resolves with where it stalled, if it did. */
function runUntilStalled(fakes: Fakes, dir: string): Promise<Sent["stalled"]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "publish", "--now", NOW, "--yes", "-q", "--timeout", "60s"], { cwd: dir, env: { ...process.env, ...partTwoEnv(fakes), CI: "true" }, stdio: "ignore" });
    let over = false;
    let stalled: Sent["stalled"];
    const poll = async () => {
      while (!over) {
        stalled = (await state(fakes)).stalled;
        if (stalled) return void child.kill("SIGKILL");
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    void poll();
    child.on("exit", () => ((over = true), resolve(stalled)));
  });
}

/** Each post's root on its platform: how many went out. */
function rootsOf(s: Sent): Record<string, number> {
  return {
    x1: s.tweets.filter((t) => !t.replyTo).length,
    l1: s.linkedin.length,
    t1: s.threads.filter((t) => !t.replyTo).length,
    f1: s.facebook.length,
    i1: s.instagram.length,
    p1: s.pins.length,
    b1: Object.values(s.records).filter((r) => !r.value.reply).length,
    m1: s.statuses.filter((x) => !x.in_reply_to_id).length,
  };
}

export interface KillPoint {
  /** The n-th request (counting only those to `path`, when given) is where the run dies. */
  killAt: number;
  /** Carried out by the platform before the kill (its answer lost), or never reached it. */
  after: boolean;
  path?: string;
}

export interface KillOutcome {
  stalled: Sent["stalled"];
  /** Each post's status in the calendar after the rerun. */
  statuses: Record<string, string>;
  /** Graph containers per platform when the run was killed, and after the rerun. */
  containers: { atKill: Record<string, number>; after: Record<string, number> };
}

const containersByKind = (s: Sent) => Object.values(s.containers).reduce<Record<string, number>>((n, c) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }), {});

/** kill -9 at a request, a rerun, and the checks. */
export async function killAndRerun(point: KillPoint): Promise<KillOutcome> {
  const { killAt, after, path } = point;
  const fakes = await startFakes();
  try {
    const dir = partTwoProject(fakes, POSTS);
    await fakes.faults({ stallAt: killAt, stallAfter: after, ...(path ? { stallPath: path } : {}) });
    const stalled = await runUntilStalled(fakes, dir);
    const atKill = containersByKind(await state(fakes));
    await fakes.faults({});
    // Generous: a loaded machine runs the rerun (two Graph containers polled, a thread) slowly.
    const r = await runCli(["publish", "--now", NOW, "--yes", "--json"], { cwd: dir, env: partTwoEnv(fakes), timeoutMs: RUN_LIMIT_MS });
    const where = `killed at request ${killAt}${path ? ` to ${path}` : ""}${after ? " (after it was carried out)" : ""}: ${JSON.stringify(stalled)}`;
    expect([0, 6], `${where}\n${r.stderr}`).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.failed, where).toEqual([]);
    expect(report.held, where).toEqual([]);
    const s = await state(fakes);
    const calendar = readFileSync(join(dir, "calendar.yaml"), "utf8");
    const statuses: Record<string, string> = {};
    const roots = rootsOf(s);
    for (const [id, sent] of Object.entries(roots)) {
      const status = new RegExp(`id: ${id},.*status: (\\w+)`).exec(calendar)?.[1] ?? "scheduled";
      statuses[id] = status;
      if (EXACT.has(id)) {
        expect(status, `${id}, ${where}`).toBe("posted");
        expect(sent, `${id} sent once, ${where}`).toBe(1);
      } else {
        expect(["posted", "uncertain"], `${id}, ${where}`).toContain(status);
        if (status === "posted") expect(sent, `${id} sent once, ${where}`).toBe(1);
        else expect(sent, `${id} sent at most once, ${where}`).toBeLessThanOrEqual(1);
      }
    }
    // No part of a thread twice (X also refuses a duplicate text: that would be a failure above).
    for (const list of [s.tweets, s.threads]) expect(new Set(list.map((t) => t.text)).size, where).toBe(list.length);
    // A third run sends nothing more.
    const third = await runCli(["publish", "--now", NOW, "--yes"], { cwd: dir, env: partTwoEnv(fakes), timeoutMs: RUN_LIMIT_MS });
    expect(third.stdout, where).toContain("Nothing was due.");
    expect(rootsOf(await state(fakes)), where).toEqual(roots);
    return { stalled, statuses, containers: { atKill, after: containersByKind(s) } };
  } finally {
    await fakes.close();
  }
}
