/**
 * Plain English for counts and lists, in one place, so that every message reads well in the
 * singular and the plural ("1 post is", "2 posts are") and no template grows its own `s`.
 */

/** "1 post", "2 posts", "0 posts"; `many` for irregular plurals ("1 is", "2 are"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The word alone, agreeing with n: `noun(1, "post")` = "post", `noun(3, "is", "are")` = "are". */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "x", "x and bluesky", "x, bluesky and linkedin". */
export function listWords(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
