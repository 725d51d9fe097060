/**
 * Media a platform refuses, on each of the six part-two platforms (fakes in tests/fakes/part-two.mjs,
 * in their own process): a file that is not an image it takes (the fakes read the bytes, as the platforms do), one over its size limit, and, for Meta's
 * containers, a file fetched and then failed in processing (status ERROR). Each gives `failed`
 * (not retryable: the post needs fixing) with a plain message, nothing is posted, and a rerun
 * sends nothing more. X and LinkedIn take a video through their uploads; elsewhere a video fails, saying
 * so, and never goes out without its video.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakes, type Fakes } from "../helpers/publish-fakes.js";
import { partTwoProject, publishPartTwo } from "../helpers/part-two.js";

let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await fakes.close();
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const item = (id: string, channel: string, path: string, kind = "image") => `  - { id: ${id}, channel: ${channel}, at: "2026-07-14T10:00", text: "media ${id}", media: [{ path: ${path}, kind: ${kind}, alt: "alt ${id}" }] }`;
/** An MP4's first box ("ftyp") and 5 MB: two chunks. */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(5 * 1024 * 1024, 1)]);
type Failed = { postId: string; channel: string; error: string; retryable: boolean; hint?: string };

describe("media refused by the platform", () => {
  it("gives failed with a plain message and no retry, on each platform; nothing is posted", async () => {
    const dir = partTwoProject(
      fakes,
      [
        item("mx", "x", "assets/notes.txt"),
        item("big", "x", "assets/huge.png"),
        item("ml", "linkedin", "assets/notes.txt"),
        item("mt", "threads", "assets/broken.png"),
        item("mf", "facebook", "assets/notes.txt"),
        item("mi", "instagram", "assets/broken.png"),
        item("mp", "pinterest", "assets/notes.txt"),
      ].join("\n") + "\n",
      {},
      { "notes.txt": Buffer.from("meeting notes, not an image\n"), "broken.png": PNG, "huge.png": Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) },
    );
    const before = (await fakes.state()) as unknown as Record<string, unknown[]>;
    const { code, report } = await publishPartTwo(fakes, dir);
    expect(code).toBe(6);
    expect(report.published).toEqual([]);
    const failed = new Map((report.failed as Failed[]).map((f) => [f.postId, f]));
    const expected: Record<string, [RegExp, RegExp]> = {
      mx: [/media type unrecognized/, /X refused the media/],
      big: [/huge\.png is 5,242,9\d\d bytes; X takes at most 5,242,880 bytes/, /make the image smaller/],
      ml: [/Unsupported media type/, /LinkedIn refused the image/],
      mt: [/Threads could not process the media \(container \d+\): UNKNOWN/, /format the platform takes/],
      mf: [/Missing or invalid image file \(code 324\)/, /Facebook could not fetch or refused the media/],
      mi: [/Instagram could not process the media \(container \d+\): Error: Media upload has failed with error code 2207026/, /format the platform takes/],
      mp: [/Invalid image/, /Pinterest refused the image/],
    };
    for (const [id, [error, hint]] of Object.entries(expected)) {
      const f = failed.get(id)!;
      expect(f, id).toBeDefined();
      expect(f.retryable, id).toBe(false);
      expect(f.error, id).toMatch(error);
      expect(f.hint, id).toMatch(hint);
    }
    const after = (await fakes.state()) as unknown as Record<string, unknown[]>;
    for (const list of ["tweets", "linkedin", "threads", "facebook", "instagram", "pins"]) expect(after[list]!.length, list).toBe(before[list]!.length);
    const calendar = readFileSync(join(dir, "calendar.yaml"), "utf8");
    for (const id of Object.keys(expected)) expect(calendar, id).toMatch(new RegExp(`id: ${id},.*status: failed, error: `));
    // A refusal is final: the rerun sends nothing.
    const again = await publishPartTwo(fakes, dir);
    expect(again.report.due).toEqual([]);
  }, 120_000);
});

describe("videos and carousels", () => {
  it("a video where no video upload is built yet fails, saying so; nothing goes out without it", async () => {
    const dir = partTwoProject(fakes, ["facebook", "pinterest"].map((c) => item(`v${c}`, c, "assets/clip.mp4", "video")).join("\n") + "\n", {}, { "clip.mp4": MP4 });
    const before = (await fakes.state()) as unknown as Record<string, unknown[]>;
    const { report } = await publishPartTwo(fakes, dir);
    const names: Record<string, string> = { facebook: "Facebook Pages", pinterest: "Pinterest" };
    for (const [channel, name] of Object.entries(names)) {
      const f = (report.failed as Failed[]).find((x) => x.postId === `v${channel}`)!;
      expect(f, channel).toMatchObject({ retryable: false, error: `video publishing to ${name} is not supported yet (assets/clip.mp4): the post was not sent` });
    }
    const after = (await fakes.state()) as unknown as Record<string, unknown[]>;
    for (const list of ["facebook", "pins"]) expect(after[list]!.length, list).toBe(before[list]!.length);
  }, 120_000);

  it("X: a video goes through the chunked upload (INIT, APPEND in 4 MB chunks, FINALIZE, STATUS until succeeded); one X cannot process fails", async () => {
    const dir = partTwoProject(fakes, [item("xv", "x", "assets/clip.mp4", "video"), item("xbad", "x", "assets/bad.mp4", "video")].join("\n") + "\n", {}, { "clip.mp4": MP4, "bad.mp4": Buffer.alloc(1000, 3) });
    const { report } = await publishPartTwo(fakes, dir);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["xv"]);
    const tweets = ((await fakes.state()) as unknown as { tweets: Array<{ text: string; media: Array<{ category: string; segments: number[]; size: number; processing: string }> }> }).tweets;
    const video = tweets.find((t) => t.text === "media xv")!.media[0]!;
    expect(video).toMatchObject({ category: "tweet_video", segments: [4 * 1024 * 1024, MP4.length - 4 * 1024 * 1024], size: MP4.length, processing: "succeeded" });
    expect(report.failed).toEqual([expect.objectContaining({ postId: "xbad", retryable: false, error: "X could not process assets/bad.mp4: Unsupported video format" })]);
    expect(tweets.some((t) => t.text === "media xbad")).toBe(false);
  }, 120_000);

  it("LinkedIn: a video goes through the Videos API (initializeUpload, parts with their ETags, finalizeUpload, status until AVAILABLE); one it cannot process fails", async () => {
    const dir = partTwoProject(fakes, [item("lv", "linkedin", "assets/clip.mp4", "video"), item("lbad", "linkedin", "assets/bad.mp4", "video")].join("\n") + "\n", {}, { "clip.mp4": MP4, "bad.mp4": Buffer.alloc(1000, 3) });
    const { report } = await publishPartTwo(fakes, dir);
    expect(report.published.map((p: { postId: string }) => p.postId)).toEqual(["lv"]);
    const s = (await fakes.state()) as unknown as { linkedin: Array<{ commentary: string; images: Array<{ id: string }> }>; liVideos: Record<string, { size: number; parts: Array<{ size: number; etag: string }>; status: string }> };
    const posted = s.linkedin.find((p) => p.commentary === "media lv")!;
    const video = s.liVideos[posted.images[0]!.id]!;
    expect(video).toMatchObject({ size: MP4.length, status: "AVAILABLE", parts: [{ size: 4 * 1024 * 1024 }, { size: MP4.length - 4 * 1024 * 1024 }] });
    expect(report.failed).toEqual([expect.objectContaining({ postId: "lbad", retryable: false, error: "LinkedIn could not process assets/bad.mp4: Invalid video file" })]);
    expect(s.linkedin.some((p) => p.commentary === "media lbad")).toBe(false);
  }, 120_000);

  it("a Pin with several images is a carousel Pin (multiple_image_base64)", async () => {
    const dir = partTwoProject(fakes, `  - { id: pc, channel: pinterest, at: "2026-07-14T10:00", title: "Two", text: "two images", media: [{ path: assets/teaser.png, kind: image, alt: "first" }, { path: assets/teaser.png, kind: image, alt: "second" }] }\n`);
    const { code, report } = await publishPartTwo(fakes, dir);
    expect(code, JSON.stringify(report.failed)).toBe(0);
    const pins = ((await fakes.state()) as unknown as { pins: Array<{ title: string; media_source: { source_type: string; items: number } }> }).pins;
    expect(pins.at(-1)).toMatchObject({ title: "Two", media_source: { source_type: "multiple_image_base64", items: 2 } });
  }, 120_000);
});
