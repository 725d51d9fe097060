import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../src/calendar/load.js";
import type { Post } from "../../src/calendar/model.js";
import { parseConfig } from "../../src/config/load.js";
import type { Channel } from "../../src/config/model.js";
import type { HealthStatus } from "../../src/health/status.js";
import { makePlan, type Rewriter } from "../../src/planner/plan.js";

/** A stand-in adapter: Instagram needs media, every other target takes the text as is. */
const rewrite: Rewriter = (post: Post, target: Channel) => {
  const text = post.variants[target.name] ?? post.variants[target.platform] ?? post.text;
  const needsMedia = target.platform === "instagram" && post.media.length === 0;
  return {
    ok: !needsMedia,
    text,
    length: { used: [...text].length, limit: 500, unit: "characters" },
    problems: needsMedia ? ["instagram needs an image or a video"] : [],
    warnings: [],
  };
};

const CONFIG = `version: 1
defaults: { backups: [x, linkedin], maxDelay: 6h, timezone: America/New_York }
channels:
  instagram: { platform: instagram, windows: ["Mon-Fri 08:00-20:00"], minGap: 30m }
  x: { platform: x, minGap: 30m }
  linkedin: { platform: linkedin, timezone: Europe/Berlin, windows: ["Mon-Fri 09:00-17:00"], minGap: 1h }
  night: { platform: mastodon, windows: ["daily 22:00-02:00"] }
  daytime: { platform: bluesky, windows: ["daily 09:00-17:00"] }
notices:
  - { when: instagram, on: [x, linkedin], text: "Instagram is down: we post here until it's back." }
`;

function plan(calendarPosts: string, health: Record<string, HealthStatus>, now: string, options: { strict?: boolean; windowMs?: number; config?: string } = {}) {
  const config = parseConfig("cfg.yaml", options.config ?? CONFIG, {});
  const calendar = parseCalendar("cal.yaml", `version: 1\ntimezone: America/New_York\nposts:\n${calendarPosts}`, config);
  return makePlan({
    calendar,
    config,
    health: new Map(Object.entries(health)),
    now: Date.parse(now),
    windowMs: options.windowMs ?? 48 * 3_600_000,
    strict: options.strict ?? false,
    rewrite,
  });
}

const NO_NOTICES = CONFIG.replace(/notices:[\s\S]*/, "");
const UP = { x: "operational", linkedin: "operational", night: "operational", daytime: "operational" } as const;
const summary = (p: ReturnType<typeof plan>) => [
  ...p.actions.map((a) => `${a.action} ${a.postId} -> ${a.to?.channel ?? "-"} ${a.to?.at ?? "-"}`),
  ...p.unroutable.map((u) => `unroutable ${u.postId}: ${u.reasons.join(" | ")}`),
];

describe("the planner", () => {
  it("reroutes to the first healthy backup that accepts the post, saying why it skipped others", () => {
    const p = plan(
      `  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi", media: [{ path: a.jpg, kind: image }] }\n`,
      { instagram: "major_outage", x: "partial_outage", linkedin: "operational" },
      "2026-07-14T12:00:00Z",
      { config: NO_NOTICES },
    );
    expect(summary(p)).toEqual(["reroute a -> linkedin 2026-07-14T10:00:00-04:00"]);
    expect(p.actions[0]!.reasons).toEqual(["instagram is down (major outage)", "skipped x: partly down (partial outage)", "rerouted to linkedin"]);
    expect(p.actions[0]!.newPostId).toBe("a--linkedin");
    expect(p.actions[0]!.line).toBe(4);
  });

  it("plans nothing while every channel is healthy, and nothing outside the window", () => {
    const posts = `  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi" }\n  - { id: b, channel: instagram, at: 2026-07-20T10:00, text: "later" }\n`;
    expect(summary(plan(posts, { instagram: "operational", ...UP }, "2026-07-14T12:00:00Z"))).toEqual([]);
    const down = plan(posts, { instagram: "major_outage", ...UP }, "2026-07-14T12:00:00Z", { windowMs: 3 * 3_600_000 });
    expect(down.actions.filter((a) => a.action !== "notice").map((a) => a.postId)).toEqual(["a"]);
  });

  it("respects the backup's windows in its own zone, and blocks when none opens in time", () => {
    // Friday 19:00 New York is Saturday 01:00 Berlin: LinkedIn's next window is Monday.
    const p = plan(
      `  - { id: a, channel: instagram, at: 2026-07-17T19:00, text: "hi", backups: [linkedin] }\n`,
      { instagram: "major_outage", ...UP },
      "2026-07-17T20:00:00Z",
    );
    expect(p.unroutable).toEqual([
      expect.objectContaining({ postId: "a", reasons: ["instagram is down (major outage)", "linkedin: no posting window is open before its max delay runs out"] }),
    ]);
    const later = plan(
      `  - { id: a, channel: instagram, at: 2026-07-17T19:00, text: "hi", backups: [linkedin], maxDelay: 3d }\n`,
      { instagram: "major_outage", ...UP },
      "2026-07-17T20:00:00Z",
      { config: NO_NOTICES },
    );
    expect(summary(later)).toEqual(["reroute a -> linkedin 2026-07-20T03:00:00-04:00"]);
  });

  it("says what would unblock a blocked post: healthy free channels, or the max delay a backup needs", () => {
    const posts = `  - { id: a, channel: instagram, at: 2026-07-17T19:00, text: "hi", backups: [linkedin] }\n`;
    const p = plan(posts, { instagram: "major_outage", ...UP }, "2026-07-17T20:00:00Z", { config: NO_NOTICES });
    expect(p.unroutable[0]!.fixes).toEqual([
      "x is healthy and free at Fri 17 Jul 19:00, night at Fri 17 Jul 22:00: add them to backups",
      "raise maxDelay to 2d8h: linkedin is free at Mon 20 Jul 03:00",
    ]);
    // Taking the advice works: with that max delay the post goes to linkedin at that time.
    expect(summary(plan(posts.replace("backups", "maxDelay: 2d8h, backups"), { instagram: "major_outage", ...UP }, "2026-07-17T20:00:00Z", { config: NO_NOTICES }))).toEqual([
      "reroute a -> linkedin 2026-07-20T03:00:00-04:00",
    ]);
    // A channel whose health is unknown, or that is down, is never offered.
    const unsure = plan(posts, { instagram: "major_outage", ...UP, x: "unknown", night: "major_outage" }, "2026-07-17T20:00:00Z", { config: NO_NOTICES });
    expect(unsure.unroutable[0]!.fixes).toEqual(["raise maxDelay to 2d8h: linkedin is free at Mon 20 Jul 03:00"]);
  });

  it("finds windows correctly across the US spring-forward change", () => {
    // 8 March 2026, New York: clocks jump 02:00 -> 03:00; the 09:00 window opens at 13:00Z.
    const p = plan(
      `  - { id: a, channel: instagram, at: 2026-03-08T06:00, text: "hi", backups: [daytime] }\n`,
      { instagram: "major_outage", ...UP },
      "2026-03-08T10:00:00Z",
      { config: NO_NOTICES },
    );
    expect(summary(p)).toEqual(["reroute a -> daytime 2026-03-08T09:00:00-04:00"]);
  });

  it("finds windows correctly across the EU autumn change", () => {
    // 25 October 2026, Berlin goes back to CET: 09:00 Monday 26 October is 08:00Z.
    const config = CONFIG.replace("daytime: { platform: bluesky,", "daytime: { platform: bluesky, timezone: Europe/Berlin,");
    const p = plan(
      `  - { id: a, channel: instagram, at: 2026-10-25T20:00, text: "hi", backups: [daytime], maxDelay: 1d }\n`,
      { instagram: "major_outage", ...UP },
      "2026-10-25T23:00:00Z",
      { config },
    );
    expect(p.actions.find((a) => a.postId === "a")!.to!.at).toBe("2026-10-26T04:00:00-04:00");
  });

  it("uses overnight windows, which belong to the day they open", () => {
    const at = (time: string, maxDelay = "6h") =>
      plan(`  - { id: a, channel: instagram, at: ${time}, text: "hi", backups: [night], maxDelay: ${maxDelay} }\n`, { instagram: "major_outage", ...UP }, "2026-07-14T00:00:00Z", { config: NO_NOTICES });
    expect(summary(at("2026-07-14T01:00"))).toEqual(["reroute a -> night 2026-07-14T01:00:00-04:00"]);
    expect(summary(at("2026-07-14T03:00", "20h"))).toEqual(["reroute a -> night 2026-07-14T22:00:00-04:00"]);
  });

  it("keeps minGap against existing and planned posts, in a chain", () => {
    const p = plan(
      `  - { id: x1, channel: x, at: 2026-07-14T10:00, text: "a" }
  - { id: x2, channel: x, at: 2026-07-14T10:30, text: "b" }
  - { id: i1, channel: instagram, at: 2026-07-14T10:00, text: "c", backups: [x] }
  - { id: i2, channel: instagram, at: 2026-07-14T10:00, text: "d", backups: [x] }
  - { id: i3, channel: instagram, at: 2026-07-14T10:10, text: "e", backups: [x] }
`,
      { instagram: "major_outage", ...UP },
      "2026-07-14T13:00:00Z",
      { config: NO_NOTICES },
    );
    expect(summary(p)).toEqual([
      "reroute i1 -> x 2026-07-14T11:00:00-04:00",
      "reroute i2 -> x 2026-07-14T11:30:00-04:00",
      "reroute i3 -> x 2026-07-14T12:00:00-04:00",
    ]);
  });

  it("never plans in the past: an overdue post goes at the next free slot", () => {
    const p = plan(`  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi", backups: [x], maxDelay: 1h }\n`, { instagram: "major_outage", ...UP }, "2026-07-14T14:20:00Z", { config: NO_NOTICES });
    expect(summary(p)).toEqual(["reroute a -> x 2026-07-14T10:20:00-04:00"]);
  });

  it("treats max delay as inclusive, and blocks one minute past it", () => {
    const posts = `  - { id: x1, channel: x, at: 2026-07-14T10:00, text: "a" }\n  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi", backups: [x], maxDelay: MAXDELAY }\n`;
    const cfg = { config: NO_NOTICES };
    expect(summary(plan(posts.replace("MAXDELAY", "30m"), { instagram: "major_outage", ...UP }, "2026-07-14T13:00:00Z", cfg))).toEqual([
      "reroute a -> x 2026-07-14T10:30:00-04:00",
    ]);
    expect(summary(plan(posts.replace("MAXDELAY", "29m"), { instagram: "major_outage", ...UP }, "2026-07-14T13:00:00Z", cfg))).toEqual([
      "unroutable a: instagram is down (major outage) | x: every slot before its max delay is taken (spacing)",
    ]);
    expect(summary(plan(posts.replace("MAXDELAY", "1h"), { instagram: "major_outage", ...UP }, "2026-07-14T15:00:01Z", cfg))).toEqual([
      "unroutable a: instagram is down (major outage) | its max delay (1h) ran out at 2026-07-14T11:00:00-04:00",
    ]);
  });

  it("follows each policy: delay, mirror, skip", () => {
    const p = plan(
      `  - { id: d, channel: instagram, at: 2026-07-14T10:00, text: "d", policy: delay, maxDelay: 3h }
  - { id: m, channel: instagram, at: 2026-07-14T11:00, text: "m", policy: mirror, backups: [x] }
  - { id: s, channel: instagram, at: 2026-07-14T12:00, text: "s", policy: skip }
`,
      { instagram: "partial_outage", ...UP },
      "2026-07-14T13:00:00Z",
      { config: NO_NOTICES },
    );
    expect(summary(p)).toEqual([
      "delay d -> instagram 2026-07-14T13:00:00-04:00",
      "mirror m -> x 2026-07-14T11:00:00-04:00",
      "skip s -> - -",
    ]);
    expect(p.actions[2]!.reasons).toEqual(["instagram is partly down (partial outage)", "its policy is skip"]);
  });

  it("a delay respects the channel's own windows and is not pushed again once at its limit", () => {
    const p = plan(`  - { id: d, channel: instagram, at: 2026-07-14T18:00, text: "d", policy: delay, maxDelay: 6h }\n`, { instagram: "major_outage", ...UP }, "2026-07-14T13:00:00Z", { config: NO_NOTICES });
    expect(summary(p)).toEqual(["delay d -> instagram 2026-07-14T19:59:00-04:00"]);
    const again = plan(`  - { id: d, channel: instagram, at: "2026-07-14T19:59:00-04:00", originalAt: 2026-07-14T18:00, text: "d", policy: delay, maxDelay: 6h }\n`, { instagram: "major_outage", ...UP }, "2026-07-14T13:00:00Z", { config: NO_NOTICES });
    expect(again.actions).toEqual([]);
    expect(again.unroutable[0]!.reasons.at(-1)).toMatch(/already delayed as far as its max delay/);
  });

  it("counts unknown health as down only with --strict, and warns when it uses an unknown backup", () => {
    const posts = `  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi", backups: [x] }\n`;
    const cfg = { config: NO_NOTICES };
    expect(summary(plan(posts, { instagram: "unknown" }, "2026-07-14T13:00:00Z", cfg))).toEqual([]);
    const strict = plan(posts, { instagram: "unknown", x: "operational" }, "2026-07-14T13:00:00Z", { ...cfg, strict: true });
    expect(summary(strict)).toEqual(["reroute a -> x 2026-07-14T10:00:00-04:00"]);
    const unknownBackup = plan(posts, { instagram: "major_outage" }, "2026-07-14T13:00:00Z", cfg);
    expect(unknownBackup.actions[0]!.warnings).toEqual(["x's health is unknown; it was used anyway (--strict would not)"]);
  });

  it("lists every backup it tried when nothing works", () => {
    const p = plan(`  - { id: a, channel: x, at: 2026-07-14T10:00, text: "hi", backups: [instagram, linkedin] }\n`, { x: "major_outage", instagram: "operational", linkedin: "major_outage" }, "2026-07-14T13:00:00Z", { config: NO_NOTICES });
    expect(p.unroutable[0]!.reasons).toEqual(["x is down (major outage)", "instagram: instagram needs an image or a video", "linkedin: down (major outage)"]);
  });

  it("posts one notice per outage on each healthy notice channel, as early as allowed", () => {
    const posts = `  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi", backups: [x] }\n`;
    const p = plan(posts, { instagram: "major_outage", ...UP }, "2026-07-14T13:05:00Z");
    expect(summary(p)).toEqual([
      "notice notice-instagram-x-20260714 -> x 2026-07-14T09:05:00-04:00",
      "notice notice-instagram-linkedin-20260714 -> linkedin 2026-07-14T09:05:00-04:00",
      "reroute a -> x 2026-07-14T10:00:00-04:00",
    ]);
    expect(p.actions[0]!.reasons[0]).toBe("notice: instagram is down (major outage)");
    // Once the notice is in the calendar, the next run does not post it again.
    const again = plan(
      `${posts}  - { id: n, channel: x, at: "2026-07-14T09:05:00-04:00", text: "x", reason: "notice: instagram is down (major outage)" }\n`,
      { instagram: "major_outage", ...UP },
      "2026-07-14T13:30:00Z",
    );
    expect(summary(again)[0]).toBe("notice notice-instagram-linkedin-20260714 -> linkedin 2026-07-14T09:30:00-04:00");
    // A notice channel that is down itself is a plan warning, not an action.
    const bothDown = plan(posts, { instagram: "major_outage", x: "major_outage", linkedin: "operational" }, "2026-07-14T13:05:00Z");
    expect(bothDown.warnings).toEqual(["notice 1 cannot go out on x: x is down (major outage)"]);
  });

  it("plans nothing new for posts already rerouted", () => {
    const p = plan(
      `  - { id: a, channel: instagram, at: 2026-07-14T10:00, text: "hi", status: rerouted, reroutedTo: a--x }
  - { id: a--x, channel: x, at: "2026-07-14T10:00:00-04:00", text: "hi", reroutedFrom: a }
  - { id: b, channel: instagram, at: 2026-07-14T11:00, text: "hi", policy: mirror }
  - { id: b--x, channel: x, at: "2026-07-14T11:00:00-04:00", text: "hi", reroutedFrom: b }
`,
      { instagram: "major_outage", ...UP },
      "2026-07-14T13:00:00Z",
      { config: NO_NOTICES },
    );
    expect(summary(p)).toEqual([]);
  });

  it("is deterministic: the same inputs give the same plan", () => {
    const posts = Array.from({ length: 30 }, (_, i) => `  - { id: p${i}, channel: instagram, at: 2026-07-14T${String(8 + (i % 10)).padStart(2, "0")}:00, text: "post ${i}" }\n`).join("");
    const a = plan(posts, { instagram: "major_outage", ...UP }, "2026-07-14T11:00:00Z");
    const b = plan(posts, { linkedin: "operational", x: "operational", instagram: "major_outage", night: "operational", daytime: "operational" }, "2026-07-14T11:00:00Z");
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.actions.length + a.unroutable.length).toBe(32);
  });
});
