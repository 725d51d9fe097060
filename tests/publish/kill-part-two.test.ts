/**
 * kill -9 mid-publish across the six part-two platforms (and a Bluesky and a Mastodon post), then a
 * rerun: fixed kill points. The randomized many-kill version is
 * tests/publish/kill-part-two.slow.test.ts (`npm run test:slow`).
 */
import { describe, expect, it } from "vitest";
import { killAndRerun } from "../helpers/kill-part-two.js";

describe("kill -9 across X, LinkedIn, Threads, Facebook Pages, Instagram, Pinterest", () => {
  it("killed before Instagram's media_publish reached it: the rerun publishes the container made before the crash, no new one", async () => {
    const { stalled, statuses, containers } = await killAndRerun({ killAt: 1, after: false, path: "/ig/v21.0/17841400000000001/media_publish" });
    expect(stalled?.path).toMatch(/media_publish$/);
    expect(statuses.i1).toBe("posted");
    expect(containers.after.instagram).toBe(containers.atKill.instagram);
  }, 300_000);

  it("killed after X carried out the post but before its answer: uncertain, never resent", async () => {
    const { stalled, statuses } = await killAndRerun({ killAt: 1, after: true, path: "/x/2/tweets" });
    expect(stalled?.path).toBe("/x/2/tweets");
    expect(statuses.x1).toBe("uncertain");
  }, 300_000);
});
