/** "did you mean" for typos in keys, channels, zones, commands: the closest candidate, if close. */

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment):
 * swapped letters ("bahs", "chekc") are the commonest typo and should be one step, not two.
 */
export function editDistance(a: string, b: string): number {
  let before = Array.from({ length: b.length + 1 }, () => 0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Longer inputs get no suggestion: no name failover knows is this long, and the distance costs
 * length x length per candidate (a 30 KB value against 400 zones took 30 s).
 */
export const MAX_SUGGEST_INPUT = 64;

/** The candidate nearest to `input` (case-insensitive), or undefined when nothing is near. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_SUGGEST_INPUT) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Allow about one typo per three characters, at least one, so "instgram" finds "instagram"
  // but "foo" does not find "x".
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/**
 * ` (did you mean "x"?)`, or "". `aliases` are other names people use for a candidate
 * (twitter for x): a typo of an alias suggests the candidate it stands for.
 */
export function didYouMean(input: string, candidates: Iterable<string>, aliases: Readonly<Record<string, string>> = {}): string {
  const list = [...candidates];
  const hit = closest(input, [...list, ...Object.keys(aliases).filter((a) => list.includes(aliases[a]!))]);
  const name = hit !== undefined && !list.includes(hit) ? aliases[hit] : hit;
  return name ? ` (did you mean "${name}"?)` : "";
}
