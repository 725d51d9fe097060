/**
 * Reading YAML so that every later problem can point at a line and column: the parsed Document
 * and its LineCounter travel with the plain value, and `locate` maps a data path
 * (["posts", 3, "at"]) back to where that node, or its key, starts in the file.
 */
import { Composer, LineCounter, Parser, YAMLParseError, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from "yaml";
import type { Diagnostic } from "../errors.js";
import { noun, plural } from "../util/words.js";

export interface YamlSource {
  file: string;
  /** The text as read, BOM removed. */
  text: string;
  /**
   * The parsed Document. A calendar's is let go once it is loaded (`releaseDocument`): then it
   * is parsed again from `text` only if something still asks for the whole of it.
   */
  readonly doc: Document.Parsed;
  lineCounter: LineCounter;
  /**
   * "\r" when the file ends its lines with a lone CR (classic Mac): `text` then has LF in their
   * place, and a writer turns them back before saving.
   */
  lineBreak?: "\r";
  /** Set when the Document was let go: where each item of its `posts:` list sits (see `listItem`). */
  readonly items?: ListItems;
}

/**
 * Where each item of a top-level block list sits in the text: item i is the text from
 * `starts[i]` (the start of the line of its `-`) to `starts[i + 1]` (`end` for the last).
 * Two numbers a post, where the Document keeps a dozen objects per key.
 */
export interface ListItems {
  key: string;
  starts: Int32Array;
  end: number;
}

/** A source whose Document can be let go and parsed again on demand. */
class ParsedSource implements YamlSource {
  #doc: Document.Parsed | undefined;
  items?: ListItems;
  lineBreak?: "\r";

  constructor(
    readonly file: string,
    readonly text: string,
    doc: Document.Parsed,
    readonly lineCounter: LineCounter,
    crOnly: boolean,
  ) {
    this.#doc = doc;
    if (crOnly) this.lineBreak = "\r";
  }

  get doc(): Document.Parsed {
    if (!this.#doc) {
      const again = composeLimited(this.text, new LineCounter());
      // The text was read once without errors: it reads the same again.
      if ("tooDeep" in again) throw new Error(`${this.file} no longer parses`);
      this.#doc = again.doc;
    }
    return this.#doc;
  }

  get released(): boolean {
    return this.#doc === undefined;
  }

  release(items: ListItems): void {
    this.items = items;
    this.#doc = undefined;
  }
}

export interface Position {
  line: number;
  col: number;
}

export type DataPath = ReadonlyArray<PropertyKey>;

/**
 * Collections may nest at most this deep (a calendar needs 5 levels, a config 6). Checked while
 * the text is parsed, before the recursive steps after it (composing, converting, checking) could
 * overflow the stack on a few KB of `- - - -` or `[[[[`.
 */
export const MAX_NESTING = 64;

/** Keys that would reach an object's prototype when the YAML becomes plain objects. */
const FORBIDDEN_KEYS = new Set(["__proto__"]);

/** Aliases may expand to at most this many nodes each: a "billion laughs" file fails fast. */
export const MAX_ALIAS_COUNT = 100;

export function positionOf(source: YamlSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, col };
}

function firstLine(message: string): string {
  // yaml's pretty errors append " at line L, column C:" and a code frame; we print our own.
  return message.split(/ at line \d+, column \d+/)[0]!.split("\n")[0]!.trim();
}

/**
 * Parses YAML text. Returns the document and its plain value, or diagnostics for syntax errors,
 * duplicate keys, an empty file, and alias bombs. The value is `undefined` when there are errors.
 */
export function parseYaml(file: string, rawText: string): { source: YamlSource; value: unknown; diagnostics: Diagnostic[] } {
  const withBreaks = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // Lone CRs as line ends (no LF anywhere): YAML counts them as line breaks, the parser does not.
  const crOnly = withBreaks.includes("\r") && !withBreaks.includes("\n");
  const text = crOnly ? withBreaks.replace(/\r/g, "\n") : withBreaks;
  const lineCounter = new LineCounter();
  const composed = composeLimited(text, lineCounter);
  if ("tooDeep" in composed) {
    const doc = parseDocument("") as Document.Parsed; // nothing of the text: its parse stopped
    const source: YamlSource = { file, text, doc, lineCounter, ...(crOnly ? { lineBreak: "\r" as const } : {}) };
    const message = `nested more than ${MAX_NESTING} levels deep; failover's files need fewer than 10`;
    return { source, value: undefined, diagnostics: [{ file, ...positionOf(source, composed.tooDeep), severity: "error", message }] };
  }
  const doc = composed.doc;
  flattenStrings(doc.contents);
  const source: YamlSource = new ParsedSource(file, text, doc, lineCounter, crOnly);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => positionOf(source, offset);
  // One mis-indented line sets off a cascade of parser errors; only the first of those is worth
  // reading, shown with its line. Duplicate keys are each a mistake of their own: all are kept.
  const syntax = doc.errors.filter((e) => e.code !== "DUPLICATE_KEY").sort((a, b) => a.pos[0] - b.pos[0]);
  const first = syntax[0];
  if (first) {
    const where = at(first.pos[0]);
    diagnostics.push({ file, ...where, severity: "error", message: syntaxMessage(first.code, first.message, syntax.length - 1), excerpt: excerpt(text, where) });
  }
  for (const e of doc.errors.filter((x) => x.code === "DUPLICATE_KEY")) {
    diagnostics.push({ file, ...at(e.pos[0]), severity: "error", message: yamlMessage(e.code, e.message) });
  }
  if (diagnostics.length === 0) {
    const key = firstCollectionKey(doc);
    if (key !== undefined) {
      const where = at(key);
      diagnostics.push({
        file,
        ...where,
        severity: "error",
        message: "a list or a mapping is used as a key; keys are plain names (`text:`, `at:`): a `?` or a stray `[`/`{` before a colon does this",
        excerpt: excerpt(text, where),
      });
    }
  }
  for (const w of doc.warnings) {
    diagnostics.push({ file, ...at(w.pos[0]), severity: "warning", message: firstLine(w.message) });
  }
  if (text.includes("__proto__")) diagnostics.push(...forbiddenKeys(source));
  if (diagnostics.some((d) => d.severity === "error")) return { source, value: undefined, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    diagnostics.push({ file, line: 1, col: 1, severity: "error", message: "the file is empty; it needs at least `version: 1`" });
    return { source, value: undefined, diagnostics };
  }
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { source, value, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const excessive = /alias/i.test(message);
    diagnostics.push({
      file,
      ...at(firstAliasOffset(doc) ?? 0),
      severity: "error",
      message: excessive
        ? `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} per alias); refusing to expand them`
        : firstLine(message),
    });
    return { source, value: undefined, diagnostics };
  }
}

/** Codes the parser gives when a line's indentation does not fit the lines around it. */
const INDENTATION_CODES = new Set(["BAD_INDENT", "MULTILINE_IMPLICIT_KEY", "BLOCK_AS_IMPLICIT_KEY", "MISSING_CHAR", "UNEXPECTED_TOKEN", "TAB_AS_INDENT"]);

function syntaxMessage(code: string, message: string, more: number): string {
  const hint = code === "TAB_AS_INDENT" ? "; indent with spaces, not tabs" : INDENTATION_CODES.has(code) ? "; check this line's indentation against the lines above it" : "";
  const rest = more > 0 ? ` (the parser's ${plural(more, "other complaint")} after it most likely ${noun(more, "follows", "follow")} from this one: fix it and run again)` : "";
  return `YAML syntax: ${firstLine(message)}${hint}${rest}`;
}

/** The line a position is on and a caret under its column, as compilers show it. */
export function excerpt(text: string, where: Position): string {
  const line = text.split(/\r?\n/)[where.line - 1] ?? "";
  const gutter = String(where.line);
  const shown = line.replace(/\t/g, " ");
  return `  ${gutter} | ${shown}\n  ${" ".repeat(gutter.length)} | ${" ".repeat(Math.max(0, where.col - 1))}^`;
}

/** Where a list or mapping stands as a key (`? [a, b]`), which JavaScript objects cannot hold. */
function firstCollectionKey(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isMap(pair.key) || isSeq(pair.key)) {
          found = (pair.key as Node).range?.[0] ?? 0;
          return;
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

/**
 * yaml builds a quoted scalar's value a character at a time (`res += ch`), which V8 keeps as a
 * chain of one string piece per character (about 32 bytes each) until something reads the
 * string. Reading one character makes V8 flatten it in place: on a calendar of quoted texts this
 * takes the parsed document, and the plain data that shares its strings, from about 3 KB a post
 * to a few hundred bytes (measured in docs/performance.md). Nothing else changes.
 */
function flattenStrings(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === "string" && node.value.length > 12) node.value.charCodeAt(0);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      flattenStrings(pair.key);
      flattenStrings(pair.value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) flattenStrings(item);
  }
}

/** A parser that stops at the first collection nested deeper than MAX_NESTING. */
class DepthLimitedParser extends Parser {
  override *next(source: string) {
    yield* super.next(source);
    if (this.stack.length > MAX_NESTING) throw new TooDeep(this.offset);
  }
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super("too deep");
  }
}

/** yaml's parseDocument, with the nesting limit checked as the text is parsed. */
function composeLimited(text: string, lineCounter: LineCounter): { doc: Document.Parsed } | { tooDeep: number } {
  const parser = new DepthLimitedParser(lineCounter.addNewLine);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, strict: true });
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(parser.parse(text), true, text.length)) {
      if (!doc) doc = next as Document.Parsed;
      else {
        doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], "MULTIPLE_DOCS", "Source contains multiple documents; a file holds one"));
        break;
      }
    }
  } catch (error) {
    if (error instanceof TooDeep) return { tooDeep: error.offset };
    throw error;
  }
  return { doc: doc! };
}

/** `__proto__` as a key, anywhere: as plain data it would reach Object.prototype. */
function forbiddenKeys(source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(source.doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        found.push({ file: source.file, ...positionOf(source, pair.key.range?.[0] ?? 0), severity: "error", message: `${String(pair.key.value)}: this key is not allowed (it would reach into the program's objects)` });
      }
    },
  });
  return found;
}

function yamlMessage(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "duplicate key: a key may appear only once in a mapping";
  return firstLine(message);
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node) return;
    if (isAlias(node)) {
      found = node.range?.[0];
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(item);
    } else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(doc.contents);
  return found;
}

/**
 * Lets a calendar's Document go once it is loaded, keeping two numbers a post: planning needs
 * only the posts it was given, and positions and edits only for the few posts reported or edited,
 * which `listItem` parses again alone. Kept (false) when an item read alone might not read the
 * same: anchors or aliases (an item may use another's), `%TAG` handles, a flow or empty list.
 */
export function releaseDocument(source: YamlSource, key = "posts"): boolean {
  if (!(source instanceof ParsedSource) || source.released) return false;
  const { doc, text } = source;
  if (doc.errors.length > 0 || /^%TAG/m.test(text) || hasAnchorsOrAliases(doc)) return false;
  const list = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
  if (!isSeq(list) || list.flow || list.items.length === 0 || !list.range) return false;
  const starts = new Int32Array(list.items.length);
  for (let i = 0; i < list.items.length; i++) {
    const start = (list.items[i] as Node | null)?.range?.[0];
    if (start === undefined) return false;
    const dash = text.lastIndexOf("-", start);
    const lineStart = text.lastIndexOf("\n", dash - 1) + 1;
    // Each item's `-` must open its own line (after indentation), as in any block list.
    if (dash < 0 || !/^[ ]*$/.test(text.slice(lineStart, dash))) return false;
    starts[i] = lineStart;
  }
  const last = list.items[list.items.length - 1] as Node;
  const endOffset = Math.max(list.range[1], last.range![2]);
  const end = endOffset > 0 && text[endOffset - 1] === "\n" ? endOffset : (text.indexOf("\n", endOffset) + 1 || text.length);
  source.release({ key, starts, end });
  return true;
}

function hasAnchorsOrAliases(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** An item of a released list, parsed alone, with ranges that are offsets in the whole text. */
export interface ListItem {
  doc: Document.Parsed;
  node: Node;
}

const lastItem = new WeakMap<YamlSource, { index: number; item: ListItem }>();

/**
 * Item `index` of a released list (see `releaseDocument`), parsed from its own lines; undefined
 * if there is no such item. The last one asked for is kept, for reports that go post by post.
 */
export function listItem(source: YamlSource, index: number): ListItem | undefined {
  const items = source.items;
  if (!items || !Number.isInteger(index) || index < 0 || index >= items.starts.length) return undefined;
  const cached = lastItem.get(source);
  if (cached?.index === index) return cached.item;
  const base = items.starts[index]!;
  const slice = source.text.slice(base, index + 1 < items.starts.length ? items.starts[index + 1] : items.end);
  const doc = parseDocument(slice, { prettyErrors: false, uniqueKeys: true, strict: true });
  const seq = doc.contents;
  const node = isSeq(seq) ? (seq.items[0] as Node | undefined) : undefined;
  if (!node || doc.errors.length > 0) throw new Error(`${source.file}: post ${index + 1} does not read alone as it did in the file`);
  visit(node, (_key, n) => {
    if ((isScalar(n) || isMap(n) || isSeq(n) || isAlias(n)) && n.range) n.range = [n.range[0] + base, n.range[1] + base, n.range[2] + base];
  });
  const item = { doc, node };
  lastItem.set(source, { index, item });
  return item;
}

/**
 * Where a data path starts in the file. With `key`, the position of the last segment's key (for
 * "unknown key" messages); otherwise of its value. A path that leaves the document (a missing
 * key) resolves to the deepest node that exists, so "missing text" points at the post.
 */
export function locate(source: YamlSource, path: DataPath, options: { key?: boolean } = {}): Position {
  // A released calendar: the post alone is parsed again, not the whole file.
  if (source.items && path[0] === source.items.key && path.length > 1) {
    const item = listItem(source, Number(path[1]));
    if (item) return positionOf(source, walk(item.node, item.doc, path.slice(2), item.node.range?.[0] ?? 0, options.key ?? false));
  }
  const root = source.doc.contents;
  return positionOf(source, walk(root, source.doc, path, (root as Node | null)?.range?.[0] ?? 0, options.key ?? false));
}

/** The offset a path leads to from `node` (see `locate`); `best` is where `node` starts. */
function walk(start: unknown, doc: Document.Parsed, path: DataPath, best: number, key: boolean): number {
  let node = start;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0];
      const valueStart = (pair.value as Node | null)?.range?.[0];
      if (last && key && keyStart !== undefined) return keyStart;
      best = valueStart ?? keyStart ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      break;
    }
  }
  return best;
}
