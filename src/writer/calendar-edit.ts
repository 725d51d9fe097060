/**
 * Editing the calendar's text without touching a byte it does not mean to change.
 *
 * The `yaml` Document (parsed with source ranges) tells where every post, key and value sits;
 * the edits are then spliced into the original text. Re-serializing the Document would be
 * simpler, but it re-indents, re-folds and re-quotes lines nobody asked it to touch. Every edit
 * is also applied to the plain data, and the new text must parse back to exactly that data:
 * if it does not, nothing is written (a bug, exit 1) rather than a calendar that says something
 * else than intended.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parse, parseDocument, Scalar, visit, type Node, type Pair, type YAMLMap } from "yaml";
import { isDeepStrictEqual } from "node:util";
import { FileError } from "../errors.js";
import type { YamlSource } from "../yaml/source.js";
import { listItem, positionOf } from "../yaml/source.js";

/** One change to the calendar, in terms of posts (by their index in `posts`) and keys. */
export type CalendarOp =
  /** Sets a key of a post to a string, in place if it exists, else added after its last key. */
  | { op: "set"; postIndex: number; key: string; value: string }
  /** Removes a key of a post (its whole line). */
  | { op: "delete"; postIndex: number; key: string }
  /** Adds a post right after another one. */
  | { op: "insertAfter"; postIndex: number; post: Record<string, unknown> }
  /** Adds a post at the end of the list. */
  | { op: "append"; post: Record<string, unknown> }
  /** Removes a post (its lines, from its `-` to its last value). */
  | { op: "remove"; postIndex: number };

interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Order among edits at the same offset: the order they were made in. */
  seq: number;
  /** The post whose lines the edit is in (an appended post: the last one's). */
  post: number;
}

/** Thrown when the file's shape is valid YAML that this writer will not edit in place. */
export class UneditableError extends FileError {}

/** How the last edit was checked: post by post, or the whole file read back (for tests). */
export interface EditCheck {
  wholeFile: boolean;
}

export function editCalendarText(source: YamlSource, ops: readonly CalendarOp[], check: EditCheck = { wholeFile: false }): string {
  const filled = fillEmptyList(source, ops);
  if (filled !== undefined) {
    check.wholeFile = true;
    verifyEdits(source, ops, filled);
    return filled;
  }
  const editor = new Editor(source);
  for (const op of ops) editor.apply(op);
  const text = editor.result();
  // Checking each edited post's lines on their own is enough when every edit stays inside them
  // (it is a fraction of the work on a large calendar); anything less clear-cut checks the file.
  check.wholeFile = !editor.verifyEachPost(ops);
  if (check.wholeFile) verifyEdits(source, ops, text);
  return text;
}

/**
 * The `posts:` list as the editor reads it: the Document's own, or, for a calendar whose Document
 * was let go once loaded (releaseDocument), each post parsed again alone when it is edited.
 */
interface PostList {
  readonly length: number;
  /** The post's node, its ranges offsets in the whole text. */
  item(index: number): Node | undefined;
  /** The Document the post's node is in (to turn it into data). */
  docOf(index: number): Document.Parsed;
  /** Where to point when the list as a whole is the problem. */
  readonly start: number;
  /** Whether any alias in the file may repeat what an edit changes elsewhere. */
  readonly aliases: boolean;
}

function postList(source: YamlSource): PostList {
  const items = source.items;
  if (items) {
    // Released only when the list is a non-empty block list with no anchors or aliases.
    const parsed = new Map<number, { doc: Document.Parsed; node: Node }>();
    const get = (index: number) => {
      let item = parsed.get(index);
      if (!item) {
        item = listItem(source, index);
        if (item) parsed.set(index, item);
      }
      return item;
    };
    return { length: items.starts.length, item: (i) => get(i)?.node, docOf: (i) => get(i)!.doc, start: items.starts[0]!, aliases: false };
  }
  const root = source.doc.contents;
  const posts = isMap(root) ? root.get("posts", true) : undefined;
  if (!isSeq(posts)) throw new UneditableError(source.file, "has no `posts:` list to edit");
  if (posts.flow) {
    const at = positionOf(source, posts.range?.[0] ?? 0);
    throw new UneditableError(`${source.file}:${at.line}:${at.col}`, "`posts:` is written as a flow list ([...]); failover edits a block list (one `- ` per post) so that it can keep every other line as it is");
  }
  return {
    length: posts.items.length,
    item: (i) => posts.items[i] as Node | undefined,
    docOf: () => source.doc,
    start: posts.range?.[0] ?? 0,
    aliases: hasAliases(source.doc),
  };
}

/** How many edited posts are read back in one parse (see verifyEachPost). */
const READ_BACK_POSTS = 16;

class Editor {
  private readonly edits: TextEdit[] = [];
  private readonly posts: PostList;
  private readonly eol: string;
  /** Posts removed so far: nothing else may edit them. */
  private readonly removed = new Set<number>();

  constructor(private readonly source: YamlSource) {
    this.posts = postList(source);
    this.eol = source.text.includes("\r\n") ? "\r\n" : "\n";
  }

  private eofNewlineAdded = false;
  /** The post the edits being made belong to. */
  private current = 0;

  apply(op: CalendarOp): void {
    this.current = op.op === "append" ? this.posts.length - 1 : op.postIndex;
    switch (op.op) {
      case "set":
        return this.set(op.postIndex, op.key, op.value);
      case "delete":
        return this.delete(op.postIndex, op.key);
      case "insertAfter":
        return this.insertPost(this.lineAfter(this.postMap(op.postIndex)), this.postMap(op.postIndex), op.post);
      case "append": {
        const last = this.posts.length - 1;
        if (last < 0) throw this.uneditable(this.posts.start, "the `posts:` list is empty; add one post by hand first");
        // After the last post's lines, even if that post is being removed: its removal ends there.
        const lastPost = this.postMap(last, { removedToo: true });
        return this.insertPost(this.lineAfter(lastPost), lastPost, op.post);
      }
      case "remove":
        return this.remove(op.postIndex);
    }
  }

  result(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.seq - b.seq);
    const out: string[] = [];
    let cursor = 0;
    for (const e of sorted) {
      if (e.start < cursor) throw new Error(`overlapping calendar edits at offset ${e.start}`);
      out.push(this.source.text.slice(cursor, e.start), e.text);
      cursor = e.end;
    }
    out.push(this.source.text.slice(cursor));
    return out.join("");
  }

  /**
   * For each edited post: its lines with the edits applied, read as a one-post list, must give
   * exactly the intended post(s). False when that cannot tell (then the whole file is checked).
   */
  verifyEachPost(ops: readonly CalendarOp[]): boolean {
    // An alias anywhere may repeat what an edit changed in a post nobody edited.
    if (this.posts.aliases) return false;
    const last = this.posts.length - 1;
    const editsByPost = new Map<number, TextEdit[]>();
    for (const e of this.edits) (editsByPost.get(e.post) ?? editsByPost.set(e.post, []).get(e.post)!).push(e);
    const opsByPost = new Map<number, CalendarOp[]>();
    for (const op of ops) {
      const index = op.op === "append" ? last : op.postIndex;
      (opsByPost.get(index) ?? opsByPost.set(index, []).get(index)!).push(op.op === "append" ? op : { ...op, postIndex: 0 });
    }
    // Every edited post's new lines, and the post(s) they must now read as.
    const pieces: Array<{ text: string; expected: unknown[] }> = [];
    for (const index of [...editsByPost.keys()].sort((a, b) => a - b)) {
      const map = this.posts.item(index);
      if (!isMap(map) || !map.range) return false;
      const start = this.lineStart(this.source.text.lastIndexOf("-", map.range[0]));
      const end = this.lineAfter(map);
      const edits = editsByPost.get(index)!.sort((a, b) => a.start - b.start || a.seq - b.seq);
      if (edits.some((e) => e.start < start || e.end > end)) return false;
      let post = "";
      let cursor = start;
      for (const e of edits) {
        post += this.source.text.slice(cursor, e.start) + e.text;
        cursor = e.end;
      }
      post += this.source.text.slice(cursor, end);
      const own = { posts: [map.toJS(this.posts.docOf(index), { maxAliasCount: -1 }) as Record<string, unknown>] };
      applyToData(own, opsByPost.get(index) ?? []);
      pieces.push({ text: post !== "" && !post.endsWith("\n") ? post + this.eol : post, expected: own.posts });
    }
    // Read back a few posts' lines at a time, as one list: they are items of the same list at
    // the same indentation, so together they still are. Not all at once: a Document of
    // thousands of posts outlives V8's young generation and is collected the slow way (measured
    // in docs/performance.md, "Throughput"). Each group's text is joined once: growing one
    // string and asking how it ends flattens it each time.
    for (let k = 0; k < pieces.length; k += READ_BACK_POSTS) {
      const group = pieces.slice(k, k + READ_BACK_POSTS);
      const read = readBack(`posts:${this.eol}${group.map((p) => p.text).join("")}`) as { posts: unknown[] | null } | null | undefined;
      if (read === undefined || !isDeepStrictEqual(read?.posts ?? [], group.flatMap((p) => p.expected))) return false;
    }
    return true;
  }

  private edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length, post: this.current });
  }

  private uneditable(node: Node | number, why: string): UneditableError {
    const at = positionOf(this.source, typeof node === "number" ? node : (node.range?.[0] ?? 0));
    return new UneditableError(`${this.source.file}:${at.line}:${at.col}`, why);
  }

  private postMap(index: number, options: { removedToo?: boolean } = {}): YAMLMap {
    const item = this.posts.item(index);
    if (!isMap(item)) throw this.uneditable(item ?? this.posts.start, `post ${index + 1} is not a mapping written in place (an alias?); failover cannot edit it`);
    if (this.removed.has(index) && !options.removedToo) throw new Error(`post ${index + 1} is edited after being removed`);
    return item;
  }

  private pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
    return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<Node, Node> | undefined;
  }

  private set(index: number, key: string, value: string): void {
    const map = this.postMap(index);
    const pair = this.pairOf(map, key);
    if (pair && isScalar(pair.value) && pair.value.anchor) {
      // Other posts may use this value through `*${pair.value.anchor}`: changing it would move them too.
      throw this.uneditable(pair.value, `${key} carries the anchor &${pair.value.anchor}, which other posts may repeat; failover will not change it under them: write the value out in this post`);
    }
    if (pair && isScalar(pair.value) && pair.value.range) {
      const [start, end] = pair.value.range;
      this.edit(start, end, renderLike(pair.value, value, Boolean(map.flow)));
      return;
    }
    if (pair && isAlias(pair.value) && pair.value.range) {
      // `at: *launch`: this post gets its own value; the anchor and its other users stay as they are.
      const [start, end] = pair.value.range;
      this.edit(start, end, renderScalar(value, Boolean(map.flow)));
      return;
    }
    if (pair) throw this.uneditable(pair.value ?? map, `${key} is not a plain value; failover cannot set it`);
    if (map.flow) {
      const close = this.source.text.lastIndexOf("}", map.range![1]);
      // Before the closing brace, after any space the author left there.
      let at = close;
      while (at > 0 && /[ \t]/.test(this.source.text[at - 1]!)) at--;
      this.edit(at, at, `, ${key}: ${renderScalar(value, true)}`);
      return;
    }
    const at = this.lineAfter(map);
    this.edit(at, at, `${this.newlineIfNeeded(at)}${" ".repeat(this.column(map.range![0]))}${key}: ${renderScalar(value, false)}${this.eol}`);
  }

  private delete(index: number, key: string): void {
    const map = this.postMap(index);
    const pair = this.pairOf(map, key);
    if (!pair) return;
    this.refuseAnchors(pair.value, `removing ${key}`);
    const position = map.items.indexOf(pair as never);
    const keyStart = (pair.key as Node).range![0];
    const valueEnd = (pair.value as Node | null)?.range?.[2] ?? (pair.key as Node).range![2];
    const next = map.items[position + 1] as Pair<Node, Node> | undefined;
    if (position === 0) {
      // The first key shares its line with the `-` (or the `{`): pull the next key up instead.
      if (!next) throw this.uneditable(map, `cannot remove ${key}, the post's only key`);
      this.edit(keyStart, next.key.range![0], "");
      return;
    }
    if (map.flow) {
      const previous = map.items[position - 1] as Pair<Node, Node>;
      const previousEnd = (previous.value ?? previous.key).range![1];
      this.edit(previousEnd, (pair.value ?? pair.key).range![1], "");
      return;
    }
    this.edit(this.lineStart(keyStart), this.lineEndAfter(valueEnd), "");
  }

  private remove(index: number): void {
    const map = this.postMap(index);
    this.refuseAnchors(map, `removing post ${index + 1}`);
    const dash = this.source.text.lastIndexOf("-", map.range![0]);
    this.edit(this.lineStart(dash), this.lineAfter(map), "");
    this.removed.add(index);
  }

  /** Lines that define an anchor (`&name`) cannot go: aliases elsewhere would lose their value. */
  private refuseAnchors(node: Node | null, doing: string): void {
    if (!node) return;
    let anchored: Node | undefined;
    visit(node, (_key, n) => {
      if ((isScalar(n) || isMap(n) || isSeq(n)) && n.anchor) {
        anchored = n;
        return visit.BREAK;
      }
      return undefined;
    });
    if (anchored) throw this.uneditable(anchored, `${doing} would take away the anchor &${(anchored as Scalar).anchor} that other values may repeat; write the value out where it is used`);
  }

  private insertPost(at: number, beside: YAMLMap, post: Record<string, unknown>): void {
    const dash = this.source.text.lastIndexOf("-", beside.range![0]);
    const dashCol = this.column(dash);
    const keyCol = beside.flow ? dashCol + 2 : Math.max(this.column(beside.range![0]), dashCol + 2);
    this.edit(at, at, this.newlineIfNeeded(at) + renderPost(post, dashCol, keyCol, this.eol));
  }

  /** Lines added at the very end of a file without a final newline need one first. */
  private newlineIfNeeded(at: number): string {
    if (this.eofNewlineAdded || at !== this.source.text.length || at === 0 || this.source.text.endsWith("\n")) return "";
    this.eofNewlineAdded = true;
    return this.eol;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  private lineStart(offset: number): number {
    return this.source.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The start of the line after the one `offset` is on (or `offset`, if it starts a line). */
  private lineEndAfter(offset: number): number {
    if (offset > 0 && this.source.text[offset - 1] === "\n") return offset;
    const nl = this.source.text.indexOf("\n", offset);
    return nl === -1 ? this.source.text.length : nl + 1;
  }

  /** Just past a post's last line: where keys are added to it and where a post after it goes. */
  private lineAfter(map: YAMLMap): number {
    const end = map.flow ? map.range![2] : lastValueEnd(map);
    return this.lineEndAfter(end);
  }
}

/** A post as block-list lines: the `-` at dashCol, its keys at keyCol, each line ended with eol. */
function renderPost(post: Record<string, unknown>, dashCol: number, keyCol: number, eol: string): string {
  const body = new Document(post).toString({ lineWidth: 0 }).replace(/\n$/, "").split("\n");
  const lines = body.map((line, i) =>
    i === 0 ? `${" ".repeat(dashCol)}-${" ".repeat(keyCol - dashCol - 1)}${line}` : line === "" ? "" : `${" ".repeat(keyCol)}${line}`,
  );
  return lines.join(eol) + eol;
}

/**
 * A calendar with no posts yet (`posts: []`, or `posts:` and nothing): appended posts go on the
 * lines after the key as a block list, and the empty `[]` goes; the rest of the file, comments
 * included, stays as it is. Undefined when the list is not empty or the edits are not all appends.
 */
function fillEmptyList(source: YamlSource, ops: readonly CalendarOp[]): string | undefined {
  if (source.items) return undefined; // a released list has posts (see releaseDocument)
  const root = source.doc.contents;
  if (!isMap(root) || ops.length === 0 || ops.some((op) => op.op !== "append")) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && String(p.key.value) === "posts") as Pair<Node, Node | null> | undefined;
  if (!pair?.key.range) return undefined;
  const value = pair.value;
  const isEmpty = value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.flow === true && value.items.length === 0);
  if (!isEmpty) return undefined;
  const text = source.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const keyStart = pair.key.range[0];
  const keyCol = keyStart - (text.lastIndexOf("\n", keyStart - 1) + 1);
  // `[]` (or `~`) goes; a comment after it stays on the key's line.
  const [cutStart, cutEnd] = value?.range ? [value.range[0], value.range[1]] : [pair.key.range[1], pair.key.range[1]];
  const lineEnd = text.indexOf("\n", cutEnd);
  const insertAt = lineEnd === -1 ? text.length : lineEnd + 1;
  const posts = ops.map((op) => renderPost((op as { post: Record<string, unknown> }).post, keyCol + 2, keyCol + 4, eol)).join("");
  const head = text.slice(0, cutStart).replace(/[ \t]+$/, "") + text.slice(cutEnd, insertAt);
  return `${head}${lineEnd === -1 ? eol : ""}${posts}${text.slice(insertAt)}`;
}

function hasAliases(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** The end of a block map's last value, its trailing comment on the same line included. */
function lastValueEnd(map: YAMLMap): number {
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
  if (!last) return map.range![1];
  return last.value?.range?.[2] ?? last.key.range![2];
}

/** A string as a YAML scalar: plain when it reads back as the same string, else double-quoted. */
export function renderScalar(value: string, flow: boolean): string {
  const plainSafe =
    value !== "" &&
    !/[\n\r\t]/.test(value) &&
    value.trim() === value &&
    !(flow && /[,[\]{}]/.test(value)) &&
    !/(^[-?:,[\]{}#&*!|>'"%@`])|(: )|( #)|(:$)/.test(value) &&
    safeParse(value) === value;
  // JSON's escapes are a subset of YAML's double-quoted ones.
  return plainSafe ? value : JSON.stringify(value);
}

function safeParse(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/** A new value in the style of the scalar it replaces (quoted stays quoted). */
function renderLike(node: Scalar, value: string, flow: boolean): string {
  if (node.type === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  return renderScalar(value, flow);
}

/** The new text must mean exactly the old data with the edits applied; anything else is a bug. */
function verifyEdits(source: YamlSource, ops: readonly CalendarOp[], text: string): void {
  const expected = source.doc.toJS({ maxAliasCount: -1 }) as { posts: Array<Record<string, unknown>> };
  applyToData(expected, ops);
  const actual = readBack(text);
  if (actual === undefined || !isDeepStrictEqual(actual, expected)) {
    throw new Error(`the edited calendar would not read back as intended (${source.file}); nothing was written`);
  }
}

/** YAML text as plain data, or undefined if it does not read (syntax, an alias with no anchor). */
function readBack(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: -1 });
  } catch {
    return undefined;
  }
}

/** The same edits on the plain data: what the new text must parse to. */
export function applyToData(data: { posts: Array<Record<string, unknown>> }, ops: readonly CalendarOp[]): void {
  const posts = data.posts ?? [];
  // Inserts and removals refer to original indexes: resolve them against the original list.
  const original = [...posts];
  const after = new Map<number, Array<Record<string, unknown>>>();
  const appended: Array<Record<string, unknown>> = [];
  const removed = new Set<number>();
  for (const op of ops) {
    switch (op.op) {
      case "set":
        original[op.postIndex]![op.key] = op.value;
        break;
      case "delete":
        delete original[op.postIndex]![op.key];
        break;
      case "insertAfter":
        after.set(op.postIndex, [...(after.get(op.postIndex) ?? []), op.post]);
        break;
      case "append":
        appended.push(op.post);
        break;
      case "remove":
        removed.add(op.postIndex);
        break;
    }
  }
  const result: Array<Record<string, unknown>> = [];
  original.forEach((post, i) => {
    if (!removed.has(i)) result.push(post);
    result.push(...(after.get(i) ?? []));
  });
  result.push(...appended);
  data.posts = result;
}
