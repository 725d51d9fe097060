/**
 * OAuth 1.0a request signing (RFC 5849 section 3.4, HMAC-SHA1), as X documents it
 * (docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature). Only query and
 * form-urlencoded parameters are signed: a JSON or multipart body is not (RFC 5849 3.4.1.3.1).
 * Nonce and timestamp are given (the caller owns the clock and randomness), so tests can check
 * the documented example signatures.
 */
import { createHmac } from "node:crypto";

export interface OAuth1Keys {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

/** RFC 3986 percent-encoding: everything but unreserved characters (RFC 5849 3.6). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function oauth1Signature(method: string, url: string, params: ReadonlyArray<[string, string]>, consumerSecret: string, tokenSecret: string): string {
  const u = new URL(url);
  const all: Array<[string, string]> = [...params, ...[...u.searchParams.entries()]];
  const normalized = all
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const baseUrl = `${u.protocol}//${u.host.toLowerCase()}${u.pathname}`;
  const baseString = [method.toUpperCase(), percentEncode(baseUrl), percentEncode(normalized)].join("&");
  return createHmac("sha1", `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`).update(baseString).digest("base64");
}

/** The Authorization header for one request. `formParams`: an x-www-form-urlencoded body's fields (signed). */
export function oauth1Header(method: string, url: string, keys: OAuth1Keys, nonce: string, timestampSeconds: number, formParams: ReadonlyArray<[string, string]> = []): string {
  const oauth: Array<[string, string]> = [
    ["oauth_consumer_key", keys.consumerKey],
    ["oauth_nonce", nonce],
    ["oauth_signature_method", "HMAC-SHA1"],
    ["oauth_timestamp", String(timestampSeconds)],
    ["oauth_token", keys.token],
    ["oauth_version", "1.0"],
  ];
  const signature = oauth1Signature(method, url, [...oauth, ...formParams], keys.consumerSecret, keys.tokenSecret);
  return "OAuth " + [...oauth, ["oauth_signature", signature] as [string, string]].map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`).join(", ");
}
