/** OAuth 1.0a signing checked against the examples of RFC 5849 and of X's documentation. */
import { describe, expect, it } from "vitest";
import { oauth1Header, oauth1Signature, percentEncode } from "../../src/publish/oauth1.js";

describe("OAuth 1.0a", () => {
  it("signs X's documented example (docs.x.com ... oauth-1-0a/creating-a-signature)", () => {
    const sig = oauth1Signature(
      "POST",
      "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
      [
        ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
        ["oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"],
        ["oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"],
        ["oauth_signature_method", "HMAC-SHA1"],
        ["oauth_timestamp", "1318622958"],
        ["oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"],
        ["oauth_version", "1.0"],
      ],
      "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
      "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    );
    expect(sig).toBe("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  });

  it("signs RFC 5849 section 1.2's example (GET photos.example.net, no oauth_version)", () => {
    const sig = oauth1Signature(
      "GET",
      "http://photos.example.net/photos?file=vacation.jpg&size=original",
      [
        ["oauth_consumer_key", "dpf43f3p2l4k3l03"],
        ["oauth_token", "nnch734d00sl2jdk"],
        ["oauth_signature_method", "HMAC-SHA1"],
        ["oauth_timestamp", "137131202"],
        ["oauth_nonce", "chapoH"],
      ],
      "kd94hf93k423kf44",
      "pfkkdhi9sl3r4s00",
    );
    expect(sig).toBe("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  });

  it("puts every oauth_ parameter and the signature in the header, encoded", () => {
    const header = oauth1Header("POST", "https://api.x.com/2/tweets", { consumerKey: "ck", consumerSecret: "cs", token: "t", tokenSecret: "ts" }, "n/+=", 1);
    expect(header).toMatch(/^OAuth oauth_consumer_key="ck", oauth_nonce="n%2F%2B%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1", oauth_token="t", oauth_version="1.0", oauth_signature="[A-Za-z0-9%]+"$/);
  });

  it("percent-encodes as RFC 3986 (not as a form)", () => {
    expect(percentEncode("Ladies + Gentlemen!*'()")).toBe("Ladies%20%2B%20Gentlemen%21%2A%27%28%29");
    expect(percentEncode("☃")).toBe("%E2%98%83");
  });
});
