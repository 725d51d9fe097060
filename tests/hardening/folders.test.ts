/**
 * The calendar's folder as it is found: a lock that is not a lock, a folder failover may not
 * write in. Each ends with exit 2 and a sentence naming the path, never a spin or a raw errno.
 */
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { spawnSync } from "node:child_process";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];

function demo(): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-folders-"));
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  return dir;
}

describe("the calendar's folder", () => {
  it("a lock that is a folder cannot be broken: exit 2 naming it, not a busy loop", async () => {
    const dir = demo();
    mkdirSync(join(dir, "calendar.yaml.lock"));
    const r = await runCli(["reroute", "--yes", "-q", ...NOW], { cwd: dir, timeoutMs: 15_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calendar\.yaml\.lock: looks abandoned but cannot be removed \(EISDIR\); remove it by hand/);
  });

  it("a lock that is a dangling symlink: exit 2 at once (it never frees itself), naming it", async () => {
    const dir = demo();
    symlinkSync(join(dir, "nowhere"), join(dir, "calendar.yaml.lock"));
    const r = await runCli(["reroute", "--yes", "-q", ...NOW], { cwd: dir, timeoutMs: 25_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is locked by \S*calendar\.yaml\.lock, which is not a lock failover can read or take over/);
    expect(lstatSync(join(dir, "calendar.yaml.lock")).isSymbolicLink()).toBe(true);
  });

  it("a lock that is a symlink to a file is someone else's: exit 2, the link and the file left as they were", async () => {
    const dir = demo();
    writeFileSync(join(dir, "notes.txt"), "not a lock\n");
    symlinkSync(join(dir, "notes.txt"), join(dir, "calendar.yaml.lock"));
    const before = readFileSync(join(dir, "calendar.yaml"), "utf8");
    const r = await runCli(["reroute", "--yes", "-q", ...NOW], { cwd: dir, timeoutMs: 25_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/which is not a lock failover can read or take over/);
    expect(lstatSync(join(dir, "calendar.yaml.lock")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("not a lock\n");
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
  });

  // As root, permissions do not stop a write: the run is made as `nobody` instead.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && spawnSync("setpriv", ["--version"]).status !== 0)("a folder it may not write in: exit 2, \"cannot write in <folder>\"", async () => {
    const dir = demo();
    chmodSync(tmpdir(), 0o1777);
    // The file itself may be written (else it is refused as read-only first): only the folder may not.
    chmodSync(join(dir, "calendar.yaml"), 0o666);
    chmodSync(dir, 0o555);
    const before = readFileSync(join(dir, "calendar.yaml"), "utf8");
    const args = ["reroute", "--yes", "-q", ...NOW];
    const r = asRoot
      ? spawnSync("setpriv", ["--reuid", "65534", "--regid", "65534", "--clear-groups", process.execPath, join(ROOT, "bin", "failover.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
      : spawnSync(process.execPath, [join(ROOT, "bin", "failover.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    chmodSync(dir, 0o755);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`cannot write in ${dir.replace(/[/.]/g, "\\$&")} \\(permission denied\\)`));
    expect(r.stderr).not.toMatch(/EACCES/);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toBe(before);
  });
});
