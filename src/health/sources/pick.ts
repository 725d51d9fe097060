/**
 * Choosing the parts of a status document a user named (components, services, monitors) and
 * folding their statuses into one: the small steps every JSON kind repeats.
 */
import { quote } from "../../quote.js";
import { worse, type KnownStatus } from "../status.js";
import type { SourceAnswer } from "../types.js";

export interface Named {
  name: string;
  id?: string | number | undefined;
}

/** The items a list of names or ids refers to, or an `unknown` answer naming what the page has. */
export function pickNamed<T extends Named>(
  all: readonly T[],
  wanted: readonly string[],
  what: string,
  /** What to list when a name is missing (default: everything); e.g. only top-level components. */
  listed: readonly T[] = all,
): { ok: true; items: T[] } | { ok: false; answer: SourceAnswer } {
  const items: T[] = [];
  for (const w of wanted) {
    const match = all.find((item) => (item.id !== undefined && String(item.id) === w) || item.name.toLowerCase() === w.toLowerCase());
    if (!match) {
      // A page can list hundreds of items: name enough of them to fix a typo, not all.
      const shown = listed.slice(0, 12).map((item) => item.name);
      const more = listed.length > shown.length ? `, … (${listed.length - shown.length} more)` : "";
      return { ok: false, answer: { status: "unknown", error: `no ${what} "${w}" on this page; it has: ${shown.join(", ") || "none"}${more}` } };
    }
    items.push(match);
  }
  return { ok: true, items };
}

/** The worst status among named parts, with the ones that are not operational in the detail. */
export function worstOf(parts: ReadonlyArray<{ name: string; status: KnownStatus; raw: string }>, allFine: string): { status: KnownStatus; detail: string } {
  let status: KnownStatus = "operational";
  const details: string[] = [];
  for (const p of parts) {
    status = worse(status, p.status);
    if (p.status !== "operational") details.push(`${p.name}: ${p.raw}`);
  }
  return { status, detail: details.join(", ") || allFine };
}

/** A page URL (not ending in .json) gets the kind's JSON path; file: and .json URLs stay. */
export function jsonEndpoint(url: string, path: string): string {
  if (/\.json(\?.*)?$/i.test(url) || url.startsWith("file:")) return url;
  return `${url.replace(/\/+$/, "")}${path}`;
}

/**
 * The worst status of the named parts, each read with `map`; a name missing from the page, or a
 * part whose status `map` cannot read, is an `unknown` answer saying which.
 */
export function readNamed<T extends Named>(
  all: readonly T[],
  wanted: readonly string[],
  what: string,
  rawOf: (item: T) => string,
  map: (raw: string) => KnownStatus | undefined,
): SourceAnswer {
  const picked = pickNamed(all, wanted, what);
  if (!picked.ok) return picked.answer;
  return readEach(picked.items, what, rawOf, map, `${wanted.join(", ")}: operational`);
}

/** The worst status of these parts, each read with `map`; one it cannot read makes the answer `unknown`. */
export function readEach<T extends { name: string }>(
  items: readonly T[],
  what: string,
  rawOf: (item: T) => string,
  map: (raw: string) => KnownStatus | undefined,
  allFine: string,
): SourceAnswer {
  const parts = [];
  for (const item of items) {
    const raw = rawOf(item);
    const mapped = map(raw);
    if (!mapped) return { status: "unknown", error: `${what} "${item.name}" has an unknown status ${quote(raw)}` };
    parts.push({ name: item.name, status: mapped, raw });
  }
  return worstOf(parts, allFine);
}
