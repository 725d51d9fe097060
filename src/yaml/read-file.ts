/** Reading an input file with the failures a person can fix turned into FileErrors (exit 2). */
import { readFile, stat } from "node:fs/promises";
import { FileError } from "../errors.js";

/** Larger inputs are refused before they are read: a calendar of 100k posts is about 30 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface ReadText {
  text: string;
  bytes: Buffer;
}

export async function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadText> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new FileError(file, "is a folder, not a file");
    if (info.size > maxBytes) {
      throw new FileError(file, `is ${info.size} bytes; the limit is ${maxBytes >= 1048576 ? `${maxBytes / 1048576} MiB` : `${maxBytes} bytes`}`);
    }
    const bytes = await readFile(file);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new FileError(file, "is not valid UTF-8 text");
    }
    return { text, bytes };
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(file, "not found");
    if (code === "EACCES" || code === "EPERM") throw new FileError(file, "cannot be read (permission denied)");
    throw new FileError(file, `cannot be read (${code ?? String(error)})`, { cause: error });
  }
}
