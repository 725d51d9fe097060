/** A post's media as bytes for an upload: files relative to the calendar's folder, or URLs fetched. */
import { stat } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { MediaOut } from "../adapters/types.js";
import { mediaPathProblem } from "../calendar/load.js";
import { permanent } from "./errors.js";
import { FileError } from "../errors.js";
import { readRegularFile } from "../yaml/read-file.js";
import type { PublishHttp } from "./http.js";

const TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
};

export interface MediaBytes {
  bytes: Buffer;
  mimeType: string;
  name: string;
  alt?: string;
}

export function mimeTypeOf(path: string): string {
  return TYPES[extname(path.split("?")[0]!).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Reads one item, refusing (permanently: the post needs fixing) one over `maxBytes`, with the
 * platform's limit named in the message.
 */
export async function readMedia(item: MediaOut, opts: { baseDir: string; maxBytes: number; platform: string; http: PublishHttp; signal: AbortSignal }): Promise<MediaBytes> {
  const name = basename(item.path.split("?")[0]!);
  const tooBig = (size: number) =>
    permanent(`${item.path} is ${size.toLocaleString("en")} bytes; ${opts.platform} takes at most ${opts.maxBytes.toLocaleString("en")} bytes an image`, "make the image smaller (resize or compress it) and publish again");
  let bytes: Buffer;
  if (/^https?:\/\//i.test(item.path)) {
    const answer = await opts.http.request({ url: item.path }, opts.signal);
    if (answer.status !== 200) throw permanent(`${item.path}: could not be fetched (HTTP ${answer.status})`);
    bytes = answer.bytes;
  } else {
    const problem = mediaPathProblem(item.path);
    if (problem) throw permanent(problem);
    const file = resolve(opts.baseDir, item.path);
    const size = await stat(file).then((s) => s.size, () => -1);
    if (size < 0) throw permanent(`${item.path}: no such file (media paths are relative to the calendar's folder)`);
    if (size > opts.maxBytes) throw tooBig(size);
    // A regular file only, the cap held while reading: a FIFO or device here must not hang the run.
    bytes = await readRegularFile(file, opts.maxBytes).catch((error: unknown) => {
      throw error instanceof FileError ? permanent(`${item.path}: ${error.message.slice(`${error.file}: `.length)}`) : error;
    });
  }
  if (bytes.length > opts.maxBytes) throw tooBig(bytes.length);
  return { bytes, mimeType: mimeTypeOf(item.path), name, ...(item.alt ? { alt: item.alt } : {}) };
}

/**
 * The post's images, refusing the whole post when it has a video the publisher cannot upload yet:
 * sending it without the video would change the post silently. `failed` before anything is sent,
 * saying so (docs/publishing.md lists what each platform takes).
 */
export function imagesOnly(media: readonly MediaOut[], platform: string): Array<{ item: MediaOut; index: number }> {
  const video = media.find((m) => m.kind === "video");
  if (video) throw permanent(`video publishing to ${platform} is not supported yet (${video.path}): the post was not sent`, `post it by hand, or give this channel a variant without the video`);
  return media.map((item, index) => ({ item, index }));
}
