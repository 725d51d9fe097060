/** Runs the real built CLI (bin/failover.js) as a user would, and captures what it prints. */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "failover.js");

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /**
   * Runs as on a terminal this many columns wide (stdout and stderr report a TTY of that width;
   * stdin is none, so nothing asks), in the CLI host. For how output fits; tests of a real
   * terminal (colours, spinners, questions) use `script` (tests/helpers/pty.ts).
   */
  columns?: number;
}

/** The environment a CLI run gets: the test's, made plain (no colour, CI, no job summary unless a test asks). */
function cliEnv(options: CliOptions): Record<string, string> {
  // No job summary unless a test asks for one: a suite run inside GitHub Actions must not write to the job's page.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, CI: "true", GITHUB_STEP_SUMMARY: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as Record<string, string>;
}

// A backstop just under the test's own 60 s limit (a loaded 2-core machine can take 20 s to run one CLI); tests of
// a time budget assert it themselves.
const BACKSTOP_MS = 55_000;

/**
 * Runs the built CLI with these arguments and captures what it prints, as `node bin/failover.js …`
 * would: in a CLI host (tests/helpers/cli-host.mjs, the bundle compiled once per worker) unless the
 * run needs a process of its own (text on stdin, another time zone), or FAILOVER_TEST_SPAWN=1 asks
 * for a process per run everywhere.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env = cliEnv(options);
  const ownProcess = !options.columns && (Boolean(options.input) || env.TZ !== process.env.TZ || process.env.FAILOVER_TEST_SPAWN === "1");
  if (ownProcess) return spawnCli(args, options);
  return runInHost({ args, cwd: options.cwd ?? ROOT, env, columns: options.columns }, options.timeoutMs ?? BACKSTOP_MS).then((result) => {
    if (result) return result;
    if (options.columns) throw new Error(`the CLI ended its host process while on a pretend terminal: ${args.join(" ")}`);
    return spawnCli(args, options);
  });
}

/** Runs `node bin/failover.js …` as a process of its own: for signals, stdin, time zones, exits. */
export function spawnCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options) as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? BACKSTOP_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

interface HostRequest {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  columns?: number;
}

interface HostReply {
  id?: number;
  ready?: boolean;
  code?: number;
  stdout?: string;
  stderr?: string;
  error?: string;
  /** What still kept the host's event loop alive 2 s after the run (cli-host.mjs). */
  lingering?: string[];
}

/** One CLI host process: runs one request at a time. */
class CliHost {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private pending: { id: number; settle: (reply: HostReply | null) => void } | undefined;
  alive = true;

  constructor(bundle = join(ROOT, "dist", "cli.js")) {
    this.child = fork(HOST, [BIN, bundle], { stdio: ["ignore", "ignore", "inherit", "ipc"], env: process.env });
    this.ready = new Promise((resolve, reject) => {
      this.child.once("message", (m: HostReply) => (m.ready ? resolve() : reject(new Error(`CLI host: ${JSON.stringify(m)}`))));
      this.child.once("exit", (code) => reject(new Error(`CLI host exited (${code}) before it was ready`)));
    });
    this.ready.catch(() => undefined);
    this.child.on("message", (m: HostReply) => {
      if (this.pending && m.id === this.pending.id) this.pending.settle(m);
    });
    // A run that ended the process (process.exit, a crash): the caller runs it again in a process of its own.
    this.child.on("exit", () => {
      this.alive = false;
      this.pending?.settle(null);
    });
    this.idle();
  }

  /** The worker may exit while a host waits for work; a run in flight keeps it. */
  private idle(): void {
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private busy(): void {
    this.child.ref();
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  async run(id: number, request: HostRequest, timeoutMs: number): Promise<CliResult | null> {
    this.busy();
    try {
      await this.ready;
      const reply = await new Promise<HostReply | null | "timeout">((resolve) => {
        const timer = setTimeout(() => {
          // As spawnCli's backstop would: the run is killed and reported so.
          this.child.kill("SIGKILL");
          resolve("timeout");
        }, timeoutMs);
        this.pending = {
          id,
          settle: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        this.child.send({ id, ...request });
      });
      this.pending = undefined;
      if (reply === "timeout") return { code: null, signal: "SIGKILL", stdout: "", stderr: "" };
      if (reply === null) return null;
      if (reply.error !== undefined) throw new Error(`CLI host: ${reply.error}`);
      if (reply.lingering?.length) {
        throw new Error(`failover ${request.args.join(" ")}: still kept alive by ${reply.lingering.join(", ")} 2 s after it finished (a process of its own would not exit)\n${reply.stderr ?? ""}`);
      }
      return { code: reply.code ?? null, signal: null, stdout: reply.stdout ?? "", stderr: reply.stderr ?? "" };
    } finally {
      this.idle();
    }
  }
}

const HOST = join(ROOT, "tests", "helpers", "cli-host.mjs");

/** One run in a host of its own whose `main` comes from `bundle`: for testing the host itself. */
export async function runInHostOf(bundle: string, args: string[], cwd: string): Promise<CliResult | null> {
  return new CliHost(bundle).run(0, { args, cwd, env: cliEnv({}) }, BACKSTOP_MS);
}
const idleHosts: CliHost[] = [];
let nextId = 0;

/** Runs in an idle host, or a new one when all are busy (runs started together stay together). null: run it in a process of its own. */
async function runInHost(request: HostRequest, timeoutMs: number): Promise<CliResult | null> {
  const host = idleHosts.pop() ?? new CliHost();
  try {
    return await host.run(++nextId, request, timeoutMs);
  } finally {
    if (host.alive) idleHosts.push(host);
  }
}

/** A fresh temporary folder with the given files written into it. */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-test-"));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
