/**
 * AT Protocol record keys as TIDs (atproto packages/syntax/src/tid.ts): 64 bits, the top one 0,
 * then 53 bits of microseconds since the Unix epoch and a 10-bit clock id, written as 13
 * characters of base32-sortable. Since March 2026 the PDS refuses a post whose rkey is not a TID.
 *
 * failover derives the key from the post (its time, its id, the thread part), so sending the same
 * post again writes the same key, and the PDS refuses the repeat: a killed run cannot double a post.
 */
import { createHash } from "node:crypto";

const S32 = "234567abcdefghijklmnopqrstuvwxyz";
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export function encodeTid(micros: bigint, clockId: number): string {
  let value = (micros << 10n) | BigInt(clockId & 1023);
  let out = "";
  for (let i = 0; i < 13; i++) {
    out = S32[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

export function decodeTid(tid: string): { micros: bigint; clockId: number } {
  let value = 0n;
  for (const ch of tid) value = (value << 5n) | BigInt(S32.indexOf(ch));
  return { micros: value >> 10n, clockId: Number(value & 1023n) };
}

/**
 * The key of part `part` of a post: the post's time in microseconds, its sub-millisecond digits
 * and the clock id taken from a hash of its id, so two posts at the same minute get different keys.
 */
export function tidForPost(postId: string, atMs: number, part: number): string {
  const h = createHash("sha256").update(postId, "utf8").digest();
  const sub = h.readUInt16BE(0) % 1000;
  const clockId = (h.readUInt16BE(2) + part) % 1024;
  return encodeTid(BigInt(atMs) * 1000n + BigInt(sub), clockId);
}
