/**
 * A real HTTP server on 127.0.0.1 that plays status pages and every way they misbehave: hangs,
 * trickles, huge bodies, resets, redirect loops, auth, rate limits. Started and stopped by tests.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ROOT } from "./cli.js";

export interface StatusServer {
  url: string;
  hits: Map<string, number>;
  /** Headers of the last request per path. */
  lastHeaders: Map<string, IncomingMessage["headers"]>;
  close(): Promise<void>;
}

export function fixture(path: string): string {
  return readFileSync(join(ROOT, "fixtures", "status", path), "utf8");
}

type Route = (req: IncomingMessage, res: ServerResponse, count: number) => void;

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
  "/trickle.json": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("{");
    const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(" ")), 100);
    res.on("close", () => clearInterval(t));
  },
  "/huge.json": (_req, res) => {
    // 256 MiB, streamed: the client must stop reading long before the end.
    res.writeHead(200, { "content-type": "application/json", "content-length": String(256 * 1024 * 1024) });
    const chunk = Buffer.alloc(64 * 1024, 32);
    let sent = 0;
    // Never more than 1 MiB per turn of the event loop: this server shares its process with the
    // client under test, whose timers (timeouts, the deadline) must keep firing on a busy machine.
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

export async function startStatusServer(): Promise<StatusServer> {
  const hits = new Map<string, number>();
  const lastHeaders = new Map<string, IncomingMessage["headers"]>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    lastHeaders.set(path, req.headers);
    // /fx/<kind>/<file> plays a recorded payload from fixtures/status as its page would.
    const recorded = /^\/fx\/([a-z]+\/[a-z-]+\.json)$/.exec(path);
    const route = ROUTES[path] ?? (recorded ? json(fixture(recorded[1]!)) : undefined);
    if (!route) return void res.writeHead(404).end("not found");
    route(req, res, count);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    lastHeaders,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
