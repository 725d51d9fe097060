/**
 * Shared by tests/hardening/hostile-publish.test.ts (`npm test`, the main faults) and
 * hostile-publish-all.test.ts (`npm run test:slow`, every fault). Publishing against platform APIs that misbehave (tests/fakes/hostile-platforms.mjs, in its own
 * process): no answer, a trickle, an endless body, garbage or truncated JSON, an HTML gateway page
 * echoing the credentials, 5xx/429 with odd Retry-After values, redirects to another host, a reset
 * mid-answer. Every run must end by itself within its deadline with each due post `failed` or
 * `uncertain` and a reason (exit 6), print no secret and no escape sequence, write no secret into
 * the calendar or the journal, and send no credential to the other host.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { expect } from "vitest";
import { ROOT, runCli } from "./cli.js";
import { publishProject, type Fakes } from "./publish-fakes.js";

const SECRETS = { BLUESKY_APP_PASSWORD: "hostile-app-pass-4321", MASTODON_TOKEN: "hostile-masto-token-8765" };
const HOOK_SECRET = "hostile-hook-secret-1357";
const NOW = "2026-07-14T10:10:00Z";

export interface HostileServer {
  http: string;
  modes: string[];
  close(): void;
}

/** The hostile platform server, in a process of its own. */
export async function startHostile(): Promise<HostileServer> {
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, "tests", "fakes", "hostile-platforms.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: server.stdout! });
    rl.once("line", (line) => (rl.close(), resolve(line)));
    server.once("exit", (code) => reject(new Error(`the hostile server exited (${code})`)));
  });
  const { http, modes } = JSON.parse(first) as { http: string; modes: string[] };
  return { http, modes, close: () => void server.kill("SIGTERM") };
}

/** The publishing project of publish-fakes.ts, its APIs under the fault's path (no post goes by e-mail). */
function project(http: string, mode: string): string {
  const fakes = { http: `${http}/${mode}`, smtp: 1 } as Fakes;
  return publishProject(fakes, `  - { id: sky-1, channel: bluesky, at: "2026-07-14T10:00", text: "Launch day on Bluesky", media: [{ path: assets/teaser.png, kind: image, alt: "The bottle" }] }
  - { id: sky-2, channel: bluesky, at: "2026-07-14T10:01", text: "And a second word on Bluesky" }
  - { id: masto-1, channel: mastodon, at: "2026-07-14T10:00", text: "Launch day on Mastodon", media: [{ path: assets/teaser.png, kind: image, alt: "The bottle" }] }
  - { id: hook-1, channel: team, at: "2026-07-14T10:05", text: "The launch post is out." }
`);
}

/** Every file under dir, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
}

const secretValues = [...Object.values(SECRETS), HOOK_SECRET];

async function publishAgainst(http: string, mode: string) {
  const dir = project(http, mode);
  const env = { ...SECRETS, SLACK_WEBHOOK_URL: `${http}/${mode}/slack/T000/B000/${HOOK_SECRET}` };
  // The deadline is the promise; the runner's own kill is only a backstop far beyond it.
  const r = await runCli(["publish", "--yes", "--json", "--now", NOW, "--deadline", "6s", "--timeout", "1500ms"], { cwd: dir, env, timeoutMs: 90_000 });
  return { dir, r };
}

/**
 * Publishes a project of Bluesky, Mastodon and webhook posts against each fault, several at once,
 * and checks the promises for each.
 */
export async function publishAgainstFaults(server: HostileServer, modes: readonly string[]): Promise<void> {
  const { http } = server;
  const results = new Map<string, Awaited<ReturnType<typeof publishAgainst>>>();
  // Eight at a time: each run mostly waits on its timers (and `npm test`'s seven all at once).
  for (let i = 0; i < modes.length; i += 8) {
    const batch = modes.slice(i, i + 8);
    const done = await Promise.all(batch.map((m) => publishAgainst(http, m)));
    batch.forEach((m, j) => results.set(m, done[j]!));
  }
  for (const [mode, { dir, r }] of results) {
    const where = `${mode}: exit ${r.code} ${r.signal ?? ""}\n${r.stderr}\n${r.stdout.slice(0, 3000)}`;
    expect(r.signal, `${where}\n(killed: the run did not end by itself)`).toBeNull();
    expect(r.code, where).toBe(6);
    expect(r.stderr, where).not.toMatch(/unexpected failure|internal error|\n\s+at .+:\d+:\d+/);
    const report = JSON.parse(r.stdout) as { published: unknown[]; failed: Array<{ postId: string; error: string }>; uncertain: Array<{ postId: string; reason: string }> };
    const ended = [...report.failed.map((f) => [f.postId, f.error]), ...report.uncertain.map((u) => [u.postId, u.reason])];
    // A webhook has no answer to read: a 200 is delivered, whatever its body says.
    const delivered = report.published.map((p) => (p as { postId: string }).postId);
    expect(delivered.filter((id) => id !== "hook-1"), where).toEqual([]);
    expect([...ended.map(([id]) => id), ...delivered].sort(), where).toEqual(["hook-1", "masto-1", "sky-1", "sky-2"]);
    for (const [, reason] of ended) {
      expect(reason!.length, where).toBeGreaterThan(3);
      // A publisher that read a field off garbage says "internal error": a bug, not a reason.
      expect(reason, where).not.toMatch(/internal error/);
    }
    const printed = r.stdout + r.stderr;
    for (const secret of secretValues) {
      expect(printed, `${mode} printed a secret`).not.toContain(secret);
      expect(printed, `${mode} printed part of a secret`).not.toContain(secret.slice(0, 12));
      expect(allText(dir), `${mode} wrote a secret into the project`).not.toContain(secret);
    }
    expect(printed, `${mode}: an escape sequence reached the output`).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
    expect(r.stdout.split("\n").some((l) => /^\s*::error/.test(l)), `${mode}: a workflow command reached stdout`).toBe(false);
  }
  // Nothing of ours reached the other host: no credentials, no secrets in a URL or a body.
  const other = (await (await fetch(`${http}/__other`)).json()) as Array<{ headers: Record<string, string>; url: string; body: string }>;
  for (const request of other) {
    expect(request.headers.authorization).toBeUndefined();
    for (const secret of secretValues) expect(JSON.stringify(request)).not.toContain(secret);
  }
}
