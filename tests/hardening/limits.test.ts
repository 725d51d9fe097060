/** The documented limits (docs/reliability.md): each refused with a clear message, not a crash or a hang. */
import { truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_POSTS, parseCalendar } from "../../src/calendar/load.js";
import { emptyConfig } from "../../src/config/load.js";
import { FileError, InputError } from "../../src/errors.js";
import { MAX_INPUT_BYTES, readTextFile } from "../../src/yaml/read-file.js";
import { runCli, tempProject } from "../helpers/cli.js";

describe("limits", () => {
  it("refuses a file over the size limit before reading it, and a file that is not UTF-8", async () => {
    const dir = tempProject();
    const big = join(dir, "big.yaml");
    writeFileSync(big, "x".repeat(2048));
    await expect(readTextFile(big, 1024)).rejects.toThrow(new FileError(big, "is 2048 bytes; the limit is 1024 bytes"));
    const latin1 = join(dir, "latin1.yaml");
    writeFileSync(latin1, Buffer.from([0x76, 0x65, 0x72, 0x3a, 0x20, 0xe9, 0x0a]));
    await expect(readTextFile(latin1)).rejects.toThrow(/is not valid UTF-8 text/);
  });

  it(`refuses more than ${MAX_POSTS} posts, saying so at the posts key`, () => {
    const text = `version: 1\nposts: [${Array(MAX_POSTS + 1).fill("1").join(",")}]\n`;
    try {
      parseCalendar("cal.yaml", text, emptyConfig({}));
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).diagnostics).toEqual([
        { file: "cal.yaml", line: 2, col: 8, severity: "error", message: `posts: ${MAX_POSTS + 1} posts; the limit is ${MAX_POSTS}: split the calendar` },
      ]);
    }
  });

  it("validate states the limits (-v and JSON), and refuses a calendar or config over the size limit naming it, exit 2", async () => {
    const dir = tempProject({ "calendar.yaml": "version: 1\nposts: []\n", "config/failover.yaml": "version: 1\n" });
    const json = await runCli(["validate", "--json", "--now", "2026-07-14T12:00:00Z"], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).limits).toEqual({ fileBytes: MAX_INPUT_BYTES, posts: MAX_POSTS });
    const verbose = await runCli(["validate", "-v", "--now", "2026-07-14T12:00:00Z"], { cwd: dir });
    expect(verbose.stderr).toContain(`limits: 64 MiB a file (calendar, config, plan), ${MAX_POSTS} posts a calendar`);
    // Sparse: the size is over the limit, nothing is written to disk, and nothing is read.
    for (const name of ["calendar.yaml", "config/failover.yaml"]) {
      truncateSync(join(dir, name), MAX_INPUT_BYTES + 1);
      const over = await runCli(["validate", "--now", "2026-07-14T12:00:00Z"], { cwd: dir });
      expect(over.code, over.stderr).toBe(2);
      expect(over.stderr).toContain(`${name}: is ${MAX_INPUT_BYTES + 1} bytes; the limit is 64 MiB`);
      writeFileSync(join(dir, name), "version: 1\nposts: []\n".slice(0, name === "calendar.yaml" ? undefined : 11));
    }
  });
});
