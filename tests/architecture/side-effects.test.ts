/** Importing the library changes nothing in its host: zod's global configuration stays as it was. */
import { z } from "zod";
import { describe, expect, it } from "vitest";

/** What zod fills in by itself on first use (its English messages, its memo cache): not ours. */
const ZOD_OWN_DEFAULTS = ["localeError", "memoizer"];

describe("the library has no side effect on import", () => {
  it("importing failover and loading a project leaves zod's configuration as the host set it; the CLI's main() sets jitless for itself when a command runs", async () => {
    const hostError = () => "the host's own message";
    z.config({ customError: hostError });
    const before = { ...z.config() };

    const library = await import("../../src/index.js");
    await library.loadProject({ calendar: "fixtures/demo/calendar.yaml", config: "fixtures/demo/config/failover.yaml", env: {} });
    const after = z.config();
    expect(after.customError).toBe(hostError);
    expect(after.jitless).toBeUndefined();
    expect(Object.keys(after).filter((k) => !(k in before) && !ZOD_OWN_DEFAULTS.includes(k))).toEqual([]);

    const { main } = await import("../../src/cli/main.js");
    expect(z.config().jitless).toBeUndefined(); // loading the CLI is not enough either
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => writes.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      expect(await main(["node", "failover", "--version"])).toBe(0);
      // --version loads no command (nor zod, for start-up time): zod is set when a command runs.
      expect(z.config().jitless).toBeUndefined();
      const demo = ["-c", "fixtures/demo/calendar.yaml", "--config", "fixtures/demo/config/failover.yaml", "--now", "2026-07-14T12:00:00Z", "--json"];
      expect(await main(["node", "failover", "validate", ...demo], {})).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(writes.join("")).toMatch(/^\d+\.\d+\.\d+/);
    expect(z.config().jitless).toBe(true);
  });
});
