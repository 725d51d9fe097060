/**
 * Fuzzing the loaders: thousands of mutated calendars and configs, each answered with an
 * InputError (exit 2) or a loaded file, never anything else (exit 1 is a bug); and a sample of
 * them through the real bin, where the exit code must be documented and no stack trace printed.
 * Seeded, so a failure names the seed and the input that broke it, and reruns the same way.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../src/calendar/load.js";
import { parseConfig } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";
import { seededRandom } from "../helpers/random.js";

const DEMO_CALENDAR = readFileSync(join(ROOT, "fixtures/demo/calendar.yaml"), "utf8");
const DEMO_CONFIG = readFileSync(join(ROOT, "fixtures/demo/config/failover.yaml"), "utf8");
const SEED = Number(process.env.FUZZ_SEED ?? 20260714);

const SPICE = [":", "-", "[", "]", "{", "}", "&a", "*a", "!!str", "!!binary", "|", ">", "'", '"', "%", "@", "`", "#", ",", "?", "\t", "\n", " ", "\uFEFF", "\u0000", "\u202E", "🏳️‍🌈", "ﬃ", "\r\n", "<<: *a", "~", "null", "-1", "1e309", "2026-02-30T10:00", "0x", "...", "---"];

export function mutate(text: string, random: () => number): string {
  const lines = text.split("\n");
  const pick = (n: number) => Math.floor(random() * n);
  const steps = 1 + pick(4);
  let out = lines;
  for (let s = 0; s < steps; s++) {
    const i = pick(out.length);
    switch (pick(8)) {
      case 0: out.splice(i, 1 + pick(3)); break; // delete lines
      case 1: out.splice(i, 0, out[pick(out.length)] ?? ""); break; // duplicate a line
      case 2: { const l = out[i] ?? ""; const at = pick(l.length + 1); out[i] = l.slice(0, at) + SPICE[pick(SPICE.length)] + l.slice(at); break; }
      case 3: out[i] = (out[i] ?? "").replace(/^\s*/, " ".repeat(pick(9))); break; // re-indent
      case 4: { const j = pick(out.length); [out[i], out[j]] = [out[j] ?? "", out[i] ?? ""]; break; } // swap
      case 5: out[i] = (out[i] ?? "").replace(/: .*$/, `: ${SPICE[pick(SPICE.length)]}`); break; // replace a value
      case 6: out = out.slice(0, i); break; // truncate
      default: { const l = out[i] ?? ""; out[i] = l.slice(0, pick(l.length + 1)); } // cut a line
    }
  }
  return out.join("\n");
}

function classify(load: () => unknown): "ok" | "input-error" {
  try {
    load();
    return "ok";
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of error.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.col).toBeGreaterThanOrEqual(1);
        expect(d.message.length).toBeGreaterThan(0);
      }
      return "input-error";
    }
    throw error;
  }
}

describe("fuzzing the loaders", () => {
  it("answers 3,000 mutated calendars and 1,500 mutated configs with a loaded file or an InputError", () => {
    const random = seededRandom(SEED);
    const config = parseConfig("config/failover.yaml", DEMO_CONFIG, {});
    const seen = { ok: 0, "input-error": 0 };
    const deadline = performance.now() + 60_000;
    let n = 0;
    for (; n < 3_000 && performance.now() < deadline; n++) {
      const text = mutate(DEMO_CALENDAR, random);
      try {
        seen[classify(() => parseCalendar("calendar.yaml", text, config))]++;
      } catch (error) {
        throw new Error(`seed ${SEED}, calendar case ${n} crashed: ${(error as Error).stack}\n--- input ---\n${text}`);
      }
    }
    for (let m = 0; m < 1_500 && performance.now() < deadline; m++) {
      const text = mutate(DEMO_CONFIG, random);
      try {
        seen[classify(() => parseConfig("config/failover.yaml", text, { GRAPH_TOKEN: "x" }))]++;
      } catch (error) {
        throw new Error(`seed ${SEED}, config case ${m} crashed: ${(error as Error).stack}\n--- input ---\n${text}`);
      }
    }
    // The mutator must actually produce both outcomes, or this test proves nothing.
    expect(seen["input-error"]).toBeGreaterThan(500);
    expect(seen.ok).toBeGreaterThan(50);
    expect(n).toBeGreaterThan(1_000);
  });

  it("gives a documented exit code and no stack trace through the real bin", async () => {
    const random = seededRandom(SEED + 1);
    const dir = tempProject({ "config/failover.yaml": DEMO_CONFIG });
    const codes = new Set<number | null>();
    for (let i = 0; i < 24; i++) {
      writeFileSync(join(dir, "calendar.yaml"), mutate(DEMO_CALENDAR, random));
      const command = i % 2 === 0 ? ["validate"] : ["check", "--now", "2026-07-14T08:30:00-04:00", "--assume", "instagram=major_outage", "--assume", "x=operational", "--assume", "linkedin=operational", "--assume", "bluesky=operational", "--assume", "newsletter=operational"];
      const r = await runCli(command, { cwd: dir });
      codes.add(r.code);
      expect([0, 2, 3, 4], `exit ${r.code} for case ${i}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(r.stderr).not.toMatch(/unexpected failure/);
    }
    expect(codes.has(2)).toBe(true);
  });
});
