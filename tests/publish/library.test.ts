/**
 * Publishing as a library (src/index.ts, docs/library.md): the registry holds one publisher per
 * platform, all of one shape, and `publishProject` sends a due post with no CLI around it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISHERS, PUBLISH_SETTINGS, publisherFor, publishProject, loadProject, PublishFailure, isPublishFailure, permanent, checkHealth } from "../../src/index.js";
import { NOW, startFakes, type Fakes } from "../helpers/publish-fakes.js";
import { IMG, partTwoEnv, partTwoProject } from "../helpers/part-two.js";

let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await fakes.close();
});

describe("publishing as a library", () => {
  it("exports one publisher per publishable platform, each of the same shape", () => {
    expect(Object.keys(PUBLISHERS).sort()).toEqual(Object.keys(PUBLISH_SETTINGS).sort());
    for (const [platform, p] of Object.entries(PUBLISHERS)) {
      expect(p!.platform).toBe(platform);
      expect(publisherFor(p!.platform)).toBe(p);
      expect(["exact", "unknown"]).toContain(p!.recovery);
      expect(typeof p!.publish).toBe("function");
      expect(typeof p!.settings.safeParse).toBe("function");
    }
    const refusal = permanent("no", "fix it");
    expect([refusal instanceof PublishFailure, isPublishFailure(refusal), refusal.kind]).toEqual([true, true, "permanent"]);
  });

  it("publishProject sends a due Pin and writes it back, with health and the clock given", async () => {
    const dir = partTwoProject(fakes, `  - { id: lib1, channel: pinterest, at: "2026-07-14T10:00", title: "Lib", text: "from the library", ${IMG} }\n`);
    const project = await loadProject({ calendar: join(dir, "calendar.yaml"), config: join(dir, "config", "failover.yaml"), env: partTwoEnv(fakes) });
    const report = await publishProject(project, { now: Date.parse(NOW), readHealth: (channels) => checkHealth(project.config, channels, { now: Date.parse(NOW) }) });
    expect(report.failed).toEqual([]);
    expect(report.published).toEqual([{ postId: "lib1", channel: "pinterest", url: expect.stringMatching(/^https:\/\/www\.pinterest\.com\/pin\/\d+\/$/), remoteId: expect.any(String) }]);
    expect(readFileSync(join(dir, "calendar.yaml"), "utf8")).toMatch(/id: lib1,.*status: posted/);
  }, 60_000);
});
