/**
 * Reading a recorded payload (`file:` health sources): only a regular file is read, and the size
 * cap holds while reading, not only by what stat said. A FIFO would block the read forever and a
 * device such as /dev/zero never ends, so both are refused before they are opened for reading.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { TooLarge, tooLargeMessage } from "../util/read-capped.js";

function tooLarge(maxBytes: number): TooLarge {
  return new TooLarge(tooLargeMessage(maxBytes));
}

function notRegular(path: string): Error {
  return new Error(`${path} is not a regular file (a FIFO, device or folder); only files are read`);
}

export async function readRegularFile(url: URL, maxBytes: number): Promise<string> {
  const path = fileURLToPath(url);
  // stat first: opening a FIFO for reading blocks until a writer appears.
  if (!(await stat(path)).isFile()) throw notRegular(path);
  // O_NONBLOCK in case the path was swapped for a FIFO since: the open then returns at once.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw notRegular(path);
    const chunks: Buffer[] = [];
    let size = 0;
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    await handle.close();
  }
}
