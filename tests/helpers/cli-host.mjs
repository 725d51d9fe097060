// A long-lived process that runs the built CLI (dist/cli.js, what bin/failover.js runs) once per
// request from tests/helpers/cli.ts, as a fresh `node bin/failover.js …` would: in the request's
// folder, with exactly the request's environment, stdout and stderr captured, stdin empty and not a
// terminal. Why: starting Node and compiling the bundle cost 0.3-0.9 CPU-seconds per CLI run, most
// of `npm test` on a 2-core machine; here the bundle is compiled once per test worker.
//
// What a host cannot be is a process of its own per run, so tests of signals, terminals, stdin,
// time zones or process exits start a real one (`spawnCli`); tests/cli/cli-host.test.ts checks that
// both ways print and exit the same. One request at a time: the folder and environment are the
// process's own.
import { appendFileSync } from "node:fs";
import { clearLine, cursorTo, moveCursor } from "node:readline";
import { pathToFileURL } from "node:url";

const [, , bin, bundle] = process.argv;
// Made now, not in the first run: a stream made during a run would count as left behind by it (lingering).
void process.stdout;
void process.stderr;
const { main } = await import(pathToFileURL(bundle).href);

/** Captures what is written to a stream while a run lasts (console.log and commander write through it too). */
function capture(stream) {
  const original = stream.write;
  let text = "";
  stream.write = function write(chunk, encoding, callback) {
    const done = typeof encoding === "function" ? encoding : callback;
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (done) process.nextTick(done);
    return true;
  };
  return () => {
    stream.write = original;
    return text;
  };
}

function useEnvironment(env) {
  for (const key of Object.keys(process.env)) if (!(key in env) && key !== "TZ") delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (process.env[key] !== value) process.env[key] = value;
}

/**
 * A terminal `columns` wide, as the CLI sees one: stdout and stderr say isTTY, give their size and
 * move the cursor with the escape sequences a tty.WriteStream writes (what ora uses to redraw a
 * spinner); stdin stays no terminal, so nothing asks. Returns the undo.
 */
function pretendTerminal(columns) {
  const streams = [process.stdout, process.stderr];
  const pretend = (stream) => ({
    isTTY: true,
    columns,
    rows: 50,
    cursorTo: (x, y, done) => cursorTo(stream, x, y, done),
    moveCursor: (dx, dy, done) => moveCursor(stream, dx, dy, done),
    clearLine: (dir, done) => clearLine(stream, dir, done),
    getColorDepth: () => 8,
    hasColors: (count = 16) => count <= 256,
  });
  const saved = streams.map((stream) => Object.fromEntries(Object.keys(pretend(stream)).map((key) => [key, Object.getOwnPropertyDescriptor(stream, key)])));
  for (const stream of streams) {
    for (const [key, value] of Object.entries(pretend(stream))) Object.defineProperty(stream, key, { value, configurable: true, writable: true });
  }
  return () =>
    streams.forEach((stream, i) => {
      for (const [key, descriptor] of Object.entries(saved[i])) {
        if (descriptor) Object.defineProperty(stream, key, descriptor);
        else delete stream[key];
      }
    });
}

/** What is still queued to run when main returns (a write after the last await) belongs to this run. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** What keeps the event loop alive now and was not there before the run (a timer, a socket): `after` minus `before`. */
function added(before, after) {
  const left = [...before];
  return after.filter((kind) => {
    const i = left.indexOf(kind);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * A process of its own exits when main has returned and nothing keeps its event loop alive. A run
 * that leaves a timer or a socket behind would keep it waiting: given 2 s to let go, after that it
 * is reported (the test fails, where a process of its own would have lingered or hung).
 */
async function lingering(before) {
  const until = performance.now() + 2_000;
  for (;;) {
    const extra = added(before, process.getActiveResourcesInfo());
    if (extra.length === 0 || performance.now() >= until) return extra;
    await new Promise((resolve) => setTimeout(resolve, 20).unref());
  }
}

async function runOnce({ id, args, cwd, env, columns }) {
  process.chdir(cwd);
  useEnvironment(env);
  process.exitCode = undefined;
  const leaveTerminal = columns ? pretendTerminal(columns) : () => undefined;
  const resources = process.getActiveResourcesInfo();
  const stdout = capture(process.stdout);
  const stderr = capture(process.stderr);
  let code;
  try {
    code = await main([process.execPath, bin, ...args], process.env);
  } catch (error) {
    // bin/failover.js's words for a rejection of main.
    process.stderr.write(`failover: unexpected failure: ${error?.stack ?? error}\n`);
    code = 1;
  }
  await settle();
  const left = await lingering(resources);
  leaveTerminal();
  process.send({ id, code, stdout: stdout(), stderr: stderr(), lingering: left });
}

process.on("message", (request) => {
  runOnce(request).catch((error) => process.send({ id: request.id, error: String(error?.stack ?? error) }));
});
// The test worker went away: so does its host. Its CPU time is logged where FAILOVER_TEST_CPU_LOG
// says: a host outlives its worker, so `time npm test` does not count it (README "Keeping npm test fast").
process.on("disconnect", () => {
  const log = process.env.FAILOVER_TEST_CPU_LOG;
  if (log) {
    const { user, system } = process.cpuUsage();
    appendFileSync(log, `${(user + system) / 1e6}\n`);
  }
  // Not process.exit: exit hooks a run left behind (ora's cursor restore after a pretend terminal)
  // would write to the test runner's stderr. The host holds nothing that needs flushing.
  process.kill(process.pid, "SIGKILL");
});
process.send({ ready: true });
