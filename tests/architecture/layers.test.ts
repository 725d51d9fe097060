/**
 * The layers of docs/architecture.md, enforced: every import in src/ points to its own folder or
 * to a lower layer, and no folder (or file) reaches itself again through imports. The layer
 * table is read from the document itself, so the document and this check cannot drift apart.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const SRC = join(ROOT, "src");

/** `| 2 domain | \`config/\` | …`: layer number and folder (with a slash) or top-level file. */
function layerTable(): Map<string, number> {
  const doc = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");
  const table = new Map<string, number>();
  for (const m of doc.matchAll(/^\|\s*(\d+)[^|]*\|\s*`src\/([^`]+)`/gm)) table.set(m[2]!.replace(/\/$/, ""), Number(m[1]));
  return table;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Import {
  spec: string;
  /** `import type …` / `export type … from`: erased at run time. */
  typeOnly: boolean;
}

/** Relative imports of a file: static, re-exports, side-effect and dynamic ones. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;"']*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/gm)) found.push({ spec: m[2]!, typeOnly: m[1] !== undefined });
  for (const m of text.matchAll(/^\s*import\s*["'](\.{1,2}\/[^"']+)["']/gm)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** The unit a file belongs to: its top-level folder under src/, or the file's own name at the top. */
function unitOf(file: string): string {
  return relative(SRC, file).split("/")[0]!;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(readFileSync(file, "utf8")).map(({ spec, typeOnly }) => ({ from: file, to: resolve(dirname(file), spec).replace(/\.js$/, ".ts"), typeOnly })),
  );
}

/** Strongly connected components with more than one member (Tarjan): the cycles of a graph. */
export function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

function graphOf(pairs: Iterable<[string, string]>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

describe("architecture: layers that only point down", () => {
  const layers = layerTable();
  const all = edges();

  it("docs/architecture.md gives every folder and top-level file of src/ a layer", () => {
    expect(layers.size).toBeGreaterThan(10);
    const units = [...new Set(sourceFiles(SRC).map(unitOf))];
    const missing = units.filter((u) => !layers.has(u));
    expect(missing, "add these to the layer table in docs/architecture.md").toEqual([]);
  });

  it("no import points to a higher layer", () => {
    const upward = all
      .filter((e) => layers.get(unitOf(e.to))! > layers.get(unitOf(e.from))!)
      .map((e) => `${relative(SRC, e.from)} (layer ${layers.get(unitOf(e.from))}) imports ${relative(SRC, e.to)} (layer ${layers.get(unitOf(e.to))})`);
    expect(upward).toEqual([]);
  });

  it("no cycle between folders, nor between files (at run time: type-only imports are erased)", () => {
    expect(cycles(graphOf(all.map((e) => [unitOf(e.from), unitOf(e.to)])))).toEqual([]);
    expect(cycles(graphOf(all.filter((e) => !e.typeOnly).map((e) => [relative(SRC, e.from), relative(SRC, e.to)])))).toEqual([]);
  });

  it("the library entry does not reach into the CLI, and only src/cli knows commander, chalk and ora", () => {
    expect(all.filter((e) => unitOf(e.from) === "index.ts" && unitOf(e.to) === "cli")).toEqual([]);
    const outside = sourceFiles(SRC)
      .filter((f) => unitOf(f) !== "cli")
      .filter((f) => /from\s+["'](commander|chalk|ora|@commander-js\/[^"']+)["']/.test(readFileSync(f, "utf8")));
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  });

  it("the check itself reads every kind of import and finds a cycle", () => {
    const text = 'import { a } from "../x.js";\nimport type { B } from "./y.js";\nexport {\n  c,\n  type D,\n} from "./w.js";\nconst e = await import("./z.js");\nimport "./side.js";';
    expect(importsOf(text)).toEqual([
      { spec: "../x.js", typeOnly: false },
      { spec: "./y.js", typeOnly: true },
      { spec: "./w.js", typeOnly: false },
      { spec: "./side.js", typeOnly: false },
      { spec: "./z.js", typeOnly: false },
    ]);
    expect(cycles(graphOf([["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"]]))).toEqual([["a", "b", "c"]]);
    expect(cycles(graphOf([["a", "b"], ["b", "c"]]))).toEqual([]);
  });
});
