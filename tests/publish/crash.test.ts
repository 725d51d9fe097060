/**
 * Never twice: `failover publish` killed with SIGKILL at seeded random moments, then run again,
 * leaves every Bluesky and Mastodon post sent exactly once (and webhooks and e-mails at most once,
 * `uncertain` where their fate was lost); two runs started together send each post once. One
 * kill point in `npm test`, four in `npm run test:slow` (tests/helpers/soak.ts).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { NOW, publishEnv, publishProject, startFakes, type Fakes, type FakeState } from "../helpers/publish-fakes.js";
import { seededRandom } from "../helpers/random.js";
import { soakRuns } from "../helpers/soak.js";

const long = (n: number) => Array.from({ length: 30 }, (_, i) => `Part of story ${n}, sentence ${i + 1}.`).join(" ");
const POSTS = [
  `  - { id: b1, channel: bluesky, at: "2026-07-14T10:00", text: "first on bluesky https://acme.example #one" }`,
  `  - { id: b2, channel: bluesky, at: "2026-07-14T10:01", text: "${long(2)}" }`,
  `  - { id: b3, channel: bluesky, at: "2026-07-14T10:02", text: "third on bluesky", media: [{ path: assets/teaser.png, kind: image, alt: "a bottle" }] }`,
  `  - { id: m1, channel: mastodon, at: "2026-07-14T10:00", text: "first on mastodon" }`,
  `  - { id: m2, channel: mastodon, at: "2026-07-14T10:01", text: "${long(5)}" }`,
  `  - { id: m3, channel: mastodon, at: "2026-07-14T10:02", text: "third on mastodon", media: [{ path: assets/teaser.png, kind: image, alt: "a bottle" }] }`,
  `  - { id: w1, channel: team, at: "2026-07-14T10:00", text: "to the team" }`,
  `  - { id: e1, channel: newsletter, at: "2026-07-14T10:00", title: "News", text: "to the list" }`,
].join("\n") + "\n";

let fakes: Fakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

/** Runs publish and kills it (SIGKILL) once the fakes have received `requests` requests: mid-run, whatever the machine's speed. */
function runUntilKilled(dir: string, env: Record<string, string>, requests: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "publish", "--now", NOW, "--yes", "-q"], { cwd: dir, env: { ...process.env, ...env, CI: "true" }, stdio: "ignore" });
    let done = false;
    const poll = async () => {
      while (!done) {
        if ((await fakes!.state()).requests >= requests) return void child.kill("SIGKILL");
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    void poll();
    child.on("exit", () => ((done = true), resolve()));
  });
}

/** Every post of a channel once: as many root posts as posts, and no text twice. */
function expectOnce(s: FakeState): void {
  const records = Object.values(s.records).map((r) => r.value);
  expect(records.filter((r) => !r.reply)).toHaveLength(3);
  expect(new Set(records.map((r) => r.text)).size).toBe(records.length);
  expect(s.statuses.filter((x) => !x.in_reply_to_id)).toHaveLength(3);
  expect(new Set(s.statuses.map((x) => x.text)).size).toBe(s.statuses.length);
  expect(s.slack.length).toBeLessThanOrEqual(1);
  expect(s.mails.length).toBeLessThanOrEqual(1);
}

describe("failover publish, killed and run again", () => {
  const random = seededRandom(17);
  // About 17 requests make the whole run (logins, uploads, every post and thread part).
  const kills = Array.from({ length: 4 }, () => 1 + Math.floor(random() * 17)).slice(0, soakRuns(4));

  it.each(kills)("after kill -9 at the %i-th request, the rerun leaves each post sent exactly once", async (killAt) => {
    fakes = await startFakes();
    const dir = publishProject(fakes, POSTS);
    const env = publishEnv(fakes);
    // Slow answers, so the kill lands mid-run (before, between and after sends).
    await fakes.faults({ latencyMs: 40 });
    await runUntilKilled(dir, env, killAt);
    await fakes.faults({ latencyMs: 0 });
    const r = await runCli(["publish", "--now", NOW, "--yes", "--json"], { cwd: dir, env });
    expect([0, 6]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.failed).toEqual([]);
    expect(report.held).toEqual([]);
    const s = await fakes.state();
    expectOnce(s);
    const calendar = readFileSync(join(dir, "calendar.yaml"), "utf8");
    for (const id of ["b1", "b2", "b3", "m1", "m2", "m3"]) expect(calendar).toMatch(new RegExp(`id: ${id},.*status: posted`));
    // A webhook or e-mail: posted once, or uncertain (its send was cut off) and sent at most once.
    for (const [id, sent] of [["w1", s.slack.length], ["e1", s.mails.length]] as const) {
      const status = new RegExp(`id: ${id},.*status: (posted|uncertain)`).exec(calendar)?.[1];
      expect(status).toBeDefined();
      if (status === "posted") expect(sent).toBe(1);
    }
    // And a third run sends nothing more.
    const third = await runCli(["publish", "--now", NOW, "--yes"], { cwd: dir, env });
    expect(third.stdout).toContain("Nothing was due.");
    expect((await fakes.state()).statuses).toHaveLength(s.statuses.length);
  });

  it("two runs at once send each post once: the second waits for the first", async () => {
    fakes = await startFakes();
    const dir = publishProject(fakes, POSTS);
    const env = publishEnv(fakes);
    await fakes.faults({ latencyMs: 20 });
    const [a, b] = await Promise.all([0, 1].map(() => runCli(["publish", "--now", NOW, "--yes", "--json"], { cwd: dir, env })));
    for (const r of [a!, b!]) expect(r.code).toBe(0);
    const published = [a!, b!].flatMap((r) => JSON.parse(r.stdout).published.map((p: { postId: string }) => p.postId));
    expect(published.sort()).toEqual(["b1", "b2", "b3", "e1", "m1", "m2", "m3", "w1"]);
    const s = await fakes.state();
    expectOnce(s);
    expect(s.slack).toHaveLength(1);
    expect(s.mails).toHaveLength(1);
  });
});
