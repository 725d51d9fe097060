/**
 * The autopilot's drill: `failover run` over a simulated day (--now, --cycles, --step: a simulated
 * clock, no waiting) against a loopback status page that takes Instagram down and up, with a fake
 * Slack webhook. Moved once per outage, failed back after recovery, the expected alerts once each,
 * pause changes nothing, and `status --history` draws the outage as a band.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

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
  - id: evening-photo
    channel: instagram
    at: 2026-07-14T20:00
    text: "Golden hour with the bottle #AcmeBottle"
    backups: [bluesky]
  - id: never-auto
    channel: instagram
    at: 2026-07-14T12:00
    text: "Hands off: legal reviewed #AcmeBottle"
    backups: [bluesky]
    campaign: legal
`;

function config(url: string): string {
  return `version: 1
defaults: { failureThreshold: 1, successThreshold: 1 }
channels:
  instagram: { health: [{ kind: statuspage, url: ${url}/ig/api/v2/summary.json }] }
  bluesky: { health: [{ kind: statuspage, url: ${url}/up/api/v2/summary.json }] }
autopilot: { maxAutoMoves: 10, confirmFor: 10m, neverMove: { campaigns: [legal] } }
`;
}

let server: { child: ChildProcess; url: string };
let dir: string;

beforeAll(async () => {
  // Cycles every 30 minutes from 00:00: Instagram is down for checks 17..24 (08:00 to 11:30).
  server = await startServer(17, 24);
  dir = mkdtempSync(join(tmpdir(), "failover-drill-"));
  writeFileSync(join(dir, "calendar.yaml"), CALENDAR);
  writeFileSync(join(dir, "failover.yaml"), config(server.url));
});
afterAll(() => server.child.kill());

const alertsSent = async () => (await (await fetch(`${server.url}/alerts`)).json()) as { igHits: number; alerts: Array<{ text: string }> };

describe("failover run over a simulated day", () => {
  it("moves once, fails back, alerts once per kind, and status --history shows the band", async () => {
    const paused = await runCli(["pause", "drill", "-c", join(dir, "calendar.yaml")]);
    expect(paused.code).toBe(0);
    const before = readFileSync(join(dir, "calendar.yaml"), "utf8");
    // Paused: health is read and recorded, nothing changes, no plan is applied.
    const quiet = await runCli(["run", "--now", "2026-07-14T00:00Z", "--cycles", "1", "--step", "30m", "--apply", "auto", "-c", join(dir, "calendar.yaml"), "--config", join(dir, "failover.yaml")], { timeoutMs: 60_000 });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toContain("paused (drill");
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
    expect((await runCli(["resume", "-c", join(dir, "calendar.yaml")])).code).toBe(0);
    expect(existsSync(join(dir, ".failover", "pause"))).toBe(false);

    // The day: 47 more cycles, half an hour apart, from 00:30.
    const day = await runCli(
      ["run", "--now", "2026-07-14T00:30Z", "--cycles", "47", "--step", "30m", "--apply", "auto", "--json", "--notify", `${server.url}/slack`, "-c", join(dir, "calendar.yaml"), "--config", join(dir, "failover.yaml")],
      { timeoutMs: 120_000 },
    );
    expect(day.stderr).not.toContain("warning");
    const cycles = day.stdout.trim().split("\n").map((l) => JSON.parse(l) as { at: string; down: string[]; moved: Array<{ postId: string }>; failedBack: string[]; held: Array<{ postId: string }> });
    expect(cycles).toHaveLength(47);
    const moved = cycles.flatMap((c) => c.moved.map((m) => m.postId));
    expect(moved.sort()).toEqual(["evening-photo", "morning-reel"]);
    // Not before the quiet period: down at 08:00, moved at 08:30 (confirmFor 10m).
    expect(cycles.find((c) => c.moved.length > 0)!.at).toBe("2026-07-14T08:30:00Z");
    expect(cycles.flatMap((c) => c.failedBack)).toEqual(["evening-photo"]);
    expect(cycles.some((c) => c.held.some((h) => h.postId === "never-auto"))).toBe(true);

    const { alerts } = await alertsSent();
    const titles = alerts.map((a) => a.text.split("\n")[0]);
    expect(titles).toEqual([
      "*failover: instagram is down: verdict covered*",
      "*failover: posts on instagram wait for a person's approval*",
      "*failover: moved posts away from instagram*",
      "*failover: all channels healthy again: verdict go*",
      "*failover: failback done: moved posts are back on their channel*",
    ]);
    expect(alerts[2]!.text).toContain("morning-reel: instagram 2026-07-14T11:00");

    const calendar = readFileSync(join(dir, "calendar.yaml"), "utf8");
    expect(calendar).toContain("morning-reel--bluesky");
    expect(calendar).not.toContain("evening-photo--bluesky\n    channel: bluesky\n    at");

    const history = await runCli(["status", "--history", "24h", "--now", "2026-07-15T00:00Z", "-c", join(dir, "calendar.yaml"), "--config", join(dir, "failover.yaml")]);
    expect(history.code).toBe(0);
    const row = history.stdout.split("\n").find((l) => l.startsWith("instagram"))!;
    // 48 half-hour cells: the outage 08:00-11:30 is cells 16..23.
    const cells = row.slice(row.indexOf("│") + 1, row.lastIndexOf("│"));
    expect(cells).toBe("·".repeat(16) + "█".repeat(8) + "·".repeat(24));
  }, 240_000);
});

describe("failover run stopped by SIGTERM", () => {
  it("finishes the cycle under way, exits 143, and leaves the calendar whole", async () => {
    const here = mkdtempSync(join(tmpdir(), "failover-term-"));
    cpSync(fileURLToPath(new URL("../../fixtures/demo/", import.meta.url)), here, { recursive: true });
    const child = spawn(process.execPath, [fileURLToPath(new URL("../../bin/failover.js", import.meta.url)), "run", "--every", "1s", "--apply", "auto", "--now", "2026-07-14T08:00", "--assume", "instagram=major_outage", "--config", "config/failover.yaml"], { cwd: here, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        // The second cycle starts right after the first line: the signal lands mid-cycle or in the wait.
        if (stderr.includes("\n") && child.signalCode === null && !child.killed) child.kill("SIGTERM");
      });
      child.on("close", resolve);
    });
    expect(code).toBe(143);
    expect(stderr).toContain("SIGTERM; finishing the cycle under way");
    const check = await runCli(["validate", "--config", "config/failover.yaml", "--now", "2026-07-14T08:00"], { cwd: here });
    expect(check.code).toBe(0);
  }, 60_000);
});
