/**
 * `failover publish` as a user runs it, against loopback fakes of Bluesky, Mastodon, Slack and
 * SMTP in their own process (tests/fakes/platforms.mjs).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { NOW, publishEnv, publishProject, SECRETS, startFakes, type Fakes } from "../helpers/publish-fakes.js";

let fakes: Fakes;
beforeEach(async () => {
  fakes = await startFakes();
});
afterEach(async () => {
  await fakes.close();
});

const publish = (dir: string, ...args: string[]) => runCli(["publish", "--now", NOW, "--yes", ...args], { cwd: dir, env: publishEnv(fakes) });
const calendar = (dir: string) => readFileSync(join(dir, "calendar.yaml"), "utf8");

const LAUNCH = `  # the launch teaser: keep this comment
  - id: teaser
    channel: bluesky
    at: 2026-07-14T10:00
    lang: en
    text: "Big news ✨ https://acme.example/launch/2026/summer?utm=x with @friend #launch"
    media:
      - { path: assets/teaser.png, kind: image, alt: "Teaser: the new bottle" }
  - id: masto-1
    channel: mastodon
    at: 2026-07-14T10:00
    text: "Hello from the fediverse @friend https://acme.example #launch"
    media:
      - { path: assets/teaser.png, kind: image, alt: "The new bottle" }
  - id: slack-1
    channel: team
    at: 2026-07-14T10:05
    text: "The launch post is out."
  - id: mail-1
    channel: newsletter
    at: 2026-07-14T10:05
    title: Our launch
    text: "Dear reader, the launch is today: https://acme.example"
  - id: later
    channel: bluesky
    at: 2026-07-14T12:00
    text: "Not yet"
`;

describe("failover publish", () => {
  it("sends each due post once, with facets, alt text and the calendar updated; a second run sends nothing", async () => {
    const dir = publishProject(fakes, LAUNCH);
    const r = await publish(dir, "--json");
    expect(r.stderr).not.toContain("unexpected");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.published.map((p: { postId: string }) => p.postId).sort()).toEqual(["mail-1", "masto-1", "slack-1", "teaser"]);

    const s = await fakes.state();
    const [post] = Object.values(s.records);
    // Emoji before the link: offsets in UTF-8 bytes ("Big news " 9 + ✨ 3 + " " 1 = 13); the link shortened as the app does.
    expect(post!.value.text).toBe("Big news ✨ acme.example/launch/2026/... with @friend.test #launch");
    expect(post!.value.facets).toEqual([
      { index: { byteStart: 13, byteEnd: 41 }, features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://acme.example/launch/2026/summer?utm=x" }] },
      { index: { byteStart: 47, byteEnd: 59 }, features: [{ $type: "app.bsky.richtext.facet#mention", did: "did:plc:friendfriendfriend000002" }] },
      { index: { byteStart: 60, byteEnd: 67 }, features: [{ $type: "app.bsky.richtext.facet#tag", tag: "launch" }] },
    ]);
    expect(post!.value.embed!.images).toEqual([expect.objectContaining({ alt: "Teaser: the new bottle" })]);
    expect(post!.value.langs).toEqual(["en"]);
    expect(s.statuses).toHaveLength(1);
    expect(s.statuses[0]!.media_attachments[0]!.description).toBe("The new bottle");
    expect(s.statuses[0]!.idempotencyKey).toMatch(/^[0-9a-f]{40}$/);
    expect(s.slack).toEqual([{ text: "The launch post is out." }]);
    expect(s.mails).toHaveLength(1);
    expect(s.mails[0]!.raw).toMatch(/^Message-ID: <failover\.[0-9a-f]{24}@acme\.example>/m);
    expect(s.mails[0]!.raw).toMatch(/^Subject: Our launch/m);

    const text = calendar(dir);
    expect(text).toContain("# the launch teaser: keep this comment");
    const rkey = Object.keys(s.records)[0]!.split("/").pop();
    expect(text).toContain(`    status: posted\n    postedAt: 2026-07-14T10:10:00.000Z\n    url: https://bsky.app/profile/acme.test/post/${rkey}\n`);
    expect(text).toMatch(/id: later\n(.*\n){3}$/); // the post not yet due is untouched

    const again = await publish(dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing was due.");
    const after = await fakes.state();
    expect(Object.keys(after.records)).toHaveLength(1);
    expect(after.statuses).toHaveLength(1);
    expect(after.slack).toHaveLength(1);
    expect(after.mails).toHaveLength(1);
    // Secrets go nowhere but into requests.
    const journal = readFileSync(join(dir, ".failover", "publish-journal.jsonl"), "utf8");
    for (const secret of Object.values(SECRETS)) for (const where of [r.stdout, r.stderr, text, journal]) expect(where).not.toContain(secret);
    expect(r.stdout + journal).not.toContain("secret-slack-hook");
  });

  it("sends a long post as a thread of replies on Bluesky and Mastodon", async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} of the story.`).join(" ");
    const dir = publishProject(fakes, `  - { id: long-b, channel: bluesky, at: "2026-07-14T10:00", text: "${long}" }\n  - { id: long-m, channel: mastodon, at: "2026-07-14T10:00", text: "${long}" }\n`);
    const r = await publish(dir);
    expect(r.code).toBe(0);
    const s = await fakes.state();
    const records = Object.values(s.records);
    expect(records.length).toBeGreaterThan(1);
    const root = records.find((x) => !x.value.reply)!;
    for (const rec of records.filter((x) => x !== root)) expect(rec.value.reply!.root.uri).toBe(root.uri);
    expect(s.statuses.length).toBeGreaterThan(1);
    s.statuses.slice(1).forEach((st, i) => expect(st.in_reply_to_id).toBe(s.statuses[i]!.id));
    expect(s.statuses[0]!.in_reply_to_id).toBeNull();
  });

  it("writes a refusal (400) as failed with the platform's message, and exits 6", async () => {
    const dir = publishProject(fakes, `  - { id: refused, channel: bluesky, at: "2026-07-14T10:00", text: "hello" }\n  - { id: fine, channel: mastodon, at: "2026-07-14T10:00", text: "hello" }\n`);
    await fakes.faults({ "/bsky/xrpc/com.atproto.repo.createRecord": { status: 400, times: 5, body: { error: "InvalidRequest", message: "Invalid app.bsky.feed.post record: something the PDS dislikes" } } });
    const r = await publish(dir, "--json");
    expect(r.code).toBe(6);
    const report = JSON.parse(r.stdout);
    expect(report.failed).toEqual([expect.objectContaining({ postId: "refused", channel: "bluesky", retryable: false, error: expect.stringContaining("something the PDS dislikes") })]);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["fine"]);
    expect(calendar(dir)).toMatch(/id: refused, .*status: failed, error: ".*something the PDS dislikes"/);
    // Failed is final: the next run does not try it again.
    await fakes.faults({});
    const again = await publish(dir);
    expect(again.code).toBe(0);
    expect(Object.keys((await fakes.state()).records)).toHaveLength(0);
  });

  it("retries 503s and a 429 with Retry-After within the run", async () => {
    const dir = publishProject(fakes, `  - { id: a, channel: mastodon, at: "2026-07-14T10:00", text: "hello" }\n  - { id: b, channel: team, at: "2026-07-14T10:00", text: "hello" }\n`);
    await fakes.faults({ "/masto/api/v1/statuses": { status: 503, times: 2 }, "/slack/": { status: 429, retryAfter: 1, times: 1, body: "rate_limited" } });
    const r = await publish(dir);
    expect(r.code).toBe(0);
    const s = await fakes.state();
    expect(s.statuses).toHaveLength(1);
    expect(s.slack).toHaveLength(1);
  });

  it("leaves a post due when Retry-After is past the deadline, and the next run sends it", async () => {
    const dir = publishProject(fakes, `  - { id: a, channel: mastodon, at: "2026-07-14T10:00", text: "hello" }\n`);
    await fakes.faults({ "/masto/api/v1/statuses": { status: 429, retryAfter: 3600, times: 1 } });
    const r = await publish(dir, "--json");
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).failed).toEqual([expect.objectContaining({ postId: "a", retryable: true, error: expect.stringMatching(/429.*Retry-After 3600 s is past the run's deadline/) })]);
    expect(calendar(dir)).not.toContain("status:");
    const again = await publish(dir);
    expect(again.code).toBe(0);
    expect((await fakes.state()).statuses).toHaveLength(1);
  });

  it("on a slow server: a Bluesky post is looked up and sent once; a webhook with no answer is uncertain, never resent", async () => {
    const dir = publishProject(fakes, `  - { id: b, channel: bluesky, at: "2026-07-14T10:00", text: "hello" }\n  - { id: w, channel: team, at: "2026-07-14T10:00", text: "hello" }\n`);
    await fakes.faults({ "/bsky/xrpc/com.atproto.repo.createRecord": { hang: true, times: 1 }, "/slack/": { hang: true, times: 1 } });
    const r = await publish(dir, "--timeout", "1s", "--json");
    expect(r.code).toBe(6);
    const report = JSON.parse(r.stdout);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["b"]);
    expect(report.uncertain).toEqual([expect.objectContaining({ postId: "w", reason: expect.stringContaining("timed out") })]);
    expect(calendar(dir)).toMatch(/id: w[\s\S]*status: uncertain/);
    const again = await publish(dir);
    expect(again.code).toBe(0);
    const s = await fakes.state();
    expect(Object.keys(s.records)).toHaveLength(1);
    expect(s.slack).toHaveLength(0);
  });

  it("holds a post on a channel that is down; unknown health does not hold one", async () => {
    const dir = publishProject(fakes, `  - { id: b, channel: bluesky, at: "2026-07-14T10:00", text: "hello" }\n  - { id: m, channel: mastodon, at: "2026-07-14T10:00", text: "hello" }\n`);
    const r = await publish(dir, "--assume", "bluesky=major_outage", "--assume", "mastodon=unknown", "--json");
    expect(r.code).toBe(6);
    const report = JSON.parse(r.stdout);
    expect(report.held).toEqual([expect.objectContaining({ postId: "b", channel: "bluesky", reason: expect.stringContaining("major outage") })]);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["m"]);
    expect(Object.keys((await fakes.state()).records)).toHaveLength(0);
  });

  it("a missing secret fails only that channel, naming the variable; validate warns about it", async () => {
    const dir = publishProject(fakes, `  - { id: b, channel: bluesky, at: "2026-07-14T10:00", text: "hello" }\n  - { id: m, channel: mastodon, at: "2026-07-14T10:00", text: "hello" }\n`);
    const env = { ...publishEnv(fakes), BLUESKY_APP_PASSWORD: undefined as unknown as string };
    const r = await runCli(["publish", "--now", NOW, "--yes", "--json"], { cwd: dir, env });
    expect(r.code).toBe(6);
    const report = JSON.parse(r.stdout);
    expect(report.failed).toEqual([expect.objectContaining({ postId: "b", retryable: true, error: expect.stringContaining("BLUESKY_APP_PASSWORD is not set") })]);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["m"]);
    expect(calendar(dir)).not.toMatch(/id: b[^-]*status/);
    const v = await runCli(["validate", "--now", NOW], { cwd: dir, env });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/failover\.yaml:\d+:\d+ warning: channels\.bluesky\.publish\.password: environment variable BLUESKY_APP_PASSWORD is not set/);
  });

  it("marks a webhook or e-mail an interrupted run began sending as uncertain, and sends it never again", async () => {
    const dir = publishProject(fakes, `  - { id: w, channel: team, at: "2026-07-14T10:00", text: "hello" }\n  - { id: e, channel: newsletter, at: "2026-07-14T10:00", text: "hello" }\n`);
    const journal = [
      { t: "intent", post: "w", channel: "team", step: "send", at: "2026-07-14T10:01:00.000Z" },
      { t: "intent", post: "e", channel: "newsletter", step: "send", at: "2026-07-14T10:01:00.000Z" },
    ];
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(join(dir, ".failover"));
    writeFileSync(join(dir, ".failover", "publish-journal.jsonl"), journal.map((j) => JSON.stringify(j)).join("\n") + '\n{"t":"do');
    const r = await publish(dir, "--json");
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).uncertain.map((u: { postId: string }) => u.postId).sort()).toEqual(["e", "w"]);
    const s = await fakes.state();
    expect(s.slack).toHaveLength(0);
    expect(s.mails).toHaveLength(0);
    expect(calendar(dir).match(/status: uncertain/g)).toHaveLength(2);
  });

  it("an SMTP refusal is failed with the server's words", async () => {
    const dir = publishProject(fakes, `  - { id: e, channel: newsletter, at: "2026-07-14T10:00", title: "REJECT-ME", text: "hello" }\n`);
    const r = await publish(dir, "--json");
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).failed).toEqual([expect.objectContaining({ postId: "e", retryable: false, error: expect.stringContaining("554") })]);
  });

  it("--dry-run shows what is due and sends and writes nothing", async () => {
    const dir = publishProject(fakes, LAUNCH);
    const before = calendar(dir);
    const r = await runCli(["publish", "--now", NOW, "--dry-run"], { cwd: dir, env: publishEnv(fakes) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Due now (4):");
    expect(r.stdout).toContain("teaser → bluesky");
    expect(calendar(dir)).toBe(before);
    expect((await fakes.state()).requests).toBe(0);
  });

  it("refuses to publish without --yes when not on a terminal, and names an unknown channel", async () => {
    const dir = publishProject(fakes, LAUNCH);
    const r = await runCli(["publish", "--now", NOW], { cwd: dir, env: publishEnv(fakes) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--yes");
    const u = await publish(dir, "nosuch");
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('no channel "nosuch"');
    expect((await fakes.state()).requests).toBe(0);
  });
});
