/**
 * The one table renderer of the CLI. Columns are measured by display width (CJK and emoji take
 * two columns, colour codes none), not by `.length`. On a terminal the table is fitted to its
 * width: the last column gives way first, then the widest others; a cell that no longer fits
 * wraps onto more lines (or, with `last: "truncate"`, is cut with "…"). Piped, nothing is
 * fitted: whole rows, one a line, for scripts.
 */
import { displayPieces, displayWidth } from "../text/display-width.js";

export interface TableOptions {
  /** The terminal's columns; undefined when stdout is not a terminal (then rows are not fitted). */
  width?: number | undefined;
  /**
   * What the last column's cells do when they no longer fit: wrap onto more lines (default) or be
   * cut with "…" (one line a row). The other columns always wrap, so an id is never cut.
   */
  last?: "wrap" | "truncate";
  /**
   * Lines printed under a row (its reasons, what would fix it), by row index: outside the columns,
   * indented, wrapped to the width and never cut.
   */
  notes?: ReadonlyArray<readonly string[] | undefined>;
  /** Style of the header line, e.g. dim or bold. */
  styleHead?: (line: string) => string;
}

const GAP = 2;
/** The last column keeps at least a quarter of the width (16 at the least) before the others are cut. */
const lastMin = (width: number) => Math.max(16, Math.floor(width / 4));
/** No column is cut narrower than this. */
const CELL_MIN = 4;
/** Columns this narrow or narrower are cut only when nothing else is left to cut ("Tue 14 Jul" fits). */
const KEEP_WHOLE = 10;
const RESET = "\x1b[0m";
/** Where a row's notes start: under the second column, clear of the first. */
const NOTE_INDENT = "    ";

type Piece = ReturnType<typeof displayPieces>[number];

/** Pieces back to text; a line that used colour codes ends with a reset so no colour leaks. */
function joinPieces(prefix: string, pieces: readonly Piece[]): string {
  const body = pieces.map((p) => p.text).join("");
  return prefix + body + (prefix || pieces.some((p) => p.ansi) ? RESET : "");
}

/** The text cut to `width` columns with "…" at the end (colour codes kept), or as it is when it fits. */
export function truncateToWidth(text: string, width: number): string {
  const pieces = displayPieces(text);
  // Without colour codes the pieces are the text's own clusters: their widths add up to its
  // width, and `list`, which cuts every post's text, segments it once instead of twice.
  const fits = text.includes("\x1b") ? displayWidth(text) <= width : pieces.reduce((n, p) => n + p.width, 0) <= width;
  if (fits) return text;
  const kept: Piece[] = [];
  let used = 0;
  for (const p of pieces) {
    if (!p.ansi && used + p.width > width - 1) break;
    kept.push(p);
    used += p.width;
  }
  return joinPieces("", [...kept, { text: "…", width: 1, ansi: false }]);
}

/** The text in lines of at most `width` columns, broken at spaces where it can be; colours carry over to the next line. */
export function wrapToWidth(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let prefix = ""; // the colour codes of the lines before, replayed so a line starts in the right colour
  let current: Piece[] = [];
  let used = 0;
  const emit = (pieces: Piece[]) => {
    lines.push(joinPieces(prefix, pieces));
    prefix += pieces.filter((p) => p.ansi).map((p) => p.text).join("");
  };
  for (const piece of displayPieces(text)) {
    if (!piece.ansi && piece.text === " " && used + piece.width > width && used > 0) {
      // The line is full up to this space: break here rather than at an earlier one.
      emit(current);
      current = [];
      used = 0;
      continue;
    }
    if (!piece.ansi && used + piece.width > width && used > 0) {
      const space = current.findLastIndex((p) => !p.ansi && p.text === " ");
      const head = space > 0 ? current.slice(0, space) : current;
      const tail = space > 0 ? current.slice(space + 1) : [];
      emit(head);
      current = tail;
      used = tail.reduce((n, p) => n + p.width, 0);
    }
    if (!piece.ansi && piece.text === " " && used === 0) continue; // no line starts with a space
    current.push(piece);
    used += piece.width;
  }
  if (current.some((p) => !p.ansi)) emit(current);
  return lines;
}

/**
 * Column widths that fit `width`. In order, each step only while the table is still too wide:
 * the last column gives way to a quarter of the width; the widest others are cut, but short ones
 * (times, channels, statuses) are kept whole; then the widest of all, the last one included, down
 * to the minimum.
 */
function fitWidths(natural: readonly number[], width: number): number[] {
  const widths = [...natural];
  const excess = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1) - width;
  const last = widths.length - 1;
  /** Cuts the widest of the first `count` columns by one, over and over, none below its floor. */
  const shrinkWidest = (count: number, floor: (i: number) => number) => {
    while (excess() > 0) {
      let widest = -1;
      for (let i = 0; i < count; i++) if (widths[i]! > floor(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      if (widest < 0) return;
      widths[widest]!--;
    }
  };
  widths[last] = Math.max(Math.min(natural[last]!, lastMin(width)), natural[last]! - excess());
  shrinkWidest(last, (i) => Math.min(natural[i]!, KEEP_WHOLE));
  shrinkWidest(widths.length, () => CELL_MIN);
  return widths;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

export function renderTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const natural = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const { width } = options;
  const widths = width === undefined ? natural : fitWidths(natural, width);
  const last = head.length - 1;
  const cellLines = (cell: string, i: number): string[] => {
    if (width === undefined || displayWidth(cell) <= widths[i]!) return [cell];
    return options.last === "truncate" && i === last ? [truncateToWidth(cell, widths[i]!)] : wrapToWidth(cell, widths[i]!);
  };
  const render = (cells: readonly string[]): string[] => {
    const columns = head.map((_, i) => cellLines(cells[i] ?? "", i));
    const height = Math.max(...columns.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      columns
        .map((lines, i) => (i === last ? (lines[k] ?? "") : pad(lines[k] ?? "", widths[i]!)))
        .join(" ".repeat(GAP))
        .trimEnd(),
    );
  };
  const style = options.styleHead ?? ((line: string) => line);
  const notesOf = (k: number) => (options.notes?.[k] ?? []).map((note) => wrapProse(`${NOTE_INDENT}${note}`, width, "  "));
  return [...render(head).map(style), ...rows.flatMap((row, k) => [...render(row), ...notesOf(k)])].join("\n");
}

/** Prose (a note, a list item) wrapped to the terminal's width, continuation lines indented; unchanged when piped. */
export function wrapProse(text: string, width: number | undefined, indent = ""): string {
  if (width === undefined) return text;
  const lead = /^ */.exec(text)![0];
  return wrapToWidth(text.slice(lead.length), Math.max(CELL_MIN, width - lead.length - indent.length))
    .map((line, i) => (i === 0 ? lead : lead + indent) + line)
    .join("\n");
}

/** Each line of `text` wider than `width` wrapped with wrapProse (its indentation kept); unchanged when piped. */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split("\n")
    .map((line) => (displayWidth(line) > width ? wrapProse(line, width, "  ") : line))
    .join("\n");
}
