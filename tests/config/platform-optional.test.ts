import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";

describe("a channel's platform", () => {
  it("may be left out when the channel is named like a platform", () => {
    const config = parseConfig("failover.yaml", "version: 1\nchannels:\n  instagram: {}\n  x: { minGap: 5m }\n", {});
    expect(config.channels.get("instagram")!.platform).toBe("instagram");
    expect(config.channels.get("x")!.minGapMs).toBe(300_000);
  });

  it("is required, with a did-you-mean at the channel, for any other name", () => {
    const error = (() => {
      try {
        parseConfig("failover.yaml", "version: 1\nchannels:\n  instagramm: {}\n  x-support: { minGap: 5m }\n", {});
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '3:3 channels.instagramm: platform is required: "instagramm" is not a platform name (did you mean "instagram"?) (write e.g. platform: x)',
      '4:3 channels.x-support: platform is required: "x-support" is not a platform name (write e.g. platform: x)',
    ]);
  });
});
