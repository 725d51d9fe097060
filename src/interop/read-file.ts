/**
 * A CSV file's text. Spreadsheets save UTF-8 (often with a byte-order mark, which the decoder
 * drops) or, Excel's plain "CSV" on Windows, Windows-1252: that is read too, with a warning.
 */
import { readFile } from "node:fs/promises";
import { FileError } from "../errors.js";
import { readTextFile } from "../yaml/read-file.js";

export async function readCsvFile(file: string): Promise<{ text: string; warning?: string }> {
  try {
    return { text: (await readTextFile(file)).text };
  } catch (error) {
    if (!(error instanceof FileError) || !/UTF-8/.test(error.message)) throw error;
    const text = new TextDecoder("windows-1252").decode(await readFile(file));
    return { text, warning: `${file} is not UTF-8; read as Windows-1252 (Excel's plain CSV). Save it as "CSV UTF-8" to be sure of accents and emoji` };
  }
}
