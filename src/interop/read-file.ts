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
    const text = decodeWindows1252(await readFile(file));
    return { text, warning: `${file} is not UTF-8; read as Windows-1252 (Excel's plain CSV). Save it as "CSV UTF-8" to be sure of accents and emoji` };
  }
}

/** 0x80-0x9F in Windows-1252 (€, curly quotes, dashes…); the rest of the bytes are Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Node's TextDecoder reads "windows-1252" as Latin-1 (0x80 comes out as U+0080, not €). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
