/**
 * CSV as spreadsheets read it: quoted where needed, CRLF row ends, an optional byte-order mark.
 * csv-stringify is loaded on first use: only `export` needs it, not the library's other users.
 */

export interface CsvWriteOptions {
  delimiter?: string;
  /** A UTF-8 byte-order mark first: Excel then reads the file as UTF-8 (emoji, accents). */
  bom?: boolean;
}

export async function writeCsv(rows: ReadonlyArray<readonly string[]>, options: CsvWriteOptions = {}): Promise<string> {
  const { stringify } = await import("csv-stringify/sync");
  // Rows end in CRLF as Excel writes them; with that set, csv-stringify quotes only fields holding
  // a CRLF, so any line break is named here: a bare LF inside a field must be quoted too.
  return stringify(rows as string[][], { delimiter: options.delimiter ?? ",", record_delimiter: "windows", bom: options.bom ?? false, quoted_match: /[\r\n]/ });
}
