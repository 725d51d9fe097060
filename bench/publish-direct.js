#!/usr/bin/env node
// The baseline for the publish bench: the same HTTP calls `failover publish` makes for the
// calendar bench/publish.js writes (log in, read the instance, one create per post), made
// directly with fetch, with the same concurrency per channel and channels in parallel, and
// nothing else: no calendar, no health, no journal, no write-back.
// Usage: publish-direct.js <fake base URL> <id prefix> <posts per channel> <concurrency>
import { tidForPost } from "../dist/publish/tid.js";

const [base, prefix, perChannel, concurrency] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const AT = Date.parse("2026-07-14T10:00:00Z");
const json = (url, body, headers = {}) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

async function pool(tasks, limit) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < tasks.length) await tasks[next++]();
  }));
}
const posts = (channel) => Array.from({ length: perChannel }, (_, i) => ({ id: `${prefix}-${channel}-${i}`, text: `Post ${i} on ${channel}: the bench's text, with a link https://acme.example/${i}` }));

async function bluesky() {
  const s = /** @type {{ did: string, accessJwt: string }} */ (await (await json(`${base}/bsky/xrpc/com.atproto.server.createSession`, { identifier: "acme.test", password: "app-pass-1234" })).json());
  await pool(posts("bluesky").map((p) => async () => {
    const r = await json(`${base}/bsky/xrpc/com.atproto.repo.createRecord`, { repo: s.did, collection: "app.bsky.feed.post", rkey: tidForPost(p.id, AT, 0), record: { $type: "app.bsky.feed.post", text: p.text, createdAt: new Date(AT).toISOString() } }, { authorization: `Bearer ${s.accessJwt}` });
    if (r.status !== 200) throw new Error(`bluesky ${r.status} ${await r.text()}`);
  }), concurrency);
}

async function mastodon() {
  await (await fetch(`${base}/masto/api/v2/instance`)).json();
  await pool(posts("mastodon").map((p) => async () => {
    const r = await json(`${base}/masto/api/v1/statuses`, { status: p.text, visibility: "public" }, { authorization: "Bearer masto-token-5678", "idempotency-key": p.id });
    if (r.status !== 200) throw new Error(`mastodon ${r.status}`);
  }), concurrency);
}

async function webhook(channel, url) {
  await pool(posts(channel).map((p) => async () => {
    const r = await json(url, { text: p.text });
    if (r.status !== 200) throw new Error(`${channel} ${r.status}`);
    await r.text();
  }), concurrency);
}

await Promise.all([bluesky(), mastodon(), webhook("team", `${base}/slack/T000/B000/secret-slack-hook`), webhook("hook", `${base}/hook/json`)]);
