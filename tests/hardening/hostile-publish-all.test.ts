/**
 * Publishing against platform APIs that misbehave, every fault the hostile server knows
 * (`npm run test:slow`). The promises: see tests/helpers/hostile-publish.ts.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { publishAgainstFaults, startHostile, type HostileServer } from "../helpers/hostile-publish.js";

let server: HostileServer;
beforeAll(async () => {
  server = await startHostile();
});
afterAll(() => server.close());

describe("publishing against hostile platform APIs (every fault)", () => {
  it("each fault ends failed or uncertain with a reason, on time, with no secret, escape or workflow command printed", async () => {
    await publishAgainstFaults(server, server.modes);
  });
});
