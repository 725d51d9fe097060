/**
 * Publishing against platform APIs that misbehave, the main faults (`npm test`); every fault is in
 * hostile-publish-all.test.ts (`npm run test:slow`). The promises: see tests/helpers/hostile-publish.ts.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { publishAgainstFaults, startHostile, type HostileServer } from "../helpers/hostile-publish.js";

let server: HostileServer;
beforeAll(async () => {
  server = await startHostile();
});
afterAll(() => server.close());

describe("publishing against hostile platform APIs", () => {
  it("a hang, a trickle, a huge body, an HTML page, a redirect, a huge Retry-After, garbage after log-in: failed or uncertain, on time, nothing leaked", async () => {
    await publishAgainstFaults(server, ["hang", "trickle", "huge", "html", "redirect", "retry-huge", "late-garbage"]);
  }, 240_000);
});
