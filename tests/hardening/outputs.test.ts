/**
 * Output flags never land on the files failover reads or manages, and a read-only calendar is
 * not replaced without --force.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];

function demo(): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-outputs-"));
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  return dir;
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("output paths", () => {
  it("refuses --plan-out, --json-out and --out naming the calendar, the config or a managed file", async () => {
    const dir = demo();
    symlinkSync(join(dir, "calendar.yaml"), join(dir, "link.yaml"));
    const calendar = read(dir, "calendar.yaml");
    const config = read(dir, "config/failover.yaml");
    const cases: Array<[string[], RegExp]> = [
      [["reroute", "--dry-run", "--plan-out", "calendar.yaml"], /--plan-out: calendar\.yaml is the calendar \(calendar\.yaml\); failover does not write its output over it/],
      [["reroute", "--dry-run", "--plan-out", "link.yaml"], /--plan-out: link\.yaml is the calendar/],
      [["check", "--json-out", "calendar.yaml"], /--json-out: calendar\.yaml is the calendar/],
      [["check", "--json-out", "./config/failover.yaml"], /--json-out: \.\/config\/failover\.yaml is the config/],
      [["reroute", "--yes", "--out", "calendar.yaml.bak"], /--out: calendar\.yaml\.bak is the calendar's backup/],
      [["failback", "--dry-run", "--plan-out", "calendar.yaml.lock"], /--plan-out: calendar\.yaml\.lock is the calendar's lock/],
      [["check", "--json-out", ".failover/state.json"], /--json-out: \.failover\/state\.json is the health state/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli([...args, "-q", ...NOW], { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(read(dir, "calendar.yaml")).toBe(calendar);
    expect(read(dir, "config/failover.yaml")).toBe(config);
    expect(existsSync(join(dir, "calendar.yaml.bak"))).toBe(false);
    expect(existsSync(join(dir, "calendar.yaml.lock"))).toBe(false);
  });

  it("refuses a read-only calendar unless --force, which keeps its mode", async () => {
    const dir = demo();
    const file = join(dir, "calendar.yaml");
    chmodSync(file, 0o444);
    const before = read(dir, "calendar.yaml");
    const r = await runCli(["reroute", "--yes", "-q", ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calendar\.yaml: is read-only \(mode 444\); nothing was written: make it writable, or pass --force/);
    expect(read(dir, "calendar.yaml")).toBe(before);
    expect(existsSync(join(dir, "calendar.yaml.bak"))).toBe(false);

    const forced = await runCli(["reroute", "--yes", "--force", "-q", ...NOW], { cwd: dir });
    expect(forced.code).toBe(4);
    expect(read(dir, "calendar.yaml")).toContain("reroutedTo: launch-reel--x");
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });
});
