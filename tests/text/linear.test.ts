/**
 * Finding links and weighing text stay linear in the text's length, on hostile input too (long
 * chains of labels, dots, brackets, schemes). Measured in operations, not time (the machine is
 * shared): every character the scanners read goes through String.prototype.charCodeAt or
 * codePointAt, so those calls are counted. Ten times the text may cost at most twenty times the
 * reads; a quadratic scan costs a hundred times. Timings are in `npm run bench`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mastodonLength } from "../../src/text/count.js";
import { findUrls } from "../../src/text/urls.js";
import { xWeightedLength } from "../../src/text/xweight.js";

const HOSTILE = [
  "a.", "a.com.", "a.com/", "https://a.", "xn--a.", "é.", "a_.", "a-.", "a.comé", "http://a.com?", "a.com/(", "a.com/((",
  "1.2.", "日本.", "a.みんな", "ab-", "https://a.com/x(", "@a.com ", "#a.com ", "a.b.c.d.e.f.g.h.i.j.", "😀.",
];
const repeat = (piece: string, size: number): string => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);

let reads = 0;
const original = { charCodeAt: String.prototype.charCodeAt, codePointAt: String.prototype.codePointAt };
beforeAll(() => {
  String.prototype.charCodeAt = function (this: string, i: number) {
    reads++;
    return original.charCodeAt.call(this, i);
  };
  String.prototype.codePointAt = function (this: string, i: number) {
    reads++;
    return original.codePointAt.call(this, i);
  };
});
afterAll(() => {
  String.prototype.charCodeAt = original.charCodeAt;
  String.prototype.codePointAt = original.codePointAt;
});

function readsFor(run: () => unknown): number {
  reads = 0;
  run();
  return reads;
}

describe("link finding and weighing are linear", () => {
  it.each(HOSTILE)("%j repeated: 10x the text costs at most 20x the reads", (piece) => {
    const small = repeat(piece, 4_000);
    const large = repeat(piece, 40_000);
    for (const measure of [(t: string) => findUrls(t), xWeightedLength, mastodonLength, (t: string) => findUrls(t, { requireScheme: true, schemes: "mastodon" })]) {
      const a = Math.max(1, readsFor(() => measure(small)));
      const b = readsFor(() => measure(large));
      expect(b / a, `${measure.name || "findUrls"}: ${a} reads for 4 KB, ${b} for 40 KB`).toBeLessThanOrEqual(20);
    }
  });
});
