/**
 * `failover __complete channels` reads the config's channel names with the YAML parser alone (it
 * runs at every tab: no schema, no zod; docs/performance.md). What that means for a config with mistakes.
 */
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";

describe("__complete channels without the config's schema", () => {
  it("offers the names a config declares even where the config has mistakes elsewhere (validate reports them)", async () => {
    const dir = tempProject({ "config/failover.yaml": "version: 1\nchannels:\n  newsroom: { platform: not-a-platform }\n  team-chat: { platform: slack }\n" });
    const r = await runCli(["__complete", "channels"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const names = r.stdout.split("\n").filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(["newsroom", "team-chat", "bluesky", "instagram"]));
    expect(names).toEqual([...names].sort());
    expect((await runCli(["validate"], { cwd: dir })).code).toBe(2);
  });

  it("--config names the file; a missing one, a list where the channels go, or none offers the platform names alone", async () => {
    const dir = tempProject({ "other.yaml": "channels:\n  only-here: { platform: x }\n", "config/failover.yaml": "channels: [a, b]\n" });
    expect((await runCli(["__complete", "channels", "--config", "other.yaml"], { cwd: dir })).stdout.split("\n")).toContain("only-here");
    for (const args of [["--config", "missing.yaml"], []]) {
      const r = await runCli(["__complete", "channels", ...args], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n")).not.toContain("a");
      expect(r.stdout.split("\n")).toContain("bluesky");
    }
  });
});
