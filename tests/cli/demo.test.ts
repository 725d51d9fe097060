/**
 * `npm run demo` tells the truth: each `$ failover …` line is the exact command it ran, what
 * follows is what that command prints (the same as running it yourself), the exit codes are the
 * README's, and it leaves no copy behind.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");
/** Latencies differ from run to run; nothing else may. */
const steady = (text: string) => text.replace(/\d+ ms +/g, "N ms ").replace(/ +$/gm, "");

describe("npm run demo", () => {
  it("prints each command as run, its real output and exit code, and removes its copy", async () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "demo.js")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "true" }, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const sections = r.stdout.split(/^\$ failover /m).slice(1);
    const commands = sections.map((s) => s.slice(0, s.indexOf("    # ")));
    expect(commands.map((c) => c.split(" --now")[0])).toEqual([
      "validate",
      "status",
      "check",
      "reroute --dry-run",
      "reroute --yes",
      "list",
      "failback --dry-run --assume instagram=operational",
    ]);
    for (const c of commands) expect(c).toMatch(/ --now 2026-07-14T08:30:00-04:00 --no-state$/);
    expect(sections.map((s) => Number(/\(exit (\d+)\)\n/.exec(s)?.[1]))).toEqual([0, 3, 4, 4, 4, 0, 0]);
    // What the demo shows is what the command prints when you run it yourself.
    for (const i of [0, 2]) {
      const own = await runCli(commands[i]!.split(" "), { cwd: DEMO });
      const shown = sections[i]!.slice(sections[i]!.indexOf("\n") + 1, sections[i]!.lastIndexOf("(exit"));
      expect(steady(shown)).toBe(steady(own.stdout));
      expect(own.code).toBe(i === 0 ? 0 : 4);
    }
    expect(r.stderr).toContain("applied 6 actions to calendar.yaml; the previous version is in calendar.yaml.bak");
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith("failover-demo-"))).toEqual([]);
  });
});
