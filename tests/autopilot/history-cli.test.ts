/** `check` and `status` add to the health history as `run` does: one line per channel per check. */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempProject } from "../helpers/cli.js";

describe("the health history from check and status", () => {
  it("gets one line per channel checked, at --now; --no-state records nothing", async () => {
    const dir = tempProject();
    cpSync(join(ROOT, "fixtures/demo"), dir, { recursive: true });
    const lines = () => readFileSync(join(dir, ".failover", "history.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { at: string; channel: string; status: string });
    const check = await runCli(["check", "--now", "2026-07-14T08:00Z", "--json"], { cwd: dir });
    const checked = (JSON.parse(check.stdout) as { channels: Array<{ name: string; status: string }> }).channels;
    expect(lines()).toEqual(checked.map((c) => ({ at: "2026-07-14T08:00:00Z", channel: c.name, status: c.status, sources: expect.any(Array) })));
    expect(lines().find((l) => l.channel === "instagram")?.status).toBe("major_outage");
    const status = await runCli(["status", "--now", "2026-07-14T08:05Z", "--json"], { cwd: dir });
    const all = (JSON.parse(status.stdout) as { channels: Array<{ name: string }> }).channels.map((c) => c.name);
    expect(lines().filter((l) => l.at === "2026-07-14T08:05:00Z").map((l) => l.channel)).toEqual(all);
    await runCli(["check", "--now", "2026-07-14T08:10Z", "--no-state"], { cwd: dir });
    expect(lines()).toHaveLength(checked.length + all.length);
  });
});
