/**
 * A CSV file's text. Spreadsheets save UTF-8 (often with a byte-order mark, which the decoder
 * drops) or, Excel's plain "CSV" on Windows, Windows-1252: that is read too, with a warning.
 */
import { FileError } from "../errors.js";
import { readInputBytes } from "../yaml/read-file.js";

export async function readCsvFile(file: string): Promise<{ text: string; warning?: string }> {
  // Read once (a regular file, capped); decoded as UTF-8, or else looked at as other encodings.
  const bytes = await readInputBytes(file);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const notText = notCsv(bytes);
    if (notText) throw new FileError(file, `${notText}; save it as "CSV UTF-8" and import that`);
    const text = decodeWindows1252(bytes);
    return { text, warning: `${file} is not UTF-8; read as Windows-1252 (Excel's plain CSV). Save it as "CSV UTF-8" to be sure of accents and emoji` };
  }
}

/**
 * What a file that is not UTF-8 is, when it is plainly not a CSV at all: read as Windows-1252 it
 * would turn into pages of mojibake errors. A NUL byte never occurs in Windows-1252 text.
 */
function notCsv(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "is UTF-16 text (Excel's \"Unicode text\"), not UTF-8";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "is a ZIP file (an Excel .xlsx or .ods workbook?), not CSV";
  if (bytes.subarray(0, 64 * 1024).includes(0)) return "is binary (it has NUL bytes), not CSV";
  return undefined;
}

/** 0x80-0x9F in Windows-1252 (€, curly quotes, dashes…); the rest of the bytes are Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Node's TextDecoder reads "windows-1252" as Latin-1 (0x80 comes out as U+0080, not €). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
