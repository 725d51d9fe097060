/**
 * Only regular files are read: a named pipe given as the calendar, config or plan would hang the
 * run, /dev/zero would grow without bound (its size is 0, so a size check before reading passes).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";

const NOW = ["--now", "2026-07-14T08:30:00-04:00"];
const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

describe("special files", () => {
  it.skipIf(!hasMkfifo)("a named pipe as -c, --config or --plan: exit 2 at once, naming it", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\nposts: []\n" });
    expect(spawnSync("mkfifo", [join(dir, "pipe")]).status).toBe(0);
    for (const args of [["validate", "-c", "pipe"], ["validate", "--config", "pipe"], ["reroute", "--plan", "pipe", "--yes"]]) {
      const r = await runCli([...args, ...NOW], { cwd: dir, timeoutMs: 10_000 });
      expect(r.signal, args.join(" ")).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/pipe: is not a regular file \(a named pipe\); failover reads only regular files/);
    }
  });

  it("/dev/zero as -c or --config: exit 2, not a file that never ends", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\nposts: []\n" });
    for (const args of [["-c", "/dev/zero"], ["--config", "/dev/zero"]]) {
      const r = await runCli(["validate", ...args, ...NOW], { cwd: dir, timeoutMs: 10_000 });
      expect(r.signal, args.join(" ")).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\/dev\/zero: is not a regular file \(a device\)/);
    }
  });
});
