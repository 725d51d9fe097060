/** The documented limits (docs/reliability.md): each refused with a clear message, not a crash or a hang. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_POSTS, parseCalendar } from "../../src/calendar/load.js";
import { emptyConfig } from "../../src/config/load.js";
import { FileError, InputError } from "../../src/errors.js";
import { readTextFile } from "../../src/yaml/read-file.js";
import { tempProject } from "../helpers/cli.js";

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
});
