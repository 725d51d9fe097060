#!/usr/bin/env node
/**
 * A platform API that misbehaves, in its own process (a hang or a trickle must not share the
 * event loop of the test or of the CLI it watches). The first path segment picks the fault, the
 * rest is whatever API path the publisher asked for (`/hang/bsky/xrpc/com.atproto.server.createSession`):
 * every request under it gets that fault. Faults are the ones platforms and their proxies really
 * produce: no answer, a body that trickles, a huge body, garbage or truncated JSON, an HTML error
 * page from a gateway, 5xx/429 with odd Retry-After values, redirects to another host. The error
 * pages echo the request's credentials back, as some proxies do, so a test can see that failover
 * never prints them.
 *
 * A second port plays "another host": a redirect points there, and it records what reached it.
 * A `late-` fault (`/late-garbage/bsky/...`) lets the log-in through (Bluesky's createSession,
 * shaped as lexicons/com/atproto/server/createSession.json in github.com/bluesky-social/atproto)
 * and hits the requests after it: uploads, posts, look-ups.
 *
 * Prints `{"http": <url>, "other": <url>, "modes": [...]}` on its first line. GET /__other lists what the other
 * host received.
 */
import { createServer } from "node:http";

const other = [];

function credentials(req, body) {
  return [req.headers.authorization, req.headers["x-api-key"], body].filter(Boolean).join(" | ");
}

const FAULTS = {
  hang: () => undefined,
  // Headers at once, then one byte every 200 ms, for ever: only the client's timer ends it.
  trickle: (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("{");
    const timer = setInterval(() => res.write(" "), 200);
    res.on("close", () => clearInterval(timer));
  },
  // 200 and an endless JSON-looking body: only the client's cap ends it.
  huge: (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"did": "');
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (res.write(chunk)) if (res.destroyed) return;
      if (!res.destroyed) res.once("drain", pump);
    };
    res.on("close", () => res.removeAllListeners("drain"));
    pump();
  },
  garbage: (req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"accessJwt": "x", "did": [1, 2,, }\u0000\u001b[2J'),
  truncated: (req, res) => res.writeHead(200, { "content-type": "application/json", "content-length": "400" }).end('{"accessJwt": "x", "id": "1'),
  html: (req, res, body) =>
    res.writeHead(502, { "content-type": "text/html" }).end(`<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>\n<h1>502 Bad Gateway</h1>\n<p>upstream said no to ${credentials(req, body)}</p>\n\u001b]52;c;cHduZWQ=\u0007\n::error file=x::pwned</body></html>`),
  echo401: (req, res, body) => res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "AuthenticationRequired", message: `bad credentials: ${credentials(req, body)}` })),
  "retry-negative": (req, res) => res.writeHead(503, { "retry-after": "-1" }).end("busy"),
  "retry-huge": (req, res) => res.writeHead(429, { "retry-after": "99999999999999999999", "content-type": "application/json" }).end('{"error": "RateLimitExceeded", "message": "slow down"}'),
  "retry-date": (req, res) => res.writeHead(503, { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT", date: "Tue, 14 Jul 2026 10:10:00 GMT" }).end("busy"),
  "retry-words": (req, res) => res.writeHead(429, { "retry-after": "soon, maybe 1e3" }).end("busy"),
  "retry-zero": (req, res) => res.writeHead(503, { "retry-after": "0" }).end("busy"),
  redirect: (req, res) => res.writeHead(307, { location: `${otherUrl}/stolen${req.url}` }).end(),
  "redirect-302": (req, res) => res.writeHead(302, { location: `${otherUrl}/stolen` }).end(),
  // Reset mid-answer: the headers promised more.
  reset: (req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
    res.write('{"uri": "at://');
    setTimeout(() => res.socket?.destroy(), 20);
  },
};

const LATE = ["late-garbage", "late-truncated", "late-hang", "late-html", "late-reset", "late-huge"];

const main = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8").slice(0, 2000);
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/__other") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(other));
    const mode = url.pathname.split("/")[1] ?? "";
    if (mode.startsWith("late-") && url.pathname.endsWith("/xrpc/com.atproto.server.createSession")) {
      return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ accessJwt: "jwt-hostile", refreshJwt: "jwt-refresh", handle: "acme.test", did: "did:plc:hostilehostilehostile01" }));
    }
    const fault = FAULTS[mode] ?? FAULTS[mode.replace(/^late-/, "")];
    if (!fault) return res.writeHead(404).end("no such fault");
    fault(req, res, body);
  });
});
main.on("clientError", (_e, socket) => socket.destroy());

const otherServer = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    other.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8").slice(0, 2000) });
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok": true}');
  });
});

let otherUrl = "";
await new Promise((resolve) => otherServer.listen(0, "127.0.0.1", resolve));
// Another port is another origin, as a redirect to another site is.
otherUrl = `http://127.0.0.1:${otherServer.address().port}`;
await new Promise((resolve) => main.listen(0, "127.0.0.1", resolve));
process.stdout.write(JSON.stringify({ http: `http://127.0.0.1:${main.address().port}`, other: otherUrl, modes: [...Object.keys(FAULTS), ...LATE] }) + "\n");
process.on("SIGTERM", () => process.exit(0));
