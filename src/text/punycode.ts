/**
 * The length of a domain label once IDNA-encoded ("bücher" is "xn--bcher-kva", 13), as the
 * punycode package (1.4.1, RFC 3492) that twitter-text checks labels with computes it: X does
 * not link a domain with a label over 63 characters once encoded (DNS's limit).
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
/** Separators punycode.toASCII reads as a dot: . 。 ． ｡ */
const SEPARATORS = /[\x2E\u3002\uFF0E\uFF61]/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\0-\x7F]/;
/** No label of more code points than this can encode to 63 characters or fewer ("xn--" + one per code point). */
const MAX_CODE_POINTS_CHECKED = 64;

function adapt(delta: number, points: number, first: boolean): number {
  let k = 0;
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / points);
  for (; delta > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

/** The length of RFC 3492's encoding of `codePoints` (the characters themselves are not needed). */
function encodedLength(codePoints: readonly number[]): number {
  const basic = codePoints.filter((c) => c < 0x80).length;
  let length = basic + (basic > 0 ? 1 : 0);
  let handled = basic;
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const c of codePoints) if (c >= n && c < m) m = c;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          length++;
          q = Math.floor((q - t) / (BASE - t));
        }
        length++;
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return length;
}

/**
 * punycode.toASCII(label).length: each dot-separated part that is not ASCII becomes "xn--" and
 * its encoding. Parts too long to ever fit 63 are not encoded (the answer is only compared with 63),
 * which keeps this linear in the label.
 */
export function asciiLabelLength(label: string): number {
  let total = 0;
  const parts = label.replace(SEPARATORS, ".").split(".");
  parts.forEach((part, i) => {
    if (i > 0) total++;
    if (!NON_ASCII.test(part)) {
      total += part.length;
      return;
    }
    const codePoints = Array.from(part, (ch) => ch.codePointAt(0)!);
    total += codePoints.length > MAX_CODE_POINTS_CHECKED ? 4 + codePoints.length : 4 + encodedLength(codePoints);
  });
  return total;
}
