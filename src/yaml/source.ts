/**
 * Reading YAML so that every later problem can point at a line and column: the parsed Document
 * and its LineCounter travel with the plain value, and `locate` maps a data path
 * (["posts", 3, "at"]) back to where that node, or its key, starts in the file.
 */
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { Diagnostic } from "../errors.js";

export interface YamlSource {
  file: string;
  /** The text as read, BOM removed. */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  col: number;
}

export type DataPath = ReadonlyArray<PropertyKey>;

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
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const source: YamlSource = { file, text, doc, lineCounter };
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => positionOf(source, offset);
  for (const e of doc.errors) {
    diagnostics.push({ file, ...at(e.pos[0]), severity: "error", message: yamlMessage(e.code, e.message) });
  }
  for (const w of doc.warnings) {
    diagnostics.push({ file, ...at(w.pos[0]), severity: "warning", message: firstLine(w.message) });
  }
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
 * Where a data path starts in the file. With `key`, the position of the last segment's key (for
 * "unknown key" messages); otherwise of its value. A path that leaves the document (a missing
 * key) resolves to the deepest node that exists, so "missing text" points at the post.
 */
export function locate(source: YamlSource, path: DataPath, options: { key?: boolean } = {}): Position {
  let node: unknown = source.doc.contents;
  let best: number = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0];
      const valueStart = (pair.value as Node | null)?.range?.[0];
      if (last && options.key && keyStart !== undefined) return positionOf(source, keyStart);
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
  return positionOf(source, best);
}
