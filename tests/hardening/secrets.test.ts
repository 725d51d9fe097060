/**
 * A server that echoes the token back, cut or encoded: nothing of it reaches the output. Texts
 * are cut to 80 or 120 characters; a cut through a token must not show its first characters,
 * and its URL-encoded and base64 forms are hidden as well as the token itself.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redact, secretForms } from "../../src/util/env.js";
import { runCli, tempProject } from "../helpers/cli.js";

const TOKEN = "tok/en+S3cr3t=value-0123456789";
let server: Server;
let url: string;

beforeAll(async () => {
  // An echoing status page (Statuspage v2 summary shape: https://developer.statuspage.io/): the
  // component's status is padding plus the bearer token, so an 80-character cut lands inside it.
  server = createServer((req, res) => {
    const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
    const status = { indicator: "none", description: `echo ${encodeURIComponent(token)} ${Buffer.from(token).toString("base64")}` };
    const components = [{ id: "1", name: "Feed", status: "p".repeat(70) + token, group: false, group_id: null, only_show_if_degraded: false }];
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ page: { id: "p", name: "Echo" }, status, components, incidents: [], scheduled_maintenances: [] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("secrets are redacted before any text is cut, in every form", () => {
  it("hides a token's start left by a cut, and its URL-encoded and base64 forms", () => {
    const forms = secretForms([TOKEN]);
    expect(forms).toContain(encodeURIComponent(TOKEN));
    expect(forms).toContain(Buffer.from(TOKEN).toString("base64"));
    expect(redact(`status "pppp${TOKEN.slice(0, 9)}… (99 characters)"`, forms)).toBe('status "pppp***… (99 characters)"');
    expect(redact(`a ${encodeURIComponent(TOKEN)} b ${Buffer.from(TOKEN).toString("base64url")}`, forms)).toBe("a *** b ***");
    expect(redact("an ordinary cut… stays", forms)).toBe("an ordinary cut… stays");
  });

  it("status, -v, in every format: no part of the echoed token is printed", async () => {
    const dir = tempProject({
      "config/failover.yaml": `version: 1\nchannels:\n  c: { platform: webhook, health: [{ kind: statuspage, url: "${url}/api/v2/summary.json", components: [Feed], headers: { Authorization: "Bearer \${TOKEN}" } }] }\n`,
    });
    for (const args of [["status", "-v"], ["status", "--json", "-v"], ["status", "--format", "github", "-v"]]) {
      const r = await runCli([...args, "--now", "2026-07-14T08:30:00Z"], { cwd: dir, env: { TOKEN } });
      const all = r.stdout + r.stderr;
      expect(all).toMatch(/pppp/); // the echo did reach the output, cut
      for (const piece of [TOKEN.slice(0, 6), encodeURIComponent(TOKEN).slice(0, 10), Buffer.from(TOKEN).toString("base64").slice(0, 10)]) {
        expect(all, args.join(" ")).not.toContain(piece);
      }
    }
  });
});
