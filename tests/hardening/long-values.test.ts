/**
 * A huge value pasted by mistake (a 30 KB zone or channel name) gets a short message: no
 * did-you-mean beyond MAX_SUGGEST_INPUT characters (its cost is quadratic), and at most ~80
 * characters of the value quoted.
 */
import { describe, expect, it } from "vitest";
import { closest, MAX_SUGGEST_INPUT } from "../../src/util/did-you-mean.js";
import { runCli, tempProject } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];

describe("long values", () => {
  it("suggests nothing for inputs over the limit, and still suggests under it", () => {
    expect(closest("Europe/Berln", ["Europe/Berlin", "Europe/Paris"])).toBe("Europe/Berlin");
    expect(closest("Europe/Berlin" + "x".repeat(MAX_SUGGEST_INPUT), ["Europe/Berlin"])).toBeUndefined();
  });

  it("a 30 KB zone and channel name: exit 2 at once, each quoted in at most ~80 characters", async () => {
    const zone = "Europe/Berlinx".repeat(2200);
    const channel = "instagramm".repeat(3000);
    const dir = tempProject({ "calendar.yaml": `version: 1\ntimezone: ${zone}\nposts:\n  - { id: a, channel: ${channel}, at: 2026-07-20T10:00, text: hi }\n` });
    const r = await runCli(["validate", ...NOW], { cwd: dir, timeoutMs: 15_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calendar\.yaml:2:11 error: timezone: "(Europe\/Berlinx){5}Europe\/Ber… \(30800 characters\)" is not a time zone/);
    expect(r.stderr).toMatch(/unknown channel "(instagramm){8}… \(30000 characters\)"/);
    expect(r.stderr.length).toBeLessThan(1000);
  });
});
