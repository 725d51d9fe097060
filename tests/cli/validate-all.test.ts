import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";

describe("failover validate", () => {
  it("a config with mistakes does not hide the calendar's: every problem of both files at once", async () => {
    const dir = tempProject({
      "config/failover.yaml": "version: 1\ndefaults: { timezone: Europe/Berln }\nchannels:\n  brand: { platform: instagram, minGap: 5 }\n",
      "calendar.yaml": "version: 1\ntimezone: UTC\nposts:\n  - { id: a, channel: brand, at: 2026-07-14T10:00, text: hi }\n  - { id: a, channel: brnd, at: 2026-02-30T10:00, text: hi }\n",
    });
    const r = await runCli(["validate"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n").map((l) => l.split(" error: ")[0]!.trim() + " " + l.split(" error: ")[1]!.split(":")[0]);
    expect(lines).toEqual([
      "calendar.yaml:5:11 posts[1].id",
      "calendar.yaml:5:23 posts[1].channel",
      "calendar.yaml:5:33 posts[1].at",
      "config/failover.yaml:2:23 defaults.timezone",
      "config/failover.yaml:4:41 channels.brand.minGap",
    ]);
    // `brand` was read from the broken config: the calendar's use of it is no error.
    expect(r.stderr).toMatch(/unknown channel "brnd" \(did you mean "brand"\?\)/);
  });
});
