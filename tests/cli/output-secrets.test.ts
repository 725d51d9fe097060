/** `run` hands the config's secrets to the output every cycle: the list must not grow with each call. */
import { describe, expect, it } from "vitest";
import { Output } from "../../src/cli/output.js";

describe("Output.addSecrets", () => {
  it("keeps the encoded forms of the secrets as given, not forms of forms, however often it is called", () => {
    const out = new Output({ format: "table", color: false, quiet: true, verbose: false, env: { NO_COLOR: "1" } });
    const hook = "https://hooks.slack.example/services/T000/B000/XXXXsecretXXXX";
    out.addSecrets([hook]);
    const once = out.redact(`posted to ${hook} and ${encodeURIComponent(hook)} and ${Buffer.from(hook).toString("base64")}`);
    for (let cycle = 0; cycle < 60; cycle++) out.addSecrets([hook]);
    const secrets = (out as unknown as { secrets: string[] }).secrets;
    expect(secrets.length).toBeLessThan(10);
    expect(out.redact(`posted to ${hook} and ${encodeURIComponent(hook)} and ${Buffer.from(hook).toString("base64")}`)).toBe(once);
    expect(once).not.toContain("XXXXsecretXXXX");
  });
});
