/**
 * Reading CSV as spreadsheets write it (RFC 4180 and the common departures): a byte-order mark,
 * Excel's `sep=;` first line, `,` `;` or tab separators, quoted fields with line breaks and `""`
 * escapes, CRLF, LF or CR line ends. Every field keeps the line and column it starts at, so a bad
 * cell is reported where a person finds it.
 *
 * Hand-written rather than csv-parse: csv-parse gives no field positions, and its line count
 * drifts by one for every quoted CRLF line break (what Excel on Windows writes), so its line
 * numbers would point at the wrong row in exactly the files this reads.
 */

export interface CsvCell {
  value: string;
  line: number;
  col: number;
}

export interface CsvRow {
  cells: CsvCell[];
  /** Where the row starts (1-based). */
  line: number;
}

export interface CsvProblem {
  line: number;
  col: number;
  message: string;
}

export interface CsvTable {
  rows: CsvRow[];
  delimiter: string;
  problems: CsvProblem[];
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Reads CSV text; `delimiter` is sniffed from the first line when not given. */
export function readCsv(input: string, options: { delimiter?: string } = {}): CsvTable {
  let text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  let line = 1;
  let delimiter = options.delimiter;
  // Excel's hint line: `sep=;` names the separator and is not data.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) {
    delimiter ??= hint[1]!;
    text = text.slice(hint[0].length);
    line = 2;
  }
  delimiter ??= sniffDelimiter(text);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let col = 1;
  let i = 0;
  let row: CsvCell[] = [];
  let rowLine = line;

  const newline = (at: number): number => {
    // CRLF counts as one line end.
    line++;
    col = 1;
    return text[at] === "\r" && text[at + 1] === "\n" ? at + 2 : at + 1;
  };
  const endRow = () => {
    // A row with a single empty cell is a blank line: skipped, as spreadsheets do.
    if (!(row.length === 1 && row[0]!.value === "")) rows.push({ cells: row, line: rowLine });
    row = [];
  };

  while (i <= text.length) {
    if (i === text.length) {
      if (row.length > 0) endRow();
      break;
    }
    const start = { line, col };
    let value = "";
    if (text[i] === '"') {
      i++;
      col++;
      let closed = false;
      // Runs of plain characters are taken as slices: a character at a time, a 30 MB cell
      // became a rope of 30 million pieces (a gigabyte, minutes).
      let from = i;
      while (i < text.length) {
        const ch = text[i]!;
        if (ch === '"') {
          value += text.slice(from, i);
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            col += 2;
            from = i;
            continue;
          }
          i++;
          col++;
          closed = true;
          break;
        }
        if (ch === "\r" || ch === "\n") {
          value += text.slice(from, i) + (ch === "\r" && text[i + 1] === "\n" ? "\r\n" : ch);
          i = newline(i);
          from = i;
          continue;
        }
        i++;
        col++;
      }
      if (!closed) value += text.slice(from, i);
      if (!closed) {
        problems.push({ ...start, message: "a quoted field is never closed (a missing \")" });
        row.push({ value, ...start });
        endRow();
        break;
      }
      // Text after the closing quote (`"a"b`): kept, as spreadsheets do, but it is odd enough to say.
      const restFrom = i;
      while (i < text.length && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") {
        i++;
        col++;
      }
      const rest = text.slice(restFrom, i);
      if (rest.trim() !== "") problems.push({ ...start, message: `text after a closing quote: ${JSON.stringify(rest)}; quote the whole field` });
      value += rest.trim() === "" ? "" : rest;
    } else {
      const plainFrom = i;
      while (i < text.length && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") {
        i++;
        col++;
      }
      value = text.slice(plainFrom, i);
    }
    row.push({ value, ...start });
    if (i >= text.length) {
      endRow();
      break;
    }
    if (text[i] === delimiter) {
      i++;
      col++;
      // A delimiter at the very end of the text still opens one (empty) last field.
      if (i === text.length) row.push({ value: "", line, col });
      continue;
    }
    i = newline(i);
    endRow();
    rowLine = line;
  }
  return { rows, delimiter, problems };
}

/** The separator used most on the first line, outside quotes; a comma when none is. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let most = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}
