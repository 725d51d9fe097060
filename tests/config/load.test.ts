import { describe, expect, it } from "vitest";
import { parseConfig, resolveChannel } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";

function problems(text: string, env: Record<string, string> = {}): string[] {
  try {
    parseConfig("cfg.yaml", text, env);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  throw new Error("expected the config to be refused");
}

describe("loading the config", () => {
  it("loads channels with defaults applied", () => {
    const config = parseConfig(
      "cfg.yaml",
      `version: 1
defaults: { backups: [x, linkedin], policy: reroute, maxDelay: 6h, minGap: 10m, timezone: Europe/Berlin }
channels:
  instagram:
    platform: instagram
    windows: ["Mon-Fri 08:00-20:00", "Sat 10:00-14:00"]
    minGap: 30m
    health:
      - { kind: statuspage, url: https://status.example/api/v2/summary.json, components: [Feed] }
      - { kind: http, url: "https://graph.example/health?t=\${GRAPH_TOKEN}", expect: 200, degradedAfter: 800ms, timeout: 3s,
          headers: { Authorization: "Bearer \${GRAPH_TOKEN}" } }
  x: { platform: x }
handles:
  acme: { instagram: "@acme", x: "@acme_hq" }
notices:
  - { when: instagram, on: [x], text: "Instagram is down for now." }
`,
      { GRAPH_TOKEN: "s3cr3t-token" },
    );
    const ig = config.channels.get("instagram")!;
    expect(ig.windows.map((w) => [w.days, w.startMinute, w.endMinute])).toEqual([
      [[1, 2, 3, 4, 5], 480, 1200],
      [[6], 600, 840],
    ]);
    expect(ig.minGapMs).toBe(1_800_000);
    expect(ig.timezone).toBe("Europe/Berlin");
    expect(ig.healthOrigin).toBe("config");
    expect(config.channels.get("x")!.minGapMs).toBe(600_000);
    expect(config.secrets).toEqual(["s3cr3t-token"]);
    // The template is kept: the value is expanded only where a request is made.
    expect(ig.health[1]).toMatchObject({ url: "https://graph.example/health?t=${GRAPH_TOKEN}", timeout: 3000, degradedAfter: 800 });
    expect(config.notices[0]).toMatchObject({ when: ["instagram"], on: ["x"] });
    expect(resolveChannel(config, "linkedin")).toMatchObject({ platform: "linkedin", declared: false, healthOrigin: "builtin" });
    expect(resolveChannel(config, "nope")).toBeUndefined();
  });

  it("warns of a missing environment variable by name, never a value, and loads the config", () => {
    const config = parseConfig(
      "cfg.yaml",
      `version: 1
channels:
  ig:
    platform: instagram
    health: [{ kind: http, url: "https://a.example/\${A_TOKEN}", headers: { X: "\${B_TOKEN}" } }]
`,
      { B_TOKEN: "visible-secret" },
    );
    const out = config.warnings.map((d) => `${d.line}:${d.col} ${d.message}`);
    expect(out).toEqual(["5:33 channels.ig.health[0].url: environment variable A_TOKEN is not set; this health source reads unknown until it is set"]);
    expect(out.join("\n")).not.toContain("visible-secret");
  });

  it("reports unknown keys, kinds, platforms, windows and references together", () => {
    expect(
      problems(`version: 1
defaults: { backups: [x, linkdin], maxDelay: 6 }
channels:
  ig:
    platform: instagarm
    windows: ["Mon-Fry 08:00-20:00"]
  fb:
    platform: facebook
    health: [{ kind: statuspag, url: https://x.example }]
  tw:
    platform: x
    minGap: -5m
    helth: []
notices:
  - { when: tiktk, on: [x], text: hi }
`),
    ).toEqual([
      // References are checked even when the shape is wrong elsewhere: one round, every problem.
      '2:26 defaults.backups[1]: unknown channel "linkdin" (did you mean "linkedin"?); declare it under channels or use a platform name',
      "2:46 defaults.maxDelay: a duration needs a unit, e.g. \"6m\" or \"6s\"",
      '5:15 channels.ig.platform: "instagarm" is not one of "instagram", "facebook", "threads", "x", "bluesky", "mastodon", "linkedin", "tiktok", "pinterest", "youtube", "email", "webhook" (did you mean "instagram"?)',
      '6:15 channels.ig.windows[0]: "Mon-Fry 08:00-20:00": "Fry" is not a day (Mon, Tue, ... Sun)',
      '9:22 channels.fb.health[0].kind: "statuspag" is not one of "statuspage", "http", "feed", "manual", "meta", "slack", "instatus", "betterstack", "uptimerobot", "statusio", "mastodon" (did you mean "statuspage"?)',
      '12:13 channels.tw.minGap: a negative duration ("-5m") makes no sense here',
      '13:5 channels.tw.helth: unknown key "helth" (did you mean "health"?)',
      '15:13 notices[0].when: unknown channel "tiktk" (did you mean "tiktok"?); declare it under channels or use a platform name',
    ]);
    expect(problems("version: 1\ndefaults: { backups: [x, linkdin] }\nnotices:\n  - { when: tiktk, on: [x], text: hi }\n")).toEqual([
      '2:26 defaults.backups[1]: unknown channel "linkdin" (did you mean "linkedin"?); declare it under channels or use a platform name',
      '4:13 notices[0].when: unknown channel "tiktk" (did you mean "tiktok"?); declare it under channels or use a platform name',
    ]);
  });

  it("refuses a bad URL and an unknown health status", () => {
    expect(
      problems(`version: 1
channels:
  ig:
    platform: instagram
    health: [{ kind: http, url: "ftp://x.example" }, { kind: manual, status: down }]
`),
    ).toEqual([
      '5:33 channels.ig.health[0].url: "ftp://x.example" is not an http(s):// or file: URL',
      '5:78 channels.ig.health[1].status: "down" is not one of "operational", "degraded", "maintenance", "partial_outage", "major_outage"',
    ]);
  });
});
