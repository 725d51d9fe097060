/**
 * Folding .ics lines at 75 octets (src/interop/ics.ts) counts UTF-8 by code point and slices;
 * it must cut exactly where encoding each character with Buffer would (the first version, kept
 * here as the reference): never inside a character, lone surrogates as the 3 octets of U+FFFD.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../src/interop/ics.js";
import { seededRandom } from "../helpers/random.js";

function referenceFold(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const PIECES = ["a", "Z", " ", ",", "é", "ß", "€", "五", "つ", "🧊", "👩‍👩‍👧", "🇯🇵", "\u0301", "\ud83d", "\udc4d", "x".repeat(70), "DESCRIPTION:"];

describe(".ics line folding", () => {
  it("cuts where the per-character reference does, on random mixtures of 1- to 4-octet characters and lone surrogates", () => {
    const random = seededRandom(20261130);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 60);
      const line = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join("");
      expect(fold(line), JSON.stringify(line)).toBe(referenceFold(line));
    }
  });

  it("keeps every folded line within 75 octets", () => {
    const folded = fold(`DESCRIPTION:${"五つの色🧊 ".repeat(40)}`);
    for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  });
});
