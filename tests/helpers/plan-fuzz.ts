/**
 * Fuzzing saved plans and configs, shared by the many-iteration run (tests/hardening/plan-fuzz.test.ts,
 * `npm run test:slow`) and the small fixed-seed one in `npm test` (plan-fuzz-sample.test.ts).
 *
 * Plans are mutated as data, where a careless hand or an attacker edits them (the sha256 left as
 * it was, so every check behind it runs): types, ids, paths, times, duplicate actions, `removes`,
 * `to.channel`, media paths; configs the same way (types, durations, URLs, headers, `${SECRET}`
 * references, nesting). Both go through the library (fast, thousands) and through the built CLI
 * (`reroute --plan`, `failback --plan`, `validate`, `check --assume`, `reroute --dry-run`), where
 * the promises are: never exit 1, never a stack trace; exit 2 names a file:line:col, a file or a
 * flag; a refused plan leaves the calendar byte for byte and no file behind; a plan that applies
 * leaves a calendar that `validate` accepts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse, stringify } from "yaml";
import { expect } from "vitest";
import { ROOT, runCli, type CliResult } from "./cli.js";

export const NOW = ["--now", "2026-07-14T08:30:00-04:00"];
/** A backstop far beyond any run: a shared 2-core machine can be ten times oversubscribed. */
const SLOW_RUN_MS = 120_000;
export const ASSUME_ALL = ["instagram=major_outage", "x=operational", "linkedin=operational", "bluesky=operational", "newsletter=operational"].flatMap((a) => ["--assume", a]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
type Obj = { [k: string]: Json };
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const objectsIn = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? Object.values(v).filter(isObject) : []);
const chance = (random: Random, p: number) => random() < p;

const deep = (depth: number, leaf: Json): Json => (depth === 0 ? leaf : { a: deep(depth - 1, leaf) });
const deepList = (depth: number): Json => (depth === 0 ? [] : [deepList(depth - 1)]);

/** Values of every type, and the strings that broke parsers before. */
const ODD_VALUES: readonly (() => Json)[] = [
  () => null, () => true, () => 0, () => -1, () => 1e308, () => 0.5, () => [], () => ({}), () => "", () => " ",
  () => "x".repeat(20_000), () => "\u0000", () => "\u001b]52;c;ZXZpbA==\u0007", () => "\n::error file=x::pwned", () => "🏳️‍🌈", () => "\uFEFF",
  () => ({ __proto__: { polluted: true } } as unknown as Json), () => JSON.parse('{"__proto__": {"x": 1}}') as Json, () => "constructor",
  () => deep(80, "x"), () => deepList(70), () => [null, 1, "a", {}],
];

const TIMES = ["2027", "", "2026-02-30T10:00:00Z", "2026-07-14T09:00", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z",
  "2026-07-14T09:00:00+25:00", "2026-07-13T09:00:00-04:00", "2026-07-14T08:30:00-04:00", "2026-07-14T21:45:00-04:00", "2026-07-20T03:00:00Z", "now", "Tue"];
const MEDIA_PATHS = ["../../../etc/passwd", "/etc/passwd", "assets/../../outside.jpg", "assets/missing.jpg", "", "C:\\Windows\\x.jpg", "assets/\u0000x.jpg",
  "%2e%2e/x.jpg", "file:///etc/passwd", "assets/colour-1.jpg", "/dev/zero", "assets/" + "a".repeat(5000) + ".jpg", "~/x.jpg"];
const CHANNELS = ["nowhere", "mastodon", "", "x", "bluesky", "linkedin", "instagram", "newsletter", "__proto__", "X", "x ", "tiktok", "webhook"];
const CALENDAR_NAMES = ["../calendar.yaml", "/dev/zero", "config/failover.yaml", "", "missing.yaml", "calendar.yaml.bak", ".", "assets", "calendar.yaml\u0000x"];

/** Every path into a JSON value (objects and arrays), the root excluded. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...at, i]), paths(v, [...at, i], out)));
  else if (value && typeof value === "object") for (const k of Object.keys(value)) out.push([...at, k]), paths(value[k]!, [...at, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): void {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}

/** A text-level cut or splice: what an editor does to a file half-saved or mistyped. */
function mangleText(text: string, random: Random): string {
  const at = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 4)) {
    case 0: return text.slice(0, at);
    case 1: return text.slice(0, at) + pick(random, [",", "}", "]", '"', "\\", "\u0000", "\r", "\n\n", "NaN", "1e999", "'", ": ", "- ", "&a", "*a", "\t"]) + text.slice(at);
    case 2: return text.replace(/\n/g, pick(random, ["\r", "\r\n"]));
    default: return "\uFEFF" + text;
  }
}

export interface PlanWorld {
  /** Post ids of the calendar the plan applies to, stand-ins included. */
  ids: string[];
}

/** A saved plan, tampered with: 1 to 3 edits of the kinds people and attackers make. */
export function mutatePlan(planText: string, world: PlanWorld, random: Random): string {
  const plan = JSON.parse(planText) as Obj;
  const steps = 1 + Math.floor(random() * 3);
  for (let s = 0; s < steps; s++) {
    // An earlier step may have turned anything into anything: only objects are edited further.
    const actions = Array.isArray(plan.actions) ? plan.actions : [];
    const actionObjects = objectsIn(actions);
    const action = actionObjects.length > 0 ? pick(random, actionObjects) : undefined;
    const to = action && isObject(action.to) ? action.to : undefined;
    switch (Math.floor(random() * 13)) {
      case 0: { // any value, any type
        const all = paths(plan as Json);
        if (all.length) setAt(plan as Json, pick(random, all), pick(random, ODD_VALUES)());
        break;
      }
      case 1: { // ids: another post's, a stand-in's, no id, odd ids
        if (!action) break;
        const id = chance(random, 0.6) ? pick(random, world.ids) : String(pick(random, ODD_VALUES)() ?? "");
        action[pick(random, ["postId", "newPostId", "postId"])] = id;
        break;
      }
      case 2: // times
        if (to) to.at = pick(random, TIMES);
        else if (action && isObject(action.from)) action.from.at = pick(random, TIMES);
        else plan.now = pick(random, TIMES);
        break;
      case 3: // media paths
        if (to) to.media = [{ path: pick(random, MEDIA_PATHS), kind: pick(random, ["image", "video", "gif", "pdf"]) }];
        break;
      case 4: // a second action on the same post
        if (action) actions.splice(Math.floor(random() * (actions.length + 1)), 0, chance(random, 0.5) ? structuredClone(action) : { ...structuredClone(action), newPostId: `${String(action.postId)}--again` });
        break;
      case 5: // removes: ordinary posts, the post itself, unknown ids, odd types
        if (action) action.removes = Array.from({ length: 1 + Math.floor(random() * 3) }, () => (chance(random, 0.8) ? pick(random, world.ids) : pick(random, ["ghost", "", 5, null] as Json[])));
        break;
      case 6: // to.channel
        if (to) to.channel = pick(random, CHANNELS);
        break;
      case 7: // what the action does
        if (action) action.action = pick(random, ["reroute", "delay", "skip", "notice", "failback", "delete", ""]);
        break;
      case 8:
        plan.kind = pick(random, ["reroute", "failback", "other"]);
        break;
      case 9: { // a key gone
        const all = paths(plan as Json);
        if (all.length) setAt(plan as Json, pick(random, all), undefined);
        break;
      }
      case 10:
        plan.calendar = pick(random, CALENDAR_NAMES);
        break;
      case 11: // many actions copied: a plan file grown by hand or by a bug
        if (action) for (let i = 0; i < 50; i++) actions.push({ ...structuredClone(action), postId: pick(random, world.ids) });
        break;
      default: // the text itself
        return mangleText(JSON.stringify(plan, null, 2), random);
    }
  }
  return JSON.stringify(plan, null, 2) + "\n";
}

const DURATIONS = ["25d", "9999999999h", "-1h", "0", "0s", "1e309h", "1.5h", "h", "100y", "PT5M", "11m", "366d", "1ms", "", "5 minutes", "∞"];
const URLS = ["http://127.0.0.1:1/status.json", "file:/dev/zero", "file:status/", "file:../../../../etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)",
  "http://[::1", "", "file:status/x-summary.json?token=${GRAPH_TOKEN}", `http://127.0.0.1:1/${"a".repeat(9000)}`, "${UNSET_URL}", "file:status/nope.json", "http://user:pw@127.0.0.1:1/"];
const HEADERS: readonly Json[] = [{ authorization: "Bearer ${GRAPH_TOKEN}" }, { "x-a": 5 }, { "x-a": "a\r\nb: c" }, { "": "x" }, { "bad header": "x" }, { "x-big": "b".repeat(70_000) },
  ["x-a: b"], { "x-key": "${UNSET_SECRET}" }, { "x-key": "${A${B}}" }, "authorization: x"];
const SECRET_REFS = ["${UNSET_VAR}", "${}", "${A", "$${GRAPH_TOKEN}", "${GRAPH_TOKEN}", "${GRAPH_TOKEN:-x}", "${lower}", "${1X}", "$GRAPH_TOKEN"];
const WINDOWS = ["Mon-Fri 25:00-26:00", "", "Foo", "Mon-Fri 09:00-09:00", "Sun-Mon 23:00-01:00", "Mon 9-5", "Mon-Fri 08:00-21:00"];

/** A config, tampered with: 1 to 3 edits. */
export function mutateConfig(configText: string, random: Random): string {
  const config = parse(configText) as Obj;
  const steps = 1 + Math.floor(random() * 3);
  for (let s = 0; s < steps; s++) {
    const channel = objectsIn(config.channels).length ? pick(random, objectsIn(config.channels)) : undefined;
    const source = channel && objectsIn(channel.health).length ? pick(random, objectsIn(channel.health)) : undefined;
    const defaults = isObject(config.defaults) ? config.defaults : undefined;
    switch (Math.floor(random() * 11)) {
      case 0: { const all = paths(config as Json); if (all.length) setAt(config as Json, pick(random, all), pick(random, ODD_VALUES)()); break; }
      case 1: { // durations where they are used
        const d = pick(random, DURATIONS);
        const where = Math.floor(random() * 4);
        if (where === 0 && defaults) defaults.maxDelay = d;
        else if (where === 1 && channel) channel.minGap = d;
        else if (where === 2) config.health = { ...(isObject(config.health) ? config.health : {}), [pick(random, ["deadline", "timeout", "retries", "concurrency"])]: d };
        else if (source) source.timeout = d;
        break;
      }
      case 2: if (source) { source.kind = pick(random, ["statuspage", "http", "feed", "mastodon", "json", "manual"]); source.url = pick(random, URLS); } break;
      case 3: if (source) source.headers = pick(random, HEADERS); break;
      case 4: { // ${SECRET} references anywhere a string goes
        const all = paths(config as Json).filter((p) => typeof p[p.length - 1] === "string");
        if (all.length) setAt(config as Json, pick(random, all), pick(random, SECRET_REFS));
        break;
      }
      case 5: { const all = paths(config as Json); if (all.length) setAt(config as Json, pick(random, all), deep(10 + Math.floor(random() * 100), "x")); break; }
      case 6: if (channel) channel.windows = [pick(random, WINDOWS)]; break;
      case 7: if (defaults) defaults.timezone = pick(random, ["Mars/Base", "", "UTC", "z".repeat(30_000), "America/New_York ", "+05:00"]); break;
      case 8: if (defaults) defaults.backups = [pick(random, CHANNELS), pick(random, CHANNELS)]; break;
      case 9: { const all = paths(config as Json); if (all.length) setAt(config as Json, pick(random, all), undefined); break; }
      default: return mangleText(stringify(config), random);
    }
  }
  return stringify(config, { aliasDuplicateObjects: false });
}

/** A copy of fixtures/demo to run in (never the fixture itself). */
export function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-plan-fuzz-"));
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative, sorted. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** What every run must show: a documented code, no stack trace, and exit 2 says where. */
export function expectHonestExit(r: CliResult, allowed: readonly number[]): void {
  expect(allowed, `exit ${r.code} (signal ${r.signal})\n${r.stderr}`).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toMatch(/unexpected failure|Maximum call stack|TypeError|RangeError|is not a function/);
  if (r.code === 2) {
    // file:line:col, a file named first ("plan.json: …"), or a flag ("--plan: …").
    expect(r.stderr, r.stderr).toMatch(/^(error: )?(\S[^\n]*?:\d+:\d+ (error|warning)|[^\s:][^\n]*?: |--[a-z-]+: )/m);
  }
}

export interface Project {
  dir: string;
  kind: "reroute" | "failback";
  plan: string;
  ids: string[];
}

const idsOf = (calendar: string) => [...calendar.matchAll(/^\s*-?\s*id:\s*"?([^"\s]+)"?/gm)].map((m) => m[1]!);

/**
 * The two projects plans are fuzzed against: the demo with its reroute plan, and the demo after
 * that plan was applied, with the failback plan that undoes it (stand-ins, `removes`, `rerouteOf`).
 */
export async function planProjects(): Promise<Project[]> {
  const reroute = demoCopy();
  expect((await runCli(["reroute", "--dry-run", "--no-state", "--plan-out", "plan.json", "-q", ...NOW], { cwd: reroute, timeoutMs: SLOW_RUN_MS })).code).toBe(4);
  const failback = demoCopy();
  cpSync(join(reroute, "plan.json"), join(failback, "plan.json"));
  expect((await runCli(["reroute", "--plan", "plan.json", "--yes", "--no-state", "-q", ...NOW], { cwd: failback, timeoutMs: SLOW_RUN_MS })).code).toBe(4);
  const r = await runCli(["failback", "--dry-run", "--no-state", "--plan-out", "failback.json", "-q", "--assume", "instagram=operational", ...NOW], { cwd: failback, timeoutMs: SLOW_RUN_MS });
  expect(r.code, r.stderr).toBe(0);
  return [
    { dir: reroute, kind: "reroute", plan: readFileSync(join(reroute, "plan.json"), "utf8"), ids: idsOf(readFileSync(join(reroute, "calendar.yaml"), "utf8")) },
    { dir: failback, kind: "failback", plan: readFileSync(join(failback, "failback.json"), "utf8"), ids: idsOf(readFileSync(join(failback, "calendar.yaml"), "utf8")) },
  ];
}

/** One tampered plan through the built CLI, in a fresh copy of its project; the promises checked. */
export async function planThroughCli(project: Project, text: string, variant: number): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), "failover-plan-case-"));
  cpSync(project.dir, dir, { recursive: true });
  writeFileSync(join(dir, "tampered.json"), text);
  const before = readFileSync(join(dir, "calendar.yaml"));
  const files = listing(dir);
  const args = [project.kind, "--plan", "tampered.json", "--no-state", ...NOW, ...(variant % 3 === 0 ? ["--dry-run"] : ["--yes"]), ...(variant % 2 === 0 ? ["-c", "calendar.yaml"] : [])];
  const r = await runCli(args, { cwd: dir, timeoutMs: SLOW_RUN_MS });
  expectHonestExit(r, [0, 2, 3, 4, 5]);
  const after = listing(dir);
  expect(after.filter((f) => /\.tmp$|\.lock$|\.takeover/.test(f)), "temp files left").toEqual([]);
  if (r.code === 2 || args.includes("--dry-run")) {
    expect(readFileSync(join(dir, "calendar.yaml")).equals(before), "the calendar changed on a refused plan or a dry run").toBe(true);
    expect(after).toEqual(files);
  } else {
    // Applied (or nothing to apply): at most the .bak is new.
    expect(after.filter((f) => !files.includes(f) && f !== "calendar.yaml.bak")).toEqual([]);
    const v = await runCli(["validate", "--no-state", ...NOW], { cwd: dir, timeoutMs: SLOW_RUN_MS });
    expect(v.code, `a plan that applied left a calendar that validate refuses:\n${v.stderr}`).toBe(0);
  }
  return r;
}

/** One tampered config through the built CLI; the calendar is never written by these commands. */
export async function configThroughCli(text: string, variant: number): Promise<CliResult> {
  const dir = demoCopy();
  writeFileSync(join(dir, "config/failover.yaml"), text);
  const before = readFileSync(join(dir, "calendar.yaml"));
  const files = listing(dir);
  const commands = [
    ["validate"],
    ["check", "--no-state", ...ASSUME_ALL],
    ["check", "--no-state", "--window", "72h"],
    ["reroute", "--dry-run", "--no-state", ...ASSUME_ALL],
  ];
  const r = await runCli([...commands[variant % commands.length]!, ...NOW], { cwd: dir, env: { GRAPH_TOKEN: "fuzz-secret-token-value" }, timeoutMs: SLOW_RUN_MS });
  expectHonestExit(r, [0, 2, 3, 4, 5]);
  expect(r.stdout + r.stderr).not.toContain("fuzz-secret-token-value");
  expect(readFileSync(join(dir, "calendar.yaml")).equals(before)).toBe(true);
  expect(listing(dir)).toEqual(files);
  return r;
}

/** The instant of NOW, for the library. */
export const NOW_MS = Date.parse(NOW[1]!);

export interface FuzzTally {
  passed: number;
  refused: number;
}

/**
 * `count` tampered plans through the library (read, check, apply to a scratch `out`), half against
 * each project. A plan is refused with an exit-2 error, or applied into a calendar that loads;
 * anything else throws with the seed, the case and the plan.
 */
export async function fuzzPlansInLibrary(projects: Project[], seed: number, count: number): Promise<FuzzTally> {
  const { seededRandom } = await import("./random.js");
  const { readPlanFile } = await import("../../src/planner/plan-file.js");
  const { applyPlan, checkPlanApplies } = await import("../../src/writer/apply.js");
  const { parseConfig } = await import("../../src/config/load.js");
  const { parseCalendar } = await import("../../src/calendar/load.js");
  const { isFailoverError } = await import("../../src/errors.js");
  const random = seededRandom(seed);
  const scratch = mkdtempSync(join(tmpdir(), "failover-plan-lib-"));
  const tally: FuzzTally = { passed: 0, refused: 0 };
  for (let i = 0; i < count; i++) {
    const project = projects[i % projects.length]!;
    const text = mutatePlan(project.plan, project, random);
    const file = join(scratch, "tampered.json");
    const out = join(scratch, `out-${i}.yaml`);
    writeFileSync(file, text);
    try {
      const configFile = join(project.dir, "config/failover.yaml");
      const config = parseConfig(configFile, readFileSync(configFile, "utf8"), {});
      const plan = await readPlanFile(file);
      const calendarFile = join(project.dir, "calendar.yaml");
      // Checked first as --dry-run checks (no lock, no write); what passes is then applied for real.
      await checkPlanApplies({ calendarFile, config, plan, now: NOW_MS, saved: true });
      const result = await applyPlan({ calendarFile, config, plan, now: NOW_MS, saved: true, out, backup: false });
      if (result.written) parseCalendar(out, readFileSync(out, "utf8"), config);
      tally.passed++;
    } catch (error) {
      if (isFailoverError(error) && error.exitCode === 2) {
        tally.refused++;
        continue;
      }
      throw new Error(`FUZZ_SEED=${seed}: ${project.kind} plan case ${i} broke: ${(error as Error).stack}\n--- plan ---\n${text.slice(0, 6000)}`);
    }
  }
  return tally;
}

/** `count` tampered configs through the library: loaded (and the demo calendar under it) or an InputError at a line. */
export async function fuzzConfigsInLibrary(seed: number, count: number): Promise<FuzzTally> {
  const { seededRandom } = await import("./random.js");
  const { parseConfig } = await import("../../src/config/load.js");
  const { parseCalendar } = await import("../../src/calendar/load.js");
  const { InputError } = await import("../../src/errors.js");
  const random = seededRandom(seed);
  const configText = readFileSync(join(ROOT, "fixtures/demo/config/failover.yaml"), "utf8");
  const calendarText = readFileSync(join(ROOT, "fixtures/demo/calendar.yaml"), "utf8");
  const tally: FuzzTally = { passed: 0, refused: 0 };
  for (let i = 0; i < count; i++) {
    const text = mutateConfig(configText, random);
    try {
      const config = parseConfig(join(ROOT, "fixtures/demo/config/failover.yaml"), text, { GRAPH_TOKEN: "x" });
      parseCalendar(join(ROOT, "fixtures/demo/calendar.yaml"), calendarText, config);
      tally.passed++;
    } catch (error) {
      if (error instanceof InputError && error.diagnostics.every((d) => d.line >= 1 && d.col >= 1 && d.message.length > 0)) {
        tally.refused++;
        continue;
      }
      throw new Error(`FUZZ_SEED=${seed}: config case ${i} broke: ${(error as Error).stack}\n--- config ---\n${text.slice(0, 6000)}`);
    }
  }
  return tally;
}

/** Runs `check` with the seed in the message, so a failure through the CLI says how to rerun it. */
export async function withSeed<T>(seed: number, what: string, input: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    (error as Error).message = `FUZZ_SEED=${seed}: ${what}: ${(error as Error).message}\n--- input ---\n${input.slice(0, 4000)}`;
    throw error;
  }
}
