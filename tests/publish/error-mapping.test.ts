/**
 * Each part-two publisher's error mapping, answer by answer (shapes from the platforms' docs, as the
 * fakes in tests/fakes/part-two.mjs send them): an expired token, a missing scope, a rate limit with
 * when it lifts (x-rate-limit-reset; Graph's X-Business-Use-Case-Usage, and X-App-Usage, which says
 * no time; LinkedIn's 429; Pinterest's x-ratelimit-reset), X's tier refusal, and refused media:
 * the kind (permanent: `failed`; transient: left due and retried), the plain message and the hint.
 */
import { afterAll, describe, expect, it } from "vitest";
import { graphFailure } from "../../src/publish/graph.js";
import { PublishHttp, type HttpAnswer } from "../../src/publish/http.js";
import { linkedinFailure } from "../../src/publish/platforms/linkedin.js";
import { pinterestFailure } from "../../src/publish/platforms/pinterest.js";
import { xFailure } from "../../src/publish/platforms/x.js";

const http = new PublishHttp({ userAgent: "test", timeoutMs: 1000, secrets: ["s3cret-token"] });
afterAll(() => http.close());

const answer = (status: number, json: unknown, headers: Record<string, string> = {}): HttpAnswer => {
  const text = JSON.stringify(json);
  return { status, headers, text, bytes: Buffer.from(text), json };
};

describe("X", () => {
  it("a 429 says when the limit resets (x-rate-limit-reset, read against the answer's Date) and is retried", () => {
    const f = xFailure({ http }, answer(429, { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 }, { "x-rate-limit-reset": "1784023200", date: "Tue, 14 Jul 2026 09:50:00 GMT" }), "post");
    expect(f.kind).toBe("transient");
    expect(f.message).toBe("post: HTTP 429: Too Many Requests: rate limit reached; it resets at 2026-07-14T10:00:00.000Z");
    expect(f.details.retryAfterMs).toBe(600_000);
  });

  it("a 403 client-not-enrolled is the API tier, not the post", () => {
    const f = xFailure({ http }, answer(403, { title: "Client Forbidden", detail: "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.", reason: "client-not-enrolled", type: "https://api.twitter.com/2/problems/client-forbidden" }), "post");
    expect(f.kind).toBe("permanent");
    expect(f.details.hint).toMatch(/API tier of this app does not allow posting/);
  });

  it("an expired or revoked token (401) and a missing permission (403) are refused for good, saying what to do", () => {
    const expired = xFailure({ http }, answer(401, { title: "Unauthorized", detail: "Unauthorized", type: "about:blank", status: 401 }), "post");
    expect([expired.kind, expired.details.hint]).toEqual(["permanent", expect.stringMatching(/2 hours \(refresh it\)/)]);
    const scope = xFailure({ http }, answer(403, { title: "Forbidden", detail: "You are not permitted to perform this action.", type: "about:blank", status: 403 }), "post");
    expect([scope.kind, scope.details.hint]).toEqual(["permanent", expect.stringMatching(/tweet\.write and media\.write/)]);
  });
});

describe("Graph API (Threads, Facebook, Instagram)", () => {
  const graphError = (error: Record<string, unknown>) => ({ error: { type: "OAuthException", fbtrace_id: "AbC", ...error } });

  it("code 190 subcode 463 is an expired token; 200 a missing permission; both permanent", () => {
    const expired = graphFailure(http, answer(400, graphError({ message: "Error validating access token: Session has expired", code: 190, error_subcode: 463 })), "publish", "Threads");
    expect([expired.kind, expired.details.hint]).toEqual(["permanent", expect.stringMatching(/Threads token has expired/)]);
    const scope = graphFailure(http, answer(403, graphError({ message: "(#200) Requires pages_manage_posts permission", code: 200 })), "post", "Facebook");
    expect([scope.kind, scope.details.hint]).toEqual(["permanent", expect.stringMatching(/lacks a permission/)]);
  });

  it("a rate limit (code 4, 17, 32, 613, 800xx) is retried, with when access returns from X-Business-Use-Case-Usage", () => {
    const buc = JSON.stringify({ "102938475610293": [{ type: "pages", call_count: 100, total_cputime: 12, total_time: 15, estimated_time_to_regain_access: 17 }] });
    const f = graphFailure(http, answer(400, graphError({ message: "(#32) Page request limit reached", code: 32 }), { "x-business-use-case-usage": buc }), "post", "Facebook");
    expect(f.kind).toBe("transient");
    expect(f.message).toMatch(/rate limit reached; access returns in about 17 min$/);
    expect(f.details.retryAfterMs).toBe(17 * 60_000);
  });

  it("X-App-Usage gives percentages, no time: the limit is still named, retried without a Retry-After", () => {
    const f = graphFailure(http, answer(400, graphError({ message: "(#4) Application request limit reached", code: 4, is_transient: true }), { "x-app-usage": JSON.stringify({ call_count: 100, total_cputime: 25, total_time: 25 }) }), "publish", "Instagram");
    expect(f.kind).toBe("transient");
    expect(f.message).toMatch(/rate limit reached$/);
    expect(f.details.retryAfterMs).toBeUndefined();
  });

  it("media Meta could not fetch or refused (9004, 2207xxx, 324) is permanent, with what to check", () => {
    for (const error of [{ message: "(#9004) The media could not be fetched from this URI", code: 9004, error_subcode: 2207052 }, { message: "(#324) Missing or invalid image file", code: 324 }]) {
      const f = graphFailure(http, answer(400, graphError(error)), "upload", "Instagram");
      expect([f.kind, f.details.hint]).toEqual(["permanent", expect.stringMatching(/could not fetch or refused the media/)]);
    }
  });

  it("never shows the token", () => {
    const f = graphFailure(http, answer(400, graphError({ message: "Invalid OAuth access token s3cret-token", code: 190 })), "post", "Facebook");
    expect(f.message).not.toContain("s3cret-token");
  });
});

describe("LinkedIn and Pinterest", () => {
  it("LinkedIn: 401 EXPIRED_ACCESS_TOKEN (60 days), 403 ACCESS_DENIED (the scope), 429 (daily, reset at midnight UTC)", () => {
    const li = (status: number, serviceErrorCode: number, code: string, message: string) => linkedinFailure({ http }, answer(status, { status, serviceErrorCode, code, message }), "post");
    const expired = li(401, 65601, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired");
    expect([expired.kind, expired.details.hint]).toEqual(["permanent", expect.stringMatching(/expired \(they last 60 days\)/)]);
    const scope = li(403, 100, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.CREATE.20250501");
    expect([scope.kind, scope.details.hint]).toEqual(["permanent", expect.stringMatching(/w_organization_social/)]);
    const limited = li(429, 101, "TOO_MANY_REQUESTS", "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.");
    expect([limited.kind, limited.message]).toEqual(["transient", expect.stringMatching(/reset at midnight UTC$/)]);
  });

  it("Pinterest: 401 (30-day tokens), 403 (scope), 429 with x-ratelimit-reset, 400 refused image", () => {
    const pin = (status: number, code: number, message: string, headers: Record<string, string> = {}) => pinterestFailure(http, answer(status, { code, message }, headers), "create the Pin");
    expect(pin(401, 2, "Authentication failed.").details.hint).toMatch(/last 30 days/);
    expect(pin(403, 29, "You are not permitted to access that resource.").details.hint).toMatch(/pins:write/);
    const limited = pin(429, 8, "You have exceeded your rate limit. Try again later.", { "x-ratelimit-reset": "120" });
    expect([limited.kind, limited.details.retryAfterMs, limited.message]).toEqual(["transient", 120_000, expect.stringMatching(/resets in 120 s$/)]);
    const image = pin(400, 1, "Invalid image: media_source.content_type must be image/jpeg or image/png");
    expect([image.kind, image.details.hint]).toEqual(["permanent", expect.stringMatching(/Pinterest refused the image/)]);
  });
});
