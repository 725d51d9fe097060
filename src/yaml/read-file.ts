/** Reading an input file with the failures a person can fix turned into FileErrors (exit 2). */
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { FileError } from "../errors.js";

/** Larger inputs are refused before they are read: a calendar of 100k posts is about 30 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface ReadText {
  text: string;
  bytes: Buffer;
}

export async function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadText> {
  const bytes = await readInputBytes(file, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FileError(file, "is not valid UTF-8 text");
  }
  return { text, bytes };
}

/** A regular file's bytes (see readRegularFile), with what a person can fix as a FileError (exit 2). */
export async function readInputBytes(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  try {
    return await readRegularFile(file, maxBytes);
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(file, "not found");
    if (code === "EACCES" || code === "EPERM") throw new FileError(file, "cannot be read (permission denied)");
    throw new FileError(file, `cannot be read (${code ?? String(error)})`, { cause: error });
  }
}

/** A byte count as people read a limit: "64 MiB", or bytes below 1 MiB. */
export function sizeText(maxBytes: number): string {
  return maxBytes >= 1048576 ? `${maxBytes / 1048576} MiB` : `${maxBytes} bytes`;
}

/**
 * Only a regular file is read (a FIFO would hang the run, /dev/zero never end), and the size
 * limit holds while reading, not only by the size the file had when it was looked at. Opened
 * non-blocking so that even a FIFO swapped in after a look cannot hang the open.
 */
export async function readRegularFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new FileError(file, "is a folder, not a file");
    if (!info.isFile()) throw new FileError(file, `is not a regular file (${kindOf(info)}); failover reads only regular files`);
    if (info.size > maxBytes) throw new FileError(file, `is ${info.size} bytes; the limit is ${sizeText(maxBytes)}`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(info.size - total + 1, 65536), maxBytes + 1 - total, 16 * 1048576));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileError(file, `is more than ${sizeText(maxBytes)} (it grew while it was read); the limit is ${sizeText(maxBytes)}`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function kindOf(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isFIFO()) return "a named pipe";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  return "not a file";
}
