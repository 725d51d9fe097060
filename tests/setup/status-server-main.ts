/**
 * The loopback status server as a process of its own (started by tests/setup/status-server.ts):
 * it listens on two ports (two origins) and prints them as one JSON line on stdout. Each test
 * file takes its own namespace (`/t/<id>/...`), so hit counts of one file are not another's.
 * Control routes: GET /__hits?path=<full path> -> the count; /__headers?path= -> the last
 * request's headers as JSON.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { routeFor, warmUp } from "../helpers/status-routes.js";

warmUp();
const hits = new Map<string, number>();
const headers = new Map<string, unknown>();
const handler: RequestListener = (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const asked = url.searchParams.get("path") ?? "";
  if (url.pathname === "/__hits") return void res.writeHead(200, { "content-type": "application/json" }).end(String(hits.get(asked) ?? 0));
  if (url.pathname === "/__headers") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(headers.get(asked) ?? null));
  const count = (hits.get(url.pathname) ?? 0) + 1;
  hits.set(url.pathname, count);
  headers.set(url.pathname, req.headers);
  const route = routeFor(url.pathname.replace(/^\/t\/[a-z0-9]+(?=\/)/, ""));
  if (!route) return void res.writeHead(404).end("not found");
  route(req, res, count);
};

const servers = [createServer(handler), createServer(handler)];
for (const server of servers) {
  // A client that goes away mid-answer is expected here (that is what the faults are for).
  server.on("clientError", (_e, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}
const [url, url2] = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
process.stdout.write(`${JSON.stringify({ url, url2 })}\n`);
// The parent going away (a killed test run) takes the server with it.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
