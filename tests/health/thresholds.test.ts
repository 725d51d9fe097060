import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyThresholds, loadState, saveState, type HealthState } from "../../src/health/state-file.js";
import type { HealthStatus, KnownStatus } from "../../src/health/status.js";
import { decide, DEFAULT_THRESHOLDS, type ChannelState } from "../../src/health/thresholds.js";
import type { ChannelHealth } from "../../src/health/types.js";

const isDown = (s: KnownStatus) => s === "partial_outage" || s === "major_outage";

/** Feeds answers one run at a time, as repeated runs would, and returns the statuses decided. */
function run(answers: HealthStatus[], t = DEFAULT_THRESHOLDS, start?: ChannelState): HealthStatus[] {
  let state = start;
  return answers.map((raw, i) => {
    const d = decide(state, raw, `2026-07-14T12:0${i}:00Z`, t, isDown);
    if (d.next) state = d.next;
    return d.status;
  });
}

describe("thresholds (no flapping)", () => {
  it("lets the first answer stand when nothing is known yet, an outage included", () => {
    expect(run(["major_outage"])).toEqual(["major_outage"]);
    expect(decide(undefined, "major_outage", "t0", DEFAULT_THRESHOLDS, isDown)).toEqual({ status: "major_outage", next: { status: "major_outage", since: "t0" } });
  });

  it("takes a channel down only after 3 bad answers in a row, and up after 2 good ones", () => {
    expect(run(["operational", "major_outage", "major_outage", "major_outage", "operational", "operational"])).toEqual([
      "operational",
      "operational",
      "operational",
      "major_outage",
      "major_outage",
      "operational",
    ]);
  });

  it("starts counting again when a good answer breaks the run of bad ones", () => {
    expect(run(["operational", "major_outage", "major_outage", "operational", "major_outage", "major_outage"])).toEqual(Array(6).fill("operational"));
  });

  it("says what it holds: the answer, since when, how many of how many", () => {
    const prev: ChannelState = { status: "operational", since: "t0" };
    const first = decide(prev, "partial_outage", "t1", DEFAULT_THRESHOLDS, isDown);
    expect(first).toMatchObject({ status: "operational", held: { raw: "partial_outage", since: "t1", count: 1, threshold: 3 } });
    const second = decide(first.next, "major_outage", "t2", DEFAULT_THRESHOLDS, isDown);
    expect(second.held).toEqual({ raw: "major_outage", since: "t1", count: 2, threshold: 3 });
  });

  it("passes moves that change no decision at once, and leaves the counts alone on unknown", () => {
    expect(run(["operational", "degraded", "maintenance"])).toEqual(["operational", "degraded", "maintenance"]);
    expect(run(["major_outage", "partial_outage"])).toEqual(["major_outage", "partial_outage"]);
    expect(run(["operational", "major_outage", "unknown", "major_outage", "major_outage"])).toEqual(["operational", "operational", "unknown", "operational", "major_outage"]);
    expect(decide({ status: "operational", since: "t0" }, "unknown", "t1", DEFAULT_THRESHOLDS, isDown)).toEqual({ status: "unknown" });
  });

  it("follows thresholds from the config, 1 meaning at once", () => {
    expect(run(["operational", "major_outage", "operational"], { failure: 1, success: 1 })).toEqual(["operational", "major_outage", "operational"]);
    expect(run(["operational", "major_outage", "major_outage"], { failure: 2, success: 5 })).toEqual(["operational", "operational", "major_outage"]);
  });
});

describe("the state file", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "failover-state-"));
  const health = (name: string, status: HealthStatus, assumed = false): ChannelHealth => ({ name, platform: "x", status, sources: [], ...(assumed ? { assumed } : {}) });

  it("is a first run when missing, and round-trips what it saved", async () => {
    const path = join(dir(), ".failover", "state.json");
    expect(await loadState(path)).toEqual({ state: {} });
    const state: HealthState = { x: { status: "operational", since: "t0", pending: { status: "major_outage", count: 1, since: "t1" } } };
    expect(await saveState(path, state)).toBeUndefined();
    expect(await loadState(path)).toEqual({ state });
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ version: 1, channels: state });
  });

  it("warns about a corrupt file and starts afresh, never failing", async () => {
    const path = join(dir(), "state.json");
    for (const text of ["{not json", '{"version":2,"channels":{}}', '{"version":1,"channels":{"x":{"status":"down","since":"t"}}}', ""]) {
      writeFileSync(path, text);
      const r = await loadState(path);
      expect(r.state).toEqual({});
      expect(r.warning).toMatch(/rebuilt from this run$/);
    }
    expect(await saveState(join(path, "inside-a-file", "state.json"), {})).toMatch(/cannot write the health state/);
  });

  it("holds channels by their own thresholds and leaves --assume'd ones out of it", () => {
    const state: HealthState = { a: { status: "operational", since: "t0" }, b: { status: "operational", since: "t0" } };
    const out = applyThresholds(
      [health("a", "major_outage"), health("b", "major_outage", true), health("c", "major_outage")],
      (name) => (name === "a" ? { failure: 2, success: 1 } : DEFAULT_THRESHOLDS),
      isDown,
      state,
      "t1",
    );
    expect(out.map((c) => [c.name, c.status, c.held?.threshold])).toEqual([
      ["a", "operational", 2],
      ["b", "major_outage", undefined],
      ["c", "major_outage", undefined],
    ]);
    expect(state.b).toEqual({ status: "operational", since: "t0" });
    expect(state.c).toEqual({ status: "major_outage", since: "t1" });
  });

  it("counts answers closer than a minute apart as one", () => {
    const t = DEFAULT_THRESHOLDS;
    let state = decide({ status: "operational", since: "2026-07-14T12:00:00Z" }, "major_outage", "2026-07-14T12:01:00Z", t, isDown).next;
    state = decide(state, "major_outage", "2026-07-14T12:01:20Z", t, isDown).next; // 20 s later: the same answer
    expect(state!.pending).toMatchObject({ count: 1, last: "2026-07-14T12:01:00Z" });
    state = decide(state, "major_outage", "2026-07-14T12:02:00Z", t, isDown).next;
    const third = decide(state, "major_outage", "2026-07-14T12:03:00Z", t, isDown);
    expect(third.status).toBe("major_outage");
  });
});
