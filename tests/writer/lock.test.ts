import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, lockPathFor, LockedError } from "../../src/writer/lock.js";
import { tempProject } from "../helpers/cli.js";

/** The pid of a process that has already ended. */
const deadPid = (): number => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString());

describe("the calendar lock", () => {
  it("is exclusive: a second taker waits for the first to release", async () => {
    const file = join(tempProject(), "calendar.yaml");
    const first = await acquireLock(file);
    const info = JSON.parse(readFileSync(lockPathFor(file), "utf8"));
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    let secondHas = false;
    const second = acquireLock(file, { waitMs: 5_000 }).then((l) => {
      secondHas = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(secondHas).toBe(false);
    await first.release();
    const lock = await second;
    expect(secondHas).toBe(true);
    await lock.release();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it("gives up after its wait with a message naming the holder", async () => {
    const file = join(tempProject(), "calendar.yaml");
    const held = await acquireLock(file);
    const error = await acquireLock(file, { waitMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockedError);
    expect(String((error as Error).message)).toMatch(new RegExp(`calendar\\.yaml: is being changed by another failover run \\(pid ${process.pid} on `));
    await held.release();
  });

  it("takes over a lock left by a process that is gone", async () => {
    const file = join(tempProject(), "calendar.yaml");
    const pid = deadPid();
    writeFileSync(lockPathFor(file), JSON.stringify({ pid, host: hostname(), startedAt: "2026-01-01T00:00:00Z", token: "dead" }));
    const lock = await acquireLock(file, { waitMs: 100 });
    expect(JSON.parse(readFileSync(lockPathFor(file), "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("takes over an unreadable lock file, and trusts another host's fresh lock", async () => {
    const dir = tempProject();
    const file = join(dir, "calendar.yaml");
    writeFileSync(lockPathFor(file), "{garbage");
    const lock = await acquireLock(file, { waitMs: 100 });
    await lock.release();
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: 1, host: "elsewhere.example", startedAt: new Date().toISOString(), token: "x" }));
    await expect(acquireLock(file, { waitMs: 100 })).rejects.toThrow(/pid 1 on elsewhere\.example/);
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: 1, host: "elsewhere.example", startedAt: "2020-01-01T00:00:00Z", token: "x" }));
    await (await acquireLock(file, { waitMs: 100 })).release();
  });

  it("takes over a lock with this process's pid but another token (a pid given again), and an hour-old one", async () => {
    const file = join(tempProject(), "calendar.yaml");
    const takeOver = async (token: string) => {
      const lock = await acquireLock(file, { waitMs: 100 });
      const now = JSON.parse(readFileSync(lockPathFor(file), "utf8"));
      expect(now.pid).toBe(process.pid);
      expect(now.token).not.toBe(token); // the lock is ours now, not the one that was there
      await lock.release();
      expect(existsSync(lockPathFor(file))).toBe(false);
    };
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: "before-a-restart" }));
    await takeOver("before-a-restart");
    // The parent (vitest) is alive, but a lock an hour old is abandoned all the same.
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: "2026-01-01T00:00:00Z", token: "ancient" }));
    await takeOver("ancient");
  });

  it("many takers of one stale lock: exactly one holds it at a time", async () => {
    const file = join(tempProject(), "calendar.yaml");
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: new Date().toISOString(), token: "dead" }));
    let holding = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const lock = await acquireLock(file, { waitMs: 10_000 });
        most = Math.max(most, ++holding);
        await new Promise((r) => setTimeout(r, 20));
        holding--;
        await lock.release();
      }),
    );
    expect(most).toBe(1);
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it("release never removes a lock that another run holds now", async () => {
    const file = join(tempProject(), "calendar.yaml");
    const lock = await acquireLock(file);
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: "someone-else" }));
    await lock.release();
    expect(existsSync(lockPathFor(file))).toBe(true);
  });
});
