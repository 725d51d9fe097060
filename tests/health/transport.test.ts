/**
 * The transport against the loopback status server (another process): deadlines that fire
 * whatever the server does, run after run; a request's own headers never sent to another origin;
 * special files refused; proxies from the environment.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { checkHealth } from "../../src/check-health.js";
import { tempProject } from "../helpers/cli.js";
import { ALL_FAULTS, FAULT_STATUSES } from "../helpers/faults.js";
import { NOW, useStatusServer } from "../helpers/health.js";
import { soakRuns } from "../helpers/soak.js";

const server = useStatusServer();

function config(channels: Record<string, string>, settings = "{ timeout: 800ms, deadline: 3s, retries: 0 }", env: Record<string, string> = {}) {
  const lines = Object.entries(channels).map(([name, source]) => `  ${name}: { platform: webhook, health: [${source.replaceAll("$URL", server().url)}] }`);
  return parseConfig("cfg.yaml", `version: 1\nhealth: ${settings}\nchannels:\n${lines.join("\n")}\n`, env);
}

describe("deadlines", () => {
  it(`every fault ends as unknown (or its real answer) within the run, ${soakRuns(10)} run(s) in a row`, async () => {
    // Ten in `npm run test:slow`; one in `npm test` (tests/helpers/soak.ts).
    for (let run = 0; run < soakRuns(10); run++) {
      const channels = await checkHealth(config(ALL_FAULTS, "{ timeout: 800ms, deadline: 8s, retries: 0 }"), Object.keys(ALL_FAULTS), { now: NOW });
      const status = Object.fromEntries(channels.map((c) => [c.name, c.status]));
      expect(status).toEqual(FAULT_STATUSES);
      expect(channels.find((c) => c.name === "trickle")!.sources[0]!.error).toMatch(/timed out after 800 ms|deadline/);
    }
  }, 120_000);

  it("a caller's abort stops a run waiting on a hang", async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 200);
    const [c] = await checkHealth(config({ a: `{ kind: http, url: "$URL/hang", timeout: 30s }` }, "{ deadline: 60s, retries: 0 }"), ["a"], { now: NOW, signal: ctl.signal });
    expect(c!.sources[0]!.error).toMatch(/deadline/);
  });
});

describe("redirects", () => {
  it("drops the source's own headers on a redirect to another origin, and keeps them on the same one", async () => {
    const env = { API_KEY: "k3y-value-secret" };
    const away = `${server().url}/redirect-away?to=${encodeURIComponent(`${server().otherOrigin}/echo-headers`)}`;
    const same = `${server().url}/redirect-away?to=${encodeURIComponent(`${server().url}/echo-headers`)}`;
    const cfg = (url: string) => config({ c: `{ kind: http, url: "${url}", headers: { x-api-key: "\${API_KEY}", Authorization: "Bearer \${API_KEY}" } }` }, undefined, env);
    await checkHealth(cfg(away), ["c"], { now: NOW });
    const there = await server().lastHeaders("/echo-headers");
    expect(there?.["x-api-key"]).toBeUndefined();
    expect(there?.authorization).toBeUndefined();
    expect(there?.["user-agent"]).toMatch(/^failover\//);
    await checkHealth(cfg(same), ["c"], { now: NOW });
    expect((await server().lastHeaders("/echo-headers"))?.["x-api-key"]).toBe("k3y-value-secret");
  });
});

describe("file: sources", () => {
  it.skipIf(process.platform === "win32")("refuses a FIFO at once instead of waiting for a writer", async () => {
    const dir = tempProject();
    const fifo = join(dir, "summary.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const [c] = await checkHealth(config({ c: `{ kind: statuspage, url: "file:${fifo}" }` }, "{ timeout: 30s, deadline: 60s }"), ["c"], { now: NOW });
    expect(c!.sources[0]).toMatchObject({ status: "unknown", error: expect.stringMatching(/not a regular file/) });
  });
});

describe("proxies", () => {
  let proxy: Server;
  let proxyUrl = "";
  let tunnels = 0;
  beforeAll(async () => {
    // A loopback forward proxy: every CONNECT goes to the status server, whatever host it names,
    // so a source on a host that does not exist reads only through the proxy.
    proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on("connect", (req, socket) => {
      tunnels++;
      const target = new URL(server().url);
      const upstream = connect(Number(target.port), target.hostname, () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
      void req;
    });
    proxy.listen(0, "127.0.0.1");
    await once(proxy, "listening");
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    proxy.closeAllConnections();
    proxy.close();
  });

  const path = () => new URL(server().url).pathname;
  const source = () => `{ kind: statuspage, url: "http://status.failover-test.invalid${path()}/operational" }`;

  it("reads a source reachable only through HTTP_PROXY (any case), and honours NO_PROXY", async () => {
    for (const name of ["HTTP_PROXY", "http_proxy"]) {
      const before = tunnels;
      const [c] = await checkHealth(config({ c: source() }, undefined, { [name]: proxyUrl }), ["c"], { now: NOW });
      expect(c!.status).toBe("operational");
      expect(tunnels).toBe(before + 1);
    }
    const [direct] = await checkHealth(config({ c: source() }, undefined, { HTTP_PROXY: proxyUrl, NO_PROXY: "failover-test.invalid" }), ["c"], { now: NOW });
    expect(direct!.status).toBe("unknown");
  });

  it("lets the config override the environment", async () => {
    const [viaConfig] = await checkHealth(config({ c: source() }, `{ timeout: 800ms, deadline: 3s, proxy: "${proxyUrl}" }`), ["c"], { now: NOW });
    expect(viaConfig!.status).toBe("operational");
    const [none] = await checkHealth(config({ c: source() }, "{ timeout: 800ms, deadline: 3s, proxy: none }", { HTTP_PROXY: proxyUrl }), ["c"], { now: NOW });
    expect(none!.status).toBe("unknown");
  });
});
