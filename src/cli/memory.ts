/**
 * Giving memory back between the phases of a run on a large calendar. V8 sizes its heap by the
 * most it held at its last full collection, and the largest it ever holds is the parser's work
 * on the calendar (its syntax tree and Document, gone once the posts are loaded). Without a full
 * collection after that, planning and writing fill the heap up to that size again before V8
 * looks; one collection at the end of loading lets it size the heap by what planning keeps
 * (measured in docs/performance.md, "Memory"). Node 20 has no public call for it: the flag is set
 * for a moment and the function taken from a fresh context, as Jest's leak detector does.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Below this, a calendar is loaded in a heap that stays small anyway: no collection is asked for. */
const WORTH_IT_CHARS = 2 * 1024 * 1024;

let collect: (() => void) | undefined;

/** A full garbage collection, when the text just loaded was large enough for it to matter. */
export function settleAfterLoading(loadedChars: number): void {
  if (loadedChars < WORTH_IT_CHARS) return;
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
    setFlagsFromString("--no-expose-gc");
  }
  collect();
}
