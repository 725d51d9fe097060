/**
 * What the loopback status server plays: status pages and every way they misbehave (hangs,
 * trickles, huge bodies, gzip bombs, resets, redirect loops, truncated JSON, big and broken
 * feeds, auth, rate limits). The server itself runs in its own process (tests/setup/status-server.ts):
 * a client under test must never share an event loop, or a garbage collector, with it.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./cli.js";

/** The recorded payloads; the server process is told where they are (it runs from a bundle). */
const FIXTURES = process.env.FAILOVER_STATUS_FIXTURES ?? join(ROOT, "fixtures", "status");

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), "utf8");
}

export type Route = (req: IncomingMessage, res: ServerResponse, count: number) => void;

const json = (body: string, status = 200, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);
};

export const ROUTES: Record<string, Route> = {
  "/operational/api/v2/summary.json": json(fixture("statuspage/operational.json")),
  "/outage/api/v2/summary.json": json(fixture("statuspage/outage.json")),
  "/degraded/api/v2/summary.json": json(fixture("statuspage/degraded.json")),
  "/maintenance/api/v2/summary.json": json(fixture("statuspage/maintenance.json")),
  "/status-only/api/v2/status.json": json(fixture("statuspage/status-only.json")),
  "/malformed.json": json(fixture("statuspage/malformed.json")),
  "/wrong-shape.json": json('{"ok": true, "services": []}'),
  "/html.json": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body>Status</body></html>"),
  "/feed.rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(fixture("feed/open-incident.rss")),
  "/feed.atom": (_req, res) => res.writeHead(200, { "content-type": "application/atom+xml" }).end(fixture("feed/resolved.atom")),
  "/health": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":{"healthy":true}}'),
  "/unhealthy": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":{"healthy":false}}'),
  "/error500": (_req, res) => res.writeHead(500).end("internal error"),
  "/slow": (_req, res) => setTimeout(() => res.writeHead(200).end("ok"), 400),
  "/slow-summary/api/v2/summary.json": (_req, res) => setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(fixture("statuspage/operational.json")), 300),
  "/hang": () => undefined,
  "/hang.json": () => undefined,
  // A byte every 200 ms, forever: only a time limit that covers the whole body ends it.
  "/trickle.json": (_req, res) => trickle(res, "{"),
  "/trickle": (_req, res) => trickle(res, "o"),
  // 1 GiB of zeros in about 1 MiB, announced as gzip: a client that inflated it would need a GiB.
  "/gzip-bomb.json": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(gzipBomb());
  },
  // Half a Statuspage summary: the connection ends cleanly in the middle of the JSON.
  "/truncated.json": (_req, res) => {
    const whole = fixture("statuspage/outage.json");
    res.writeHead(200, { "content-type": "application/json" }).end(whole.slice(0, Math.floor(whole.length / 2)));
  },
  // A real-sized feed (just under the 2 MiB cap) whose newest entry is an ongoing incident.
  "/big-feed.rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(bigFeed()),
  // 1 MiB of <item>s that never close: a regex reader went quadratic on this.
  "/broken-feed.rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(brokenFeed()),
  "/huge.json": (_req, res) => {
    // 256 MiB, streamed: the client must stop reading long before the end.
    res.writeHead(200, { "content-type": "application/json", "content-length": String(256 * 1024 * 1024) });
    const chunk = Buffer.alloc(64 * 1024, 32);
    let sent = 0;
    // Never more than 1 MiB per turn of the event loop, so the server's other routes keep answering.
    const pump = () => {
      for (let n = 0; n < 16 && sent < 256 * 1024 * 1024 && !res.destroyed && !res.socket?.destroyed; n++) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (res.destroyed || res.socket?.destroyed) return;
      if (sent < 256 * 1024 * 1024) setImmediate(pump);
      else res.end();
    };
    pump();
  },
  "/reset": (req) => req.socket.destroy(),
  "/reset.json": (req) => req.socket.destroy(),
  // A redirect to wherever ?to= says (another origin, in the tests), and a page that shows what it got.
  "/redirect-away": (req, res) => res.writeHead(302, { location: new URL(req.url ?? "/", "http://x").searchParams.get("to") ?? "/" }).end(),
  "/echo-headers": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.headers)),
  // An UptimeRobot monitor list in pages of two (?page=N), as the page's own script reads it.
  "/uptimerobot-paged/api/getMonitorList/key": (req, res) => {
    const n = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? "1");
    const all = [
      { monitorId: 1, name: "bsky.app", statusClass: "success" },
      { monitorId: 2, name: "bsky.social", statusClass: "success" },
      { monitorId: 3, name: "pds-east.host.bsky.network", statusClass: "danger" },
    ];
    const monitors = all.slice((n - 1) * 2, n * 2);
    json(JSON.stringify({ status: "ok", psp: { perPage: 2, totalMonitors: all.length, monitors }, statistics: { counts: { up: 2, down: 1, paused: 0 } } }))(req, res);
  },
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/loop.json": (_req, res) => res.writeHead(302, { location: "/loop.json" }).end(),
  "/auth/api/v2/summary.json": (req, res) =>
    req.headers.authorization === "Bearer s3cr3t-token-value"
      ? json(fixture("statuspage/operational.json"))(req, res)
      : res.writeHead(401, { "content-type": "application/json" }).end(`{"error":"bad token ${req.headers.authorization ?? ""}"}`),
  "/rate-limited": (_req, res) => res.writeHead(429, { "retry-after": "3600" }).end("slow down"),
  "/rate-limited.json": (_req, res) => res.writeHead(429, { "retry-after": "3600" }).end("slow down"),
  // A Mastodon instance in each state: answering, slow, failing (503 each time, so retries end
  // in an answer), in maintenance behind an HTML page, answering something else, or absent.
  "/mastodon/up/api/v2/instance": json(fixture("mastodon/operational.json")),
  "/mastodon/slow/api/v2/instance": (req, res) => setTimeout(() => json(fixture("mastodon/operational.json"))(req, res), 300),
  "/mastodon/down/api/v2/instance": (_req, res) => res.writeHead(503, { "content-type": "text/html" }).end(fixture("mastodon/maintenance.html")),
  "/mastodon/html/api/v2/instance": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(fixture("mastodon/maintenance.html")),
  "/mastodon/other/api/v2/instance": json(fixture("mastodon/malformed.json")),
  "/mastodon/forbidden/api/v2/instance": (_req, res) => res.writeHead(403).end("forbidden"),
  "/flaky/api/v2/summary.json": (req, res, count) => (count === 1 ? res.writeHead(503).end("busy") : json(fixture("statuspage/operational.json"))(req, res)),
};


function trickle(res: ServerResponse, first: string): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.write(first);
  const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(" ")), 200);
  res.on("close", () => clearInterval(t));
}

/** Builds the big answers once, before any test asks (building them takes the server a second). */
export function warmUp(): void {
  gzipBomb();
  bigFeed();
  brokenFeed();
}

let bomb: Buffer | undefined;
/** Gzip members may be concatenated: 16 copies of 64 MiB of zeros compressed are 1 GiB inflated. */
function gzipBomb(): Buffer {
  if (!bomb) {
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    bomb = Buffer.concat(Array.from({ length: 16 }, () => member));
  }
  return bomb;
}

const FEED_NOW = "Tue, 14 Jul 2026 12:00:00 +0000";
const FEED_OLD = "Mon, 01 Jun 2026 12:00:00 +0000";

let big: string | undefined;
/** An RSS feed of just under 2 MiB: one open incident, then thousands of resolved old ones. */
function bigFeed(): string {
  if (big) return big;
  const item = (title: string, date: string, body: string) =>
    `<item><title>${title}</title><pubDate>${date}</pubDate><description><![CDATA[${body}]]></description><guid>${title}-${date}</guid></item>\n`;
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Example Status - Incident History</title>\n`;
  const open = item("Feed unavailable for many users", FEED_NOW, "<p><small>Jul <var>14</var>, <var>12:00</var> UTC</small><br><strong>Investigating</strong> - We are investigating.</p>");
  const tail = "</channel></rss>\n";
  const parts = [head, open];
  let size = head.length + open.length + tail.length;
  for (let i = 0; ; i++) {
    const old = item(`Elevated errors &amp; delays #${i}`, FEED_OLD, "<p><strong>Resolved</strong> - This incident has been resolved.</p>");
    if (size + old.length > 2 * 1024 * 1024 - 1024) break;
    parts.push(old);
    size += old.length;
  }
  big = parts.join("") + tail;
  return big;
}

let broken: string | undefined;
function brokenFeed(): string {
  broken ??= `<?xml version="1.0"?><rss version="2.0"><channel>${"<item><title>x".repeat(Math.floor((1024 * 1024) / 13))}`;
  return broken;
}

/** The route for a path: a named one, or /fx/<kind>/<file> playing a recorded payload as its page would. */
export function routeFor(path: string): Route | undefined {
  const recorded = /^\/fx\/([a-z]+\/[a-z0-9-]+\.(?:json|rss|atom|xml))$/.exec(path);
  if (ROUTES[path]) return ROUTES[path];
  if (!recorded) return undefined;
  const type = recorded[1]!.endsWith(".json") ? "application/json" : "application/xml";
  return (_req, res) => res.writeHead(200, { "content-type": type }).end(fixture(recorded[1]!));
}
