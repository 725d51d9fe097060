// Start-up on Node 20 (no module.enableCompileCache): the commands timed most (validate, check,
// status, completion) run from a CommonJS bundle of their own (scripts/bundle.js) compiled with
// V8's code cache, which Node 20 offers to vm.Script but not to ES modules. The first run of a
// build compiles as usual and keeps what V8 compiled; the next ones skip most parsing and
// compiling (docs/performance.md, "Start-up, round three"). The cache is an optimisation only:
// anything unusable (no bundle for the command, no cache folder, a file that does not check
// out, V8 refusing it) falls back to compiling, and nothing here ever fails the CLI.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";

const DIST = new URL("../dist/", import.meta.url);
/** A cache file: this tag, the CRC-32 of V8's data (V8 itself does not checksum it in release builds), the data. */
const MAGIC = Buffer.from("FOCC1\n");
const HEADER = MAGIC.length + 4;

/**
 * The per-user cache folder (never the shared temp folder: a cache there could be planted by
 * another user, and V8 runs what it holds): $XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%.
 * @param {NodeJS.ProcessEnv} env
 */
function cacheFolder(env) {
  if (env.FAILOVER_CODE_CACHE_DIR) return env.FAILOVER_CODE_CACHE_DIR;
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === "win32" ? env.LOCALAPPDATA || join(homedir(), "AppData", "Local") : process.platform === "darwin" ? join(homedir(), "Library", "Caches") : join(homedir(), ".cache"));
  return join(base, "failover", "v8");
}

/** Larger than any command's compiled code (about 1 MB): anything bigger is not ours. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A cache file's bytes, or undefined. Opened without blocking and read only when it is a regular
 * file of a sane size: a FIFO or a device where the cache goes would otherwise hang or flood every run.
 * @param {string} file
 */
function readIfThere(file) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size <= MAX_CACHE_BYTES ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * V8's data from a cache file, or undefined when it is missing, torn or altered.
 * @param {Buffer | undefined} bytes
 */
function checkedData(bytes) {
  if (!bytes || bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = bytes.subarray(HEADER);
  return crc32(data) === bytes.readUInt32LE(MAGIC.length) ? data : undefined;
}

/**
 * Written whole or not at all (a temp file renamed over), so runs at once never read half a file.
 * @param {string} file
 * @param {Buffer} data
 */
function writeCache(file, data) {
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header);
  header.writeUInt32LE(crc32(data), MAGIC.length);
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // The same command's caches of other builds or other Node versions would only pile up.
  const prefix = /^(cli-command-[\w-]+?-)[0-9a-f]{16}\.cjs/.exec(basename(file))?.[1];
  if (prefix) for (const old of readdirSync(folder)) if (old.startsWith(prefix) && old !== basename(file)) rmSync(join(folder, old), { force: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([header, data]), { mode: 0o600 });
  renameSync(temp, file);
}

/**
 * The CLI's main for the command named first on the line, from its cached bundle; undefined when
 * there is none for it (another command, a global option first, no bundle built, FAILOVER_NO_CODE_CACHE),
 * and the caller imports the ES module bundle instead. `afterRun` keeps the cache once a run has compiled what it needed.
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ main: (argv: string[]) => Promise<number>, afterRun: () => void } | undefined}
 */
export function cachedMain(argv, env) {
  const command = argv[2];
  if (!command || !/^[\w-]+$/.test(command) || env.FAILOVER_NO_CODE_CACHE || typeof crc32 !== "function") return undefined;
  /** @type {{ file?: unknown, encoding?: unknown } | undefined} */
  let entry;
  try {
    entry = JSON.parse(readFileSync(new URL("cli-commands.json", DIST), "utf8"))[command];
  } catch {
    return undefined;
  }
  const name = entry?.file;
  if (typeof name !== "string" || !/^cli-command-[\w-]+\.cjs$/.test(name)) return undefined;
  const file = fileURLToPath(new URL(name, DIST));
  let text;
  let size;
  try {
    size = statSync(file).size;
    // latin1 when the build found it ASCII: the same text, without UTF-8 decoding.
    text = readFileSync(file, entry?.encoding === "latin1" ? "latin1" : "utf8");
  } catch {
    return undefined;
  }
  let cacheFile;
  let cachedData;
  try {
    cacheFile = join(cacheFolder(env), `${name}-${size}-${process.version}-${process.arch}.bin`);
    cachedData = checkedData(readIfThere(cacheFile));
  } catch {
    cacheFile = undefined;
  }
  // The CommonJS wrapper on the bundle's first line, as require() has it, so positions in stack traces are the file's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${text}\n});`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: /** @type {{ main?: (argv: string[]) => Promise<number> }} */ ({}) };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const { main } = module.exports;
  if (typeof main !== "function") return undefined;
  const reuse = cachedData !== undefined && !script.cachedDataRejected;
  return {
    main,
    afterRun() {
      if (reuse || !cacheFile) return;
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // A read-only home, a full disk: the next run compiles again, as this one did.
      }
    },
  };
}
