/**
 * The autopilot's drill: `failover run --every` over a simulated day (--now, --cycles, --step: a
 * simulated clock, no waiting) against a loopback status page that takes Instagram down and up
 * (tests/autopilot/drill-server.mjs) and the publishing fakes with their Slack webhook
 * (tests/fakes/platforms.mjs), each in its own process. Moved once per outage, published once,
 * failed back after recovery, exactly the expected alerts, pause changes nothing, SIGTERM in the
 * middle of a cycle leaves the calendar whole, and `status --history` draws the outage as a band.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, tempProject } from "../helpers/cli.js";
import { publishConfig, publishEnv, startFakes, type Fakes } from "../helpers/publish-fakes.js";

const SERVER = fileURLToPath(new URL("./drill-server.mjs", import.meta.url));

function startServer(downFrom: number, downTo: number): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, String(downFrom), String(downTo)], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout!.once("data", (d: Buffer) => resolve({ child, url: `http://127.0.0.1:${d.toString().trim()}` }));
    child.once("error", reject);
  });
}

const CALENDAR = `version: 1
timezone: UTC
posts:
  - id: morning-reel
    channel: instagram
    at: 2026-07-14T11:00
    text: "Launch day! #AcmeBottle"
    backups: [bluesky]
    maxDelay: 3h
  - id: never-auto
    channel: instagram
    at: 2026-07-14T12:00
    text: "Hands off: legal reviewed #AcmeBottle"
    backups: [bluesky]
    campaign: legal
  - id: afternoon-skeet
    channel: bluesky
    at: 2026-07-14T15:00
    text: "Still fizzing #AcmeBottle"
  - id: toot
    channel: mastodon
    at: 2026-07-14T16:00
    text: "Launch recap #AcmeBottle"
  - id: evening-photo
    channel: instagram
    at: 2026-07-14T20:00
    text: "Golden hour with the bottle #AcmeBottle"
    backups: [bluesky]
`;

/** The publishing fakes' project config (Bluesky, Mastodon, the team's Slack webhook) with Instagram on the drill's status page. */
function config(status: string, fakes: Fakes): string {
  return `${publishConfig(fakes)}  instagram: { health: [{ kind: statuspage, url: ${status}/ig/api/v2/summary.json }] }
defaults: { failureThreshold: 1, successThreshold: 1 }
autopilot: { maxAutoMoves: 10, confirmFor: 10m, neverMove: { campaigns: [legal] } }
`;
}

let server: { child: ChildProcess; url: string };
let fakes: Fakes;

beforeAll(async () => {
  // Cycles every 30 minutes from 00:00: Instagram is down for checks 17..24 (08:00 to 11:30).
  [server, fakes] = await Promise.all([startServer(17, 24), startFakes()]);
});
afterAll(async () => {
  server.child.kill();
  await fakes.close();
});

interface Cycle {
  at: string;
  paused?: string;
  down: string[];
  moved: Array<{ postId: string; from: string; to: string }>;
  failedBack: string[];
  held: Array<{ postId: string; reason: string }>;
  publish?: { published: Array<{ postId: string }>; failed: Array<{ postId: string }> };
  alerts: Array<{ title: string }>;
}

describe("failover run over a simulated day", () => {
  it("moves once, publishes once, pauses, fails back, alerts exactly once per event, and status --history shows the band", async () => {
    const dir = tempProject({ "calendar.yaml": CALENDAR, "config/failover.yaml": config(server.url, fakes) });
    const env = { ...publishEnv(fakes), GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/calendar", GITHUB_RUN_ID: "42" };
    // A mastodon post refused for good (a 422, as Mastodon's Error entity): one "failed" alert.
    await fakes.faults({ "/masto/api/v1/statuses": { status: 422, times: 1, body: { error: "Validation failed: Text character limit of 500 exceeded" } } });
    const run = async (from: string, cycles: number) => {
      const r = await runCli(["run", "--now", from, "--every", "30m", "--cycles", String(cycles), "--step", "30m", "--apply", "auto", "--publish", "--json", "--notify", "team", "--notify", "newsletter"], { cwd: dir, env, timeoutMs: 120_000 });
      expect(r.stderr).not.toContain("warning");
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Cycle);
    };
    const calendar = () => readFileSync(join(dir, "calendar.yaml"), "utf8");

    const night = await run("2026-07-14T00:00Z", 16);
    expect(night.map((c) => [c.down, c.moved, c.alerts])).toEqual(Array(16).fill([[], [], []]));

    // Paused as Instagram goes down: health is read and recorded, the team hears of the outage, nothing changes.
    expect((await runCli(["pause", "launch", "under", "manual", "control"], { cwd: dir })).code).toBe(0);
    const before = calendar();
    const paused = await run("2026-07-14T08:00Z", 2);
    expect(paused.map((c) => [c.down, c.paused?.startsWith("launch under manual control"), c.moved])).toEqual(Array(2).fill([["instagram"], true, []]));
    expect(calendar()).toBe(before);
    expect((await runCli(["resume"], { cwd: dir })).code).toBe(0);

    const day = await run("2026-07-14T09:00Z", 30);
    const cycles = [...night, ...paused, ...day];
    expect(cycles).toHaveLength(48);
    const at = (time: string) => day.find((c) => c.at === `2026-07-14T${time}:00Z`)!;
    expect(at("09:00").moved.map((m) => `${m.postId}: ${m.from} → ${m.to}`)).toEqual(["morning-reel: instagram 2026-07-14T11:00:00Z → bluesky 2026-07-14T11:00:00Z", "evening-photo: instagram 2026-07-14T20:00:00Z → bluesky 2026-07-14T20:00:00Z"]);
    expect(day.flatMap((c) => c.moved)).toHaveLength(2);
    expect(day.flatMap((c) => c.held.map((h) => h.postId))).toContain("never-auto");
    expect(at("12:00").failedBack).toEqual(["evening-photo"]);
    expect(day.flatMap((c) => c.failedBack)).toHaveLength(1);
    expect(day.flatMap((c) => (c.publish?.published ?? []).map((p) => `${c.at} ${p.postId}`))).toEqual(["2026-07-14T11:00:00Z morning-reel--bluesky", "2026-07-14T15:00:00Z afternoon-skeet"]);
    expect(day.flatMap((c) => (c.publish?.failed ?? []).map((p) => `${c.at} ${p.postId}`))).toEqual(["2026-07-14T16:00:00Z toot"]);

    const state = await fakes.state();
    expect(Object.values(state.records).map((r) => r.value.text).sort()).toEqual(["Launch day!\n\n#AcmeBottle", "Still fizzing #AcmeBottle"]);
    expect(state.statuses).toEqual([]);
    const titles = state.slack.map((m) => m.text.split("\n")[0]);
    expect(titles).toEqual([
      "*failover: instagram is down: verdict covered*",
      "*failover: moved posts away from instagram*",
      "*failover: posts on instagram wait for a person's approval*",
      "*failover: all channels healthy again: verdict go*",
      "*failover: failback done: moved posts are back on their channel*",
      "*failover: a post failed to publish on mastodon*",
    ]);
    const [, moved, approval, , , failed] = state.slack.map((m) => m.text);
    expect(moved).toContain("channels: instagram\n• morning-reel: instagram 2026-07-14T11:00:00Z → bluesky 2026-07-14T11:00:00Z");
    expect(moved).toContain("<https://github.com/acme/calendar/actions/runs/42|the job>");
    expect(approval).toContain("• never-auto: campaign legal is in autopilot.neverMove");
    expect(approval).toContain("## failover reroute plan");
    expect(failed).toContain("• toot on mastodon: HTTP 422: post: Validation failed: Text character limit of 500 exceeded");
    expect(cycles.flatMap((c) => c.alerts)).toHaveLength(titles.length);
    // The same alerts by e-mail (the e-mail channel's publisher), the title as the subject.
    expect(state.mails.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1])).toEqual(titles.map((t) => t!.slice(1, -1)));

    expect(calendar()).toMatch(/id: morning-reel--bluesky\n(.*\n)*?\s+status: posted/);
    expect(calendar()).not.toContain("evening-photo--bluesky");

    const history = await runCli(["status", "--history", "24h", "--now", "2026-07-15T00:00Z"], { cwd: dir });
    expect(history.code).toBe(0);
    const row = history.stdout.split("\n").find((l) => l.startsWith("instagram"))!;
    // 48 half-hour cells: the outage 08:00-11:30 is cells 16..23.
    const cells = row.slice(row.indexOf("│") + 1, row.lastIndexOf("│"));
    expect(cells).toBe("·".repeat(16) + "█".repeat(8) + "·".repeat(24));
  }, 300_000);
});

describe("failover run stopped by SIGTERM", () => {
  it("finishes the cycle under way (its write included), exits 143, and leaves the calendar whole", async () => {
    const dir = tempProject({
      "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - id: launch-reel\n    channel: instagram\n    at: 2026-07-14T11:00\n    text: \"Launch day! #AcmeBottle\"\n    backups: [bluesky]\n",
      "config/failover.yaml": `version: 1\ndefaults: { failureThreshold: 1 }\nchannels:\n  instagram: { health: [{ kind: statuspage, url: ${server.url}/slow/api/v2/summary.json }] }\n  bluesky: { health: [{ kind: manual, status: operational }] }\nautopilot: { confirmFor: 1m }\n`,
    });
    // The first cycle sees the outage; the second, 5 minutes later, is past confirmFor and moves.
    expect((await runCli(["run", "--once", "--apply", "auto", "--now", "2026-07-14T08:00Z"], { cwd: dir })).code).toBe(0);
    const before = (await (await fetch(`${server.url}/hits`)).json()) as { slow: number };
    const child = spawn(process.execPath, [BIN, "run", "--every", "1m", "--apply", "auto", "--now", "2026-07-14T08:05Z"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    // The status page answers after 1.5 s: once it has the request, the cycle is under way.
    while (((await (await fetch(`${server.url}/hits`)).json()) as { slow: number }).slow === before.slow) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGTERM");
    expect(await closed).toBe(143);
    expect(stderr).toMatch(/SIGTERM; finishing the cycle under way, then stopping\n(.*\n)*failover run: 2026-07-14T08:05:00Z covered; down: instagram; moved 1 post/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toContain("id: launch-reel--bluesky");
    expect(readdirSync(dir).filter((f) => /lock|tmp/.test(f))).toEqual([]);
    const check = await runCli(["validate"], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
  }, 60_000);
});
