/**
 * The built CLI against every fault at once (the status server runs in its own process): each run
 * ends by itself, with an answer for every channel, ten runs in a row (one in `npm test`, all ten in
 * `npm run test:slow`: tests/helpers/soak.ts). A run that hung, or left a handle open so the
 * process could not exit, is killed by spawnCli and fails here (a process of its own: the
 * exit itself is what is tested).
 */
import { describe, expect, it } from "vitest";
import { spawnCli, tempProject } from "../helpers/cli.js";
import { FAULT_STATUSES, faultChannels } from "../helpers/faults.js";
import { startStatusServer } from "../helpers/status-server.js";
import { soakRuns } from "../helpers/soak.js";

describe("failover status against every fault", () => {
  it(`ends by itself within its deadline, ${soakRuns(10)} run(s) in a row`, async () => {
    const server = await startStatusServer();
    const dir = tempProject({ "config/failover.yaml": `version: 1\nhealth: { timeout: 1s, deadline: 8s, retries: 1 }\nchannels:\n${faultChannels(server.url)}\n` });
    for (let run = 0; run < soakRuns(10); run++) {
      // 30 s is the kill: far past the 8 s deadline, so only a run that does not end is caught.
      const r = await spawnCli(["status", "--json", "--no-state", "--now", "2026-07-14T12:30:00Z"], { cwd: dir, timeoutMs: 30_000 });
      expect(r.signal, `run ${run + 1} had to be killed: ${r.stderr}`).toBeNull();
      expect(r.code, r.stderr).toBe(3);
      const status = Object.fromEntries((JSON.parse(r.stdout) as { channels: Array<{ name: string; status: string }> }).channels.map((c) => [c.name, c.status]));
      expect(status).toEqual(FAULT_STATUSES);
    }
  }, 400_000);
});
