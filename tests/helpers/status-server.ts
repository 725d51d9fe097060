/**
 * The tests' handle on the loopback status server (tests/setup/status-server.ts), which runs in
 * another process: `url` is this file's own namespace on it, and hit counts and headers are read
 * over HTTP.
 */
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { inject } from "vitest";

export { fixture } from "./status-routes.js";

export interface StatusServer {
  /** Base URL of this namespace: `${url}/operational` etc. */
  url: string;
  /** The same namespace on the server's second port: another origin. */
  otherOrigin: string;
  /** How often a path (as after `url`) was requested. */
  hits(path: string): Promise<number>;
  /** Headers of the last request for a path. */
  lastHeaders(path: string): Promise<IncomingHttpHeaders | undefined>;
  close(): Promise<void>;
}

export async function startStatusServer(): Promise<StatusServer> {
  const root = inject("statusServerUrl");
  const ns = `/t/${randomBytes(6).toString("hex")}`;
  const ask = async (what: string, path: string) => (await fetch(`${root}/__${what}?path=${encodeURIComponent(ns + path)}`)).json();
  return {
    url: root + ns,
    otherOrigin: inject("statusServerUrl2") + ns,
    hits: async (path) => (await ask("hits", path)) as number,
    lastHeaders: async (path) => ((await ask("headers", path)) as IncomingHttpHeaders | null) ?? undefined,
    close: async () => undefined,
  };
}
