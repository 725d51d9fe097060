import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { parseCalendar } from "../../src/calendar/load.js";
import { emptyConfig, parseConfig } from "../../src/config/load.js";
import { InputError, type Diagnostic } from "../../src/errors.js";

const config = parseConfig(
  "config.yaml",
  `version: 1
defaults: { backups: [x, linkedin], maxDelay: 6h }
channels:
  instagram: { platform: instagram, timezone: Europe/Berlin }
  x-support: { platform: x }
`,
  {},
);

function problems(text: string, cfg = config): Diagnostic[] {
  try {
    parseCalendar("cal.yaml", text, cfg);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected the calendar to be refused");
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.col} ${d.message}`);

describe("loading a calendar", () => {
  it("loads posts with resolved times and defaults", () => {
    const cal = parseCalendar(
      "cal.yaml",
      `version: 1
timezone: America/New_York
posts:
  - id: a
    channel: instagram
    at: 2026-07-14T10:00
    text: hi
  - id: b
    channel: x-support
    at: 2026-07-14T10:00:00Z
    text: there
    backups: [linkedin]
    policy: delay
    maxDelay: 90m
`,
      config,
    );
    expect(cal.posts.map((p) => [p.id, p.at, p.backups, p.policy, p.maxDelayMs, p.line])).toEqual([
      ["a", Date.UTC(2026, 6, 14, 14), ["x", "linkedin"], "reroute", 21_600_000, 4],
      ["b", Date.UTC(2026, 6, 14, 10), ["linkedin"], "delay", 5_400_000, 8],
    ]);
    expect(cal.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads local times in the channel's zone when the calendar has none", () => {
    const cal = parseCalendar("cal.yaml", "version: 1\nposts:\n  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: hi }\n", config);
    expect(cal.posts[0]!.at).toBe(Date.UTC(2026, 6, 14, 8));
  });

  it("names three different mistakes with their lines and columns", () => {
    const ds = problems(readFileSync(join(ROOT, "fixtures/calendars/invalid/three-mistakes.yaml"), "utf8"));
    expect(brief(ds)).toEqual([
      '5:14 posts[0].channel: unknown channel "instagarm" (did you mean "instagram"?); declare it in the config or use a platform name',
      '10:9 posts[1].at: "2026-02-30T10:00": 2026-02 has no day 30',
      '15:5 posts[2].txt: unknown key "txt" (did you mean "text"?)',
    ]);
  });

  it("reports every schema problem at once, not only the first", () => {
    const ds = problems(`version: 1
posts:
  - id: a
    channel: x
    at: 2026-07-14T10:00Z
    text: hi
    polcy: delay
  - id: b
    channel: x
    at: 2026-07-14T10:00Z
    maxDelay: -2h
    text: 5
`);
    expect(brief(ds)).toEqual([
      '7:5 posts[0].polcy: unknown key "polcy" (did you mean "policy"?)',
      "11:15 posts[1].maxDelay: a negative duration (\"-2h\") makes no sense here",
      "12:11 posts[1].text: expected string, got a number",
    ]);
  });

  it("names cross-reference mistakes even when the top level has its own", () => {
    const ds = problems(`version: 1
timezone: Amerca/New_York
posts:
  - { id: a, channel: instagarm, at: 2026-07-14T10:00, text: hi }
`);
    expect(brief(ds)).toEqual([
      '2:11 timezone: "Amerca/New_York" is not a time zone (did you mean "America/New_York"?); use an IANA name such as Europe/Berlin',
      '4:23 posts[0].channel: unknown channel "instagarm" (did you mean "instagram"?); declare it in the config or use a platform name',
    ]);
    const ds2 = problems(`version: 1
timezone: UTC
posts:
  - { id: a, channel: instagarm, at: 2026-07-14T10:00, text: hi }
  - { id: b, channel: x, at: 2026-02-30T10:00, text: hi, backups: [linkdin] }
  - { id: a, channel: x, at: 2026-07-14T10:00, text: hi, variants: { tiktk: yo } }
`);
    expect(brief(ds2)).toEqual([
      '4:23 posts[0].channel: unknown channel "instagarm" (did you mean "instagram"?); declare it in the config or use a platform name',
      '5:30 posts[1].at: "2026-02-30T10:00": 2026-02 has no day 30',
      '5:68 posts[1].backups[0]: unknown channel "linkdin" (did you mean "linkedin"?); declare it in the config or use a platform name',
      '6:11 posts[2].id: duplicate id "a" (first used on line 4)',
      '6:70 posts[2].variants.tiktk: "tiktk" is neither a platform nor a channel (did you mean "tiktok"?)',
    ]);
  });

  it("refuses syntax errors, duplicate keys, an empty file and a non-mapping root", () => {
    expect(brief(problems("version: 1\nposts: [\n"))[0]).toMatch(/^3:1 /);
    expect(brief(problems("version: 1\nversion: 1\nposts: []\n"))).toEqual(["2:1 duplicate key: a key may appear only once in a mapping"]);
    expect(brief(problems(""))).toEqual(["1:1 the file is empty; it needs at least `version: 1`"]);
    expect(brief(problems("# only a comment\n"))).toEqual(["1:1 the file is empty; it needs at least `version: 1`"]);
    expect(brief(problems("- a\n- b\n"))).toEqual(["1:1 expected a mapping, got a list"]);
  });

  it("shows one mis-indented line once, with a caret, not the parser's cascade", () => {
    const text = "version: 1\ntimezone: UTC\nposts:\n  - id: a\n    channel: x\n   at: 2026-07-14T10:00\n    text: hi\n";
    const ds = problems(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 6, col: 1, severity: "error" });
    expect(ds[0]!.message).toMatch(/^YAML syntax: .*check this line's indentation against the lines above it \(the parser's \d+ other complaints? after it/);
    expect(ds[0]!.excerpt).toBe("  6 |    at: 2026-07-14T10:00\n    | ^");
    // Duplicate keys are each their own mistake: all of them are still reported.
    expect(brief(problems("version: 1\nversion: 1\nposts: []\nposts: []\n"))).toHaveLength(2);
  });

  it("refuses a list or mapping used as a key, at its place, without a Node warning", () => {
    const warnings: unknown[] = [];
    const listen = (w: unknown) => warnings.push(w);
    process.on("warning", listen);
    try {
      const ds = problems("version: 1\ntimezone: UTC\nposts:\n  - id: a\n    channel: x\n    at: 2026-07-14T10:00\n    text: hi\n    ? [a, b]\n    : 1\n");
      expect(brief(ds)).toEqual(["8:7 a list or a mapping is used as a key; keys are plain names (`text:`, `at:`): a `?` or a stray `[`/`{` before a colon does this"]);
      expect(ds[0]!.excerpt).toBe("  8 |     ? [a, b]\n    |       ^");
    } finally {
      process.off("warning", listen);
    }
    expect(warnings).toEqual([]);
  });

  it("suggests the platform for another name of it (twiter -> x)", () => {
    expect(brief(problems("version: 1\ntimezone: UTC\nposts:\n  - { id: a, channel: twiter, at: 2026-07-14T10:00, text: hi }\n"))).toEqual([
      '4:23 posts[0].channel: unknown channel "twiter" (did you mean "x"?); declare it in the config or use a platform name',
    ]);
  });

  it("requires version 1", () => {
    expect(brief(problems("posts: []\n"))).toEqual(["1:1 version: required; add `version: 1` at the top"]);
    expect(brief(problems("version: 2\nposts: []\n"))).toEqual(['1:10 version: 2 is not one of "1"']);
  });

  it("fails fast on a billion-laughs file", () => {
    const lines = ["version: 1", "a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) lines.push(`${"b".repeat(i)}: &${"b".repeat(i)} [${Array(10).fill(i === 1 ? "*a" : `*${"b".repeat(i - 1)}`).join(", ")}]`);
    lines.push("posts: []");
    const started = performance.now();
    const ds = problems(lines.join("\n"));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ds[0]!.message).toMatch(/aliases expand to too many nodes/);
  });

  it("accepts a UTF-8 BOM and CRLF line ends, with positions unchanged", () => {
    const text = "\uFEFFversion: 1\r\ntimezone: UTC\r\nposts:\r\n  - id: a\r\n    channel: nope\r\n    at: 2026-07-14T10:00\r\n    text: hi\r\n";
    expect(brief(problems(text))[0]).toMatch(/^5:14 posts\[0\]\.channel: unknown channel "nope"/);
    const ok = parseCalendar("cal.yaml", text.replace("nope", "x"), config);
    expect(ok.posts).toHaveLength(1);
  });

  it("warns about a local time in a DST gap and takes the time after it", () => {
    const cal = parseCalendar("cal.yaml", "version: 1\ntimezone: America/New_York\nposts:\n  - { id: a, channel: x, at: 2026-03-08T02:30, text: hi }\n", emptyConfig({}));
    expect(cal.posts[0]!.at).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(brief(cal.warnings)).toEqual([
      '4:30 posts[0].at: "2026-03-08T02:30" does not exist in America/New_York (clocks spring forward); it is taken as 2026-03-08T03:30:00-04:00',
    ]);
  });

  it("needs a zone for local times", () => {
    const ds = problems("version: 1\nposts:\n  - { id: a, channel: x, at: 2026-07-14T10:00, text: hi }\n", emptyConfig({}));
    expect(ds[0]!.message).toMatch(/no offset and there is no time zone/);
  });
});

describe("limits", () => {
  it("keeps media inside the calendar's folder", () => {
    const ds = problems(`version: 1
timezone: UTC
posts:
  - id: a
    channel: x
    at: 2026-07-14T10:00
    text: hi
    media:
      - { path: assets/ok.jpg, kind: image }
      - { path: ../../etc/passwd, kind: image }
      - { path: /home/me/.ssh/id_rsa, kind: image }
      - { path: https://cdn.example/a.jpg, kind: image }
      - { path: assets/../../x.jpg, kind: image }
`);
    expect(brief(ds)).toEqual([
      '10:17 posts[0].media[1].path: "../../etc/passwd" leaves the calendar\'s folder; media must be inside it',
      '11:17 posts[0].media[2].path: "/home/me/.ssh/id_rsa" is an absolute path; media paths are relative to the calendar\'s folder',
      '13:17 posts[0].media[4].path: "assets/../../x.jpg" leaves the calendar\'s folder; media must be inside it',
    ]);
  });
});
