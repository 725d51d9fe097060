/**
 * vitest globalSetup: starts the loopback status server (status-server-main.ts) as a child
 * process of its own, so a client under test never shares an event loop, or a garbage
 * collector, with the server that hangs or floods it. The server is bundled with esbuild first
 * (it is TypeScript, and Node 20 runs JavaScript only). Tests reach it by the URLs provided.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    statusServerUrl: string;
    /** The same server on a second port: another origin, for cross-origin redirects. */
    statusServerUrl2: string;
  }
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "failover-status-server-"));
  const bundle = join(dir, "server.mjs");
  await build({ entryPoints: [join(ROOT, "tests/setup/status-server-main.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: bundle, logLevel: "warning" });
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, FAILOVER_STATUS_FIXTURES: join(ROOT, "fixtures", "status") },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const urls = await new Promise<{ url: string; url2: string }>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]!) as { url: string; url2: string });
    });
    child.on("exit", (code) => reject(new Error(`the status server exited (${code}) before listening`)));
  });
  project.provide("statusServerUrl", urls.url);
  project.provide("statusServerUrl2", urls.url2);
  return async () => {
    child.stdin!.end();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
}
