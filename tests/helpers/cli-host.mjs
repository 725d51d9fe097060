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
import { pathToFileURL } from "node:url";

const [, , bin, bundle] = process.argv;
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
 * A terminal `columns` wide, as the CLI sees one (stdout.isTTY and .columns; stdin stays no
 * terminal, so nothing asks): for tests of how output fits. Returns the undo.
 */
function pretendTerminal(columns) {
  const streams = [process.stdout, process.stderr];
  const saved = streams.map((stream) => ({ isTTY: Object.getOwnPropertyDescriptor(stream, "isTTY"), columns: Object.getOwnPropertyDescriptor(stream, "columns") }));
  for (const stream of streams) Object.defineProperties(stream, { isTTY: { value: true, configurable: true, writable: true }, columns: { value: columns, configurable: true, writable: true } });
  return () =>
    streams.forEach((stream, i) => {
      for (const key of ["isTTY", "columns"]) {
        if (saved[i][key]) Object.defineProperty(stream, key, saved[i][key]);
        else delete stream[key];
      }
    });
}

/** What is still queued to run when main returns (a write after the last await) belongs to this run. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

async function runOnce({ id, args, cwd, env, columns }) {
  process.chdir(cwd);
  useEnvironment(env);
  process.exitCode = undefined;
  const leaveTerminal = columns ? pretendTerminal(columns) : () => undefined;
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
  leaveTerminal();
  process.send({ id, code, stdout: stdout(), stderr: stderr() });
}

process.on("message", (request) => {
  runOnce(request).catch((error) => process.send({ id: request.id, error: String(error?.stack ?? error) }));
});
// The test worker went away: so does its host.
process.on("disconnect", () => process.exit(0));
process.send({ ready: true });
