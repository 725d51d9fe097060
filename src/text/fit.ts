/**
 * Fitting text to a platform's limit, as the platform counts it (any `measure`):
 * - if it fits, it is left alone;
 * - where the platform chains replies, it becomes a numbered thread ("… 1/3"), split at sentence
 *   ends first, then between words, then (a run with no break at all) between grapheme clusters;
 * - otherwise trailing hashtags go first, then the text is cut between words with an ellipsis,
 *   the link kept whole after it.
 * Never inside a link, a mention, a hashtag or a grapheme cluster. Cuts are found by binary search
 * over candidate boundaries, each candidate measured once: O(n log n) for a text of length n.
 */
import { entities, type Entity } from "./entities.js";
import { graphemeBoundaries, sentences, words } from "./graphemes.js";

export type Measure = (text: string) => number;

export const ELLIPSIS = "…";

export interface Draft {
  /** The prose, inline hashtags and mentions included. */
  body: string;
  /** A link to keep whole, on its own line after the body. */
  link?: string;
  /** Trailing hashtags, on their own line at the end: dropped first when shortening. */
  tags?: string[];
}

export interface FitOptions {
  limit: number;
  measure: Measure;
  /** How many posts a thread may have; 1 = no threads, shorten instead. */
  maxParts: number;
}

export interface FitResult {
  /** One text, or the posts of a thread in order. */
  parts: string[];
  /** The longest part, as measured. */
  used: number;
  fits: boolean;
  /** True when words of the body were left out. */
  cut: boolean;
  droppedTags: string[];
  problem?: string;
}

export function compose(body: string, link: string | undefined, tags: readonly string[] = []): string {
  return [body.trim(), link ?? "", tags.join(" ")].filter((s) => s.length > 0).join("\n\n");
}

interface Cuts {
  atoms: Entity[];
  sentence: number[];
  word: number[];
}

/** Keeps the boundaries that are not strictly inside a link, mention or hashtag (both sorted). */
function outsideAtoms(boundaries: readonly number[], atoms: readonly Entity[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const b of boundaries) {
    while (j < atoms.length && atoms[j]!.end <= b) j++;
    if (j < atoms.length && atoms[j]!.start < b) continue;
    out.push(b);
  }
  return out;
}

// Scripts written without spaces, and their punctuation: a cut may fall between two of these.
const NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff01-\uff60]/u;
// Punctuation that closes what comes before it: never the first character of a part.
const CLOSING = /[\p{Pe}\p{Pf}.,;:!?…、。，．！？：；」』）]/u;

/** Between words: before a space, at the end, or inside a run of a script that has no spaces. */
function wordCut(text: string, b: number): boolean {
  if (b >= text.length) return true;
  const next = text[b]!;
  if (/\s/u.test(next)) return true;
  if (CLOSING.test(next)) return false;
  return NO_SPACE.test(text[b - 1] ?? "") && NO_SPACE.test(next);
}

function cutPoints(text: string): Cuts {
  const atoms = entities(text);
  const wordEnds = new Set<number>();
  for (const w of words(text)) if (w.text.trim().length > 0 && wordCut(text, w.end)) wordEnds.add(w.end);
  for (const a of atoms) if (wordCut(text, a.end)) wordEnds.add(a.end);
  const sentenceEnds = sentences(text).map((s) => s.end);
  return {
    atoms,
    sentence: outsideAtoms(sentenceEnds, atoms),
    word: outsideAtoms([...wordEnds].sort((a, b) => a - b), atoms),
  };
}

/**
 * The last candidate (ascending, from index `from`) for which `ok` holds, assuming it holds for a
 * prefix of them. Galloping, then binary search: the candidates tried stay within about twice the
 * answer, so packing a long text into parts costs about its length, not its length per part.
 */
function lastFitting(candidates: readonly number[], ok: (b: number) => boolean, from = 0): number | undefined {
  if (from >= candidates.length || !ok(candidates[from]!)) return undefined;
  let good = from;
  let step = 1;
  let bad = candidates.length;
  while (good + step < candidates.length) {
    if (!ok(candidates[good + step]!)) {
      bad = good + step;
      break;
    }
    good += step;
    step *= 2;
  }
  let lo = good + 1;
  let hi = bad - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ok(candidates[mid]!)) {
      good = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return candidates[good];
}

/** The index of the first value above `floor` in an ascending list. */
const firstAbove = (list: readonly number[], floor: number): number => {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= floor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const DANGLING = /[\s,;:、，：；—–\-(\[{«“‘/·|&+]+$/u;

/** The body cut at `b`, without dangling punctuation, with an ellipsis unless it ends a sentence. */
function cutBody(body: string, b: number, cuts: Cuts): string {
  if (b >= body.length) return body.trim();
  const endsAtom = cuts.atoms.find((a) => a.end === b);
  const head = endsAtom ? body.slice(0, b).trimEnd() : body.slice(0, b).replace(DANGLING, "");
  if (head.length === 0) return "";
  return endsAtom?.kind === "url" ? `${head} ${ELLIPSIS}` : `${head}${ELLIPSIS}`;
}

function shorten(draft: Draft, options: FitOptions): FitResult {
  const { measure, limit } = options;
  const tags = draft.tags ?? [];
  const body = draft.body.trim();
  const result = (text: string, cut: boolean, kept: number): FitResult => {
    const used = measure(text);
    return { parts: [text], used, fits: used <= limit, cut, droppedTags: tags.slice(kept) };
  };
  // Hashtags at the end carry the least meaning: drop them one by one, from the last.
  for (let k = tags.length - 1; k >= 0; k--) {
    const text = compose(body, draft.link, tags.slice(0, k));
    if (measure(text) <= limit) return result(text, false, k);
  }
  const cuts = cutPoints(body);
  const candidate = (b: number): string => compose(cutBody(body, b, cuts), draft.link);
  const best = lastFitting(cuts.word, (b) => measure(candidate(b)) <= limit);
  if (best === undefined) {
    const linkOnly = compose("", draft.link);
    const r = result(linkOnly, true, 0);
    if (!r.fits || linkOnly.length === 0) {
      r.problem = draft.link
        ? `the link alone is ${measure(draft.link)} long, over the limit of ${limit}`
        : `not even the first word fits in ${limit}`;
    }
    return r;
  }
  // A whole sentence reads better than a cut one, if it keeps most of the text.
  const sentence = lastFitting(cuts.sentence, (s) => s <= best);
  if (sentence !== undefined && sentence >= best * 0.6) {
    const text = compose(body.slice(0, sentence).trim(), draft.link);
    if (measure(text) <= limit) return result(text, true, 0);
  }
  return result(candidate(best), true, 0);
}

const skipSpace = (text: string, i: number): number => {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
};

/** Greedy packing into parts that satisfy `fits`; undefined when some piece cannot fit at all. */
function pack(text: string, cuts: Cuts, fits: (part: string) => boolean): { parts: string[] } | { stuck: string } {
  const parts: string[] = [];
  let graphemeCuts: number[] | undefined;
  let start = skipSpace(text, 0);
  while (start < text.length) {
    const ok = (b: number): boolean => fits(text.slice(start, b).trim());
    let end = lastFitting(cuts.sentence, ok, firstAbove(cuts.sentence, start)) ?? lastFitting(cuts.word, ok, firstAbove(cuts.word, start));
    if (end === undefined) {
      graphemeCuts ??= outsideAtoms(graphemeBoundaries(text), cuts.atoms);
      end = lastFitting(graphemeCuts, ok, firstAbove(graphemeCuts, start));
    }
    if (end === undefined) {
      const atom = cuts.atoms.find((a) => a.start <= start && start < a.end) ?? cuts.atoms.find((a) => a.start >= start);
      return { stuck: atom ? atom.text : text.slice(start, start + 40) };
    }
    parts.push(text.slice(start, end).trim());
    start = skipSpace(text, end);
  }
  return { parts };
}

function numbered(parts: readonly string[]): string[] {
  return parts.map((p, i) => `${p} ${i + 1}/${parts.length}`);
}

/** A numbered thread, or undefined with the reason when a piece cannot fit or it needs too many parts. */
function threadOf(text: string, options: FitOptions): { parts: string[] } | { problem: string; needed?: number } {
  const { measure, limit, maxParts } = options;
  const cuts = cutPoints(text);
  let n = Math.max(2, Math.ceil(measure(text) / limit));
  for (let attempt = 0; attempt < 4; attempt++) {
    const reserve = ` ${n}/${n}`;
    const packed = pack(text, cuts, (part) => measure(part + reserve) <= limit);
    if ("stuck" in packed) return { problem: `"${packed.stuck}" cannot fit in one post of ${limit}` };
    const count = packed.parts.length;
    if (String(count).length === String(n).length) {
      if (count > maxParts) return { problem: `it needs ${count} posts, more than the ${maxParts} allowed`, needed: count };
      return { parts: numbered(packed.parts) };
    }
    n = count;
  }
  return { problem: "the thread numbering did not settle" };
}

export function fit(draft: Draft, options: FitOptions): FitResult {
  const { measure, limit, maxParts } = options;
  const full = compose(draft.body, draft.link, draft.tags);
  const used = measure(full);
  if (used <= limit) return { parts: [full], used, fits: true, cut: false, droppedTags: [] };
  if (maxParts <= 1) return shorten(draft, options);

  const thread = threadOf(full, options);
  if ("parts" in thread) {
    return { parts: thread.parts, used: Math.max(...thread.parts.map(measure)), fits: true, cut: false, droppedTags: [] };
  }
  if (thread.needed === undefined) {
    // A piece too long for any post (a huge link): shortening cannot help either.
    const short = shorten(draft, { ...options, maxParts: 1 });
    return short.fits ? short : { ...short, problem: thread.problem };
  }
  // Too many posts: keep the beginning, in as many posts as allowed, the link whole at the end.
  const body = draft.body.trim();
  const cuts = cutPoints(body);
  let best: string[] | undefined;
  lastFitting(cuts.word, (b) => {
    const attempt = threadOf(compose(cutBody(body, b, cuts), draft.link), options);
    if ("parts" in attempt) best = attempt.parts;
    return "parts" in attempt;
  });
  if (!best) return { ...shorten(draft, { ...options, maxParts: 1 }), problem: thread.problem };
  return { parts: best, used: Math.max(...best.map(measure)), fits: true, cut: true, droppedTags: draft.tags ?? [] };
}
