#!/usr/bin/env node
// Counts 40 KB of hostile text (chains of labels, dots, brackets) as X and Mastodon do, after a
// 4 KB warm-up, and prints the slowest of them in ms: the link finder must stay linear.
import { mastodonLength, xWeightedLength } from "../dist/text/count.js";

const PIECES = ["a.", "a.com.", "a.com/(", "https://a.", "xn--a.", "日本.", "a.comé", "1.2."];
let worst = 0;
for (const piece of PIECES) {
  const text = (n) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n);
  xWeightedLength(text(4_000));
  const t = performance.now();
  xWeightedLength(text(40_000));
  mastodonLength(text(40_000));
  worst = Math.max(worst, performance.now() - t);
}
process.stdout.write(`${worst}\n`);
