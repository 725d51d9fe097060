/**
 * The platform fakes (tests/fakes/platforms.mjs) in their own process, and a project that
 * publishes to them: Bluesky, Mastodon, a Slack webhook and an e-mail list.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT, tempProject } from "./cli.js";

export interface FakeState {
  records: Record<string, { uri: string; cid: string; value: { text: string; facets?: unknown[]; embed?: { images: Array<{ alt: string }> }; reply?: { root: { uri: string }; parent: { uri: string } }; langs?: string[] } }>;
  statuses: Array<{ id: string; text: string; in_reply_to_id: string | null; media_attachments: Array<{ description: string | null }>; idempotencyKey: string | null; language: string | null }>;
  slack: Array<{ text: string }>;
  discord: Array<{ content: string }>;
  json: unknown[];
  mails: Array<{ from: string; to: string[]; raw: string }>;
  blobs: number;
  requests: number;
}

export interface Fakes {
  http: string;
  smtp: number;
  state(): Promise<FakeState>;
  /** Faults by path prefix: { "/masto/api/v1/statuses": { status: 503, times: 2 } }, and latencyMs. */
  faults(faults: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startFakes(): Promise<Fakes> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "tests", "fakes", "platforms.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", (line) => (rl.close(), resolve(line)));
    child.once("exit", (code) => reject(new Error(`the fake server exited (${code})`)));
  });
  const { http, smtp } = JSON.parse(first) as { http: string; smtp: number };
  return {
    http,
    smtp,
    state: async () => (await (await fetch(`${http}/__state`)).json()) as FakeState,
    faults: async (faults) => void (await fetch(`${http}/__faults`, { method: "POST", body: JSON.stringify(faults) })),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export const SECRETS = { BLUESKY_APP_PASSWORD: "app-pass-1234", MASTODON_TOKEN: "masto-token-5678" };

export function publishEnv(fakes: Fakes): Record<string, string> {
  return { ...SECRETS, SLACK_WEBHOOK_URL: `${fakes.http}/slack/T000/B000/secret-slack-hook` };
}

export function publishConfig(fakes: Fakes): string {
  return `version: 1
handles:
  friend: { bluesky: "@friend.test", mastodon: "@friend@masto.test", linkedin: "@[Friend Co](urn:li:organization:2414183)" }
channels:
  bluesky:
    platform: bluesky
    health: [{ kind: manual, status: operational }]
    publish: { service: "${fakes.http}/bsky", identifier: acme.test, password: "\${BLUESKY_APP_PASSWORD}" }
  mastodon:
    platform: mastodon
    health: [{ kind: manual, status: operational }]
    publish: { instance: "${fakes.http}/masto", token: "\${MASTODON_TOKEN}" }
  team:
    platform: webhook
    health: [{ kind: manual, status: operational }]
    publish: { url: "\${SLACK_WEBHOOK_URL}", format: slack }
  newsletter:
    platform: email
    health: [{ kind: manual, status: operational }]
    publish: { smtp: "smtp://127.0.0.1:${fakes.smtp}", from: "Acme <news@acme.example>", to: [subscribers@lists.acme.example] }
`;
}

/** A project publishing to the fakes, with this calendar (its `posts:` items as YAML text). */
export function publishProject(fakes: Fakes, posts: string): string {
  const dir = tempProject({ "config/failover.yaml": publishConfig(fakes), "calendar.yaml": `version: 1\ntimezone: UTC\nposts:\n${posts}` });
  mkdirSync(join(dir, "assets"), { recursive: true });
  // A PNG's signature and a few bytes: the fakes store blobs by size and type, not pixels.
  writeFileSync(join(dir, "assets", "teaser.png"), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]));
  return dir;
}

export const NOW = "2026-07-14T10:10:00Z";
