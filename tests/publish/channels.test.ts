/** The publish block in the config, Discord and JSON webhooks, and Mastodon's hour-long key. */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";
import { NOW, publishEnv, publishProject, startFakes, type Fakes } from "../helpers/publish-fakes.js";

let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await fakes.close();
});

describe("publish blocks in the config", () => {
  it("are checked against the platform's shape, with file:line:col; a platform that cannot publish says so", async () => {
    const dir = tempProject({
      "config/failover.yaml": `version: 1
channels:
  bluesky:
    platform: bluesky
    publish: { identifer: acme.test, password: "\${BLUESKY_APP_PASSWORD}" }
  team:
    platform: webhook
    publish: { url: "https://hooks.example/x", format: teams }
  insta:
    platform: tiktok
    publish: { token: x }
`,
      "calendar.yaml": "version: 1\nposts: []\n",
    });
    const r = await runCli(["validate"], { cwd: dir, env: { BLUESKY_APP_PASSWORD: "x-secret-x" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/failover\.yaml:5:\d+ error: channels\.bluesky\.publish\.identifer: unknown key "identifer" \(did you mean "identifier"\?\)/);
    expect(r.stderr).toMatch(/failover\.yaml:8:\d+ error: channels\.team\.publish\.format/);
    expect(r.stderr).toMatch(/failover\.yaml:11:\d+ error: channels\.insta\.publish: failover cannot publish to tiktok yet/);
  });
});

describe("webhooks", () => {
  it("Discord gets {content} and answers the message; a JSON webhook gets the post and its rendering", async () => {
    const dir = publishProject(fakes, `  - { id: d, channel: discord, at: "2026-07-14T10:00", text: "to discord" }\n  - { id: j, channel: hook, at: "2026-07-14T10:00", text: "to json", link: "https://acme.example/x" }\n`);
    appendFileSync(join(dir, "config", "failover.yaml"), `  discord:
    platform: webhook
    health: [{ kind: manual, status: operational }]
    publish: { url: "${fakes.http}/discord/1000/secret-discord-token", format: discord }
  hook:
    platform: webhook
    health: [{ kind: manual, status: operational }]
    publish: { url: "${fakes.http}/hook/json", format: json }
`);
    const r = await runCli(["publish", "--now", NOW, "--yes", "--json"], { cwd: dir, env: publishEnv(fakes) });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const discord = report.published.find((p: { postId: string }) => p.postId === "d");
    expect(discord.remoteId).toMatch(/^\d{19}$/);
    const s = await fakes.state();
    expect(s.discord.at(-1)!.content).toBe("to discord");
    expect(s.json.at(-1)).toMatchObject({ schemaVersion: 1, post: { id: "j", channel: "hook", link: "https://acme.example/x" }, rendered: { text: expect.stringContaining("to json") }, idempotencyKey: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });
});

describe("Mastodon after an interrupted run", () => {
  it("resends with the same Idempotency-Key within the hour (one status), and calls it uncertain after", async () => {
    const dir = publishProject(fakes, `  - { id: fresh, channel: mastodon, at: "2026-07-14T10:00", text: "interrupted recently" }\n  - { id: stale, channel: mastodon, at: "2026-07-14T09:30", text: "interrupted long ago" }\n`);
    mkdirSync(join(dir, ".failover"));
    writeFileSync(
      join(dir, ".failover", "publish-journal.jsonl"),
      [
        { t: "intent", post: "fresh", channel: "mastodon", step: "part0", at: "2026-07-14T10:05:00.000Z" },
        { t: "intent", post: "stale", channel: "mastodon", step: "part0", at: "2026-07-14T09:05:00.000Z" },
      ].map((e) => JSON.stringify(e) + "\n").join(""),
    );
    const before = (await fakes.state()).statuses.length;
    const r = await runCli(["publish", "--now", NOW, "--yes", "--json"], { cwd: dir, env: publishEnv(fakes) });
    expect(r.code).toBe(6);
    const report = JSON.parse(r.stdout);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["fresh"]);
    expect(report.uncertain).toEqual([expect.objectContaining({ postId: "stale", reason: expect.stringContaining("Idempotency-Key") })]);
    expect((await fakes.state()).statuses.length).toBe(before + 1);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toMatch(/id: stale,.*status: uncertain/);
  });
});
