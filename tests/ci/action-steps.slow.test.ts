/**
 * The GitHub Action's check step with every input (`npm run test:slow`; the main paths are in
 * action.test.ts): window, strict, format, fail-on, command: publish and run, and bad values.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NOW, runCheckStep } from "../helpers/action.js";

describe("action.yml, every input", () => {
  it("passes the inputs through: window, strict, format, and fail-on decides the step's exit", () => {
    const covered = runCheckStep({ window: "2h", "extra-args": `--now ${NOW}`, "fail-on": "blocked" });
    expect(covered.outputs).toMatchObject({ verdict: "covered", "exit-code": "3" });
    expect(covered.code).toBe(0);
    const json = runCheckStep({ format: "json", strict: "true", "extra-args": `--now ${NOW} --assume instagram=operational`, "fail-on": "error" });
    expect(json.outputs).toMatchObject({ verdict: "go", "exit-code": "0" });
    expect(JSON.parse(json.stdout).verdict).toBe("go");
    const blockedButTolerated = runCheckStep({ "extra-args": `--now ${NOW}`, "fail-on": "error" });
    expect([blockedButTolerated.code, blockedButTolerated.outputs.verdict]).toEqual([0, "blocked"]);
  });

  it("command: publish sends what is due (nothing, in the demo) and reports it as JSON", () => {
    const r = runCheckStep({ command: "publish", "extra-args": `--now ${NOW}` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ "exit-code": "0" });
    expect(JSON.parse(readFileSync(r.outputs["json-file"]!, "utf8"))).toMatchObject({ schemaVersion: 1, published: [], failed: [] });
    expect(runCheckStep({ command: "deploy" }).code).toBe(2);
  });

  it("command: run runs one autopilot cycle with the apply, publish and notify inputs, and names the posts it moved", () => {
    const down = `--now ${NOW} --assume instagram=major_outage`;
    const ask = runCheckStep({ command: "run", apply: "ask", publish: "true", "extra-args": down, "fail-on": "error" });
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.outputs).toMatchObject({ verdict: "blocked", "exit-code": "4", moved: "" });
    const cycle = JSON.parse(readFileSync(ask.outputs["json-file"]!, "utf8"));
    expect(cycle.held.map((h: { reason: string }) => h.reason)).toEqual(Array(cycle.held.length).fill("--apply ask"));
    expect(cycle.publish).toMatchObject({ published: [], failed: [] });
    // An outage the autopilot has known for an hour (its state, kept by actions/cache): applied.
    const known = { ".failover/autopilot.json": JSON.stringify({ verdict: "blocked", outages: { instagram: { since: "2026-07-14T11:30:00Z", moved: 0, alerted: [] } }, alerted: [], posts: [] }) };
    const auto = runCheckStep({ command: "run", apply: "auto", "extra-args": down, "fail-on": "error" }, known);
    expect(auto.outputs.moved).toMatch(/^[\w-]+(, [\w-]+)+$/);
    expect(auto.outputs.moved!.split(", ")).toEqual(JSON.parse(readFileSync(auto.outputs["json-file"]!, "utf8")).moved.map((m: { postId: string }) => m.postId));
    const typo = runCheckStep({ command: "run", notify: "tema" });
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining('--notify: no channel "tema" in the config')]);
  });

  it("reports invalid input with exit 2, an empty verdict, and refuses bad strict/fail-on values", () => {
    const bad = runCheckStep({ calendar: "nope.yaml" });
    expect(bad.code).toBe(2);
    expect(bad.outputs).toMatchObject({ verdict: "", "exit-code": "2" });
    const strict = runCheckStep({ strict: "yes" });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(/::error::failover action: strict must be true or false/);
    expect(runCheckStep({ "fail-on": "sometimes" }).code).toBe(2);
  });
});
