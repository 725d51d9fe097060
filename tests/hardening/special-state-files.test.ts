/**
 * Files failover reads from `.failover/` and the project (the pause switch, the health history,
 * the autopilot's state, the publish journal, media) may be replaced by a FIFO or a device: each
 * is read as a regular file only, so none of them hangs `run`, `status --history` or `publish`.
 * (Before: plain readFile, which blocks on a FIFO until a writer appears, i.e. forever.)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pausedReason } from "../../src/autopilot/pause.js";
import { readHistory } from "../../src/autopilot/history.js";
import { loadAutopilotState } from "../../src/autopilot/cycle.js";
import { Journal } from "../../src/publish/journal.js";
import { readMedia } from "../../src/publish/media.js";
import { PublishFailure } from "../../src/publish/errors.js";
import type { PublishHttp } from "../../src/publish/http.js";

function fifo(name: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "failover-fifo-"));
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return { dir, path };
}

describe("a FIFO where failover keeps or reads a file", () => {
  it("the pause switch still pauses, saying it could not be read", async () => {
    expect(await pausedReason(fifo("pause").path)).toMatch(/^paused \(.*pause unreadable: .*not a regular file/);
  });

  it("the health history reads as none", async () => {
    expect(await readHistory(fifo("history.jsonl").path, 0)).toEqual([]);
  });

  it("the autopilot's state starts afresh", async () => {
    expect(await loadAutopilotState(fifo("autopilot.json").path)).toEqual({ outages: {}, alerted: [], posts: [] });
  });

  it("the publish journal is refused with its path", async () => {
    await expect(Journal.open(fifo("publish-journal.jsonl").path)).rejects.toThrow(/publish-journal\.jsonl: is not a regular file \(a named pipe\)/);
  });

  it("a media file is a permanent failure of the post, named by its path", async () => {
    const { dir } = fifo("teaser.png");
    const http = {} as PublishHttp; // a local path makes no request
    const error = await readMedia({ path: "teaser.png", kind: "image" }, { baseDir: dir, maxBytes: 5_000_000, platform: "X", http, signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishFailure);
    expect((error as PublishFailure).message).toMatch(/^teaser\.png: is not a regular file \(a named pipe\)/);
    expect((error as PublishFailure).kind).toBe("permanent");
  });
});
