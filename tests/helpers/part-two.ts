/**
 * A project publishing to the part-two fakes (tests/fakes/part-two.mjs: X, LinkedIn, Threads,
 * Facebook Pages, Instagram, Pinterest), one channel each, and the CLI run against it.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "./cli.js";
import { NOW, publishEnv, publishProject, type Fakes } from "./publish-fakes.js";

export const PART_TWO_TOKENS = { X_TOKEN: "x-user-token", X_API_KEY: "x-api-key", X_API_SECRET: "x-api-secret", X_ACCESS_TOKEN: "x-access-token", X_ACCESS_SECRET: "x-access-secret", LINKEDIN_TOKEN: "li-token", THREADS_TOKEN: "threads-token", FACEBOOK_PAGE_TOKEN: "fb-page-token", INSTAGRAM_TOKEN: "ig-token", PINTEREST_TOKEN: "pin-token" };

export const PART_TWO_CHANNELS = ["x", "linkedin", "threads", "facebook", "instagram", "pinterest"] as const;

/** One image with its alt text, as a calendar post's `media:`. */
export const IMG = `media: [{ path: assets/teaser.png, kind: image, alt: "a green bottle" }]`;

export interface ChannelOptions {
  mediaBaseUrl?: boolean;
  xAuth?: "oauth1" | "oauth2";
}

function channels(fakes: Fakes, opts: ChannelOptions): string {
  const base = opts.mediaBaseUrl === false ? "" : `, mediaBaseUrl: "https://cdn.acme.example/launch/"`;
  const x = opts.xAuth === "oauth2" ? `token: "\${X_TOKEN}"` : `apiKey: "\${X_API_KEY}", apiSecret: "\${X_API_SECRET}", accessToken: "\${X_ACCESS_TOKEN}", accessSecret: "\${X_ACCESS_SECRET}"`;
  const ch = (name: string, platform: string, publish: string) => `  ${name}:\n    platform: ${platform}\n    health: [{ kind: manual, status: operational }]\n    publish: { api: "${fakes.http}/${publish} }\n`;
  return [
    ch("x", "x", `x", ${x}`),
    ch("linkedin", "linkedin", `li", token: "\${LINKEDIN_TOKEN}", author: "urn:li:organization:1234567"`),
    ch("threads", "threads", `threads", userId: "17841400000000000", token: "\${THREADS_TOKEN}"${base}`),
    ch("facebook", "facebook", `fb", pageId: "102938475610293", token: "\${FACEBOOK_PAGE_TOKEN}"`),
    ch("instagram", "instagram", `ig", userId: "17841400000000001", token: "\${INSTAGRAM_TOKEN}"${base}`),
    ch("pinterest", "pinterest", `pin", boardId: "549755885175", token: "\${PINTEREST_TOKEN}"`),
  ].join("");
}

/** A project with the six channels and these posts (YAML items); `files` adds files under assets/. */
export function partTwoProject(fakes: Fakes, posts: string, opts: ChannelOptions = {}, files: Record<string, Buffer> = {}): string {
  const dir = publishProject(fakes, posts);
  appendFileSync(join(dir, "config", "failover.yaml"), channels(fakes, opts));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, "assets", name), bytes);
  return dir;
}

/** The environment a part-two run needs: the open platforms' secrets and the six tokens. */
export const partTwoEnv = (fakes: Fakes, env: Record<string, string> = {}) => ({ ...publishEnv(fakes), ...PART_TWO_TOKENS, ...env });

export async function publishPartTwo(fakes: Fakes, dir: string, env: Record<string, string> = {}, args: string[] = []) {
  // 45 s, not runCli's 20: a run polls Graph containers a second apart, slow on a loaded machine.
  const r = await runCli(["publish", "--now", NOW, "--yes", "--json", ...args], { cwd: dir, env: partTwoEnv(fakes, env), timeoutMs: 45_000 });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
}
