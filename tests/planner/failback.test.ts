import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../src/calendar/load.js";
import type { Calendar, Post } from "../../src/calendar/model.js";
import { parseConfig } from "../../src/config/load.js";
import type { Channel, Config } from "../../src/config/model.js";
import type { HealthStatus } from "../../src/health/status.js";
import { failbackChannels, makeFailbackPlan } from "../../src/planner/failback.js";
import { makePlan, type Rewriter } from "../../src/planner/plan.js";
import type { Plan } from "../../src/planner/types.js";
import { editCalendarText } from "../../src/writer/calendar-edit.js";
import { planToOps } from "../../src/writer/plan-ops.js";

const rewrite: Rewriter = (post: Post, target: Channel) => ({
  ok: true,
  text: post.variants[target.name] ?? post.text,
  length: { used: [...post.text].length, limit: 500, unit: "characters" },
  problems: [],
  warnings: [],
});

const config: Config = parseConfig(
  "cfg.yaml",
  `version: 1
defaults: { backups: [x, linkedin], maxDelay: 6h, timezone: America/New_York }
channels:
  instagram: { platform: instagram, windows: ["Mon-Fri 08:00-20:00"], minGap: 30m }
  x: { platform: x, minGap: 30m }
  linkedin: { platform: linkedin, minGap: 1h }
`,
  {},
);

const HEADER = "# launch week\nversion: 1\ntimezone: America/New_York\nposts:\n";
const down = { instagram: "major_outage", x: "operational", linkedin: "operational" } as Record<string, HealthStatus>;
const up = { ...down, instagram: "operational" } as Record<string, HealthStatus>;

const load = (text: string) => parseCalendar("cal.yaml", text, config);
const apply = (calendar: Calendar, plan: Plan) => editCalendarText(calendar.source, planToOps(plan, calendar));
const reroute = (calendar: Calendar, now: string) =>
  makePlan({ calendar, config, health: new Map(Object.entries(down)), now: Date.parse(now), windowMs: 48 * 3_600_000, strict: false, rewrite });
const failback = (calendar: Calendar, now: string, health = up) => makeFailbackPlan({ calendar, config, health: new Map(Object.entries(health)), now: Date.parse(now), rewrite });

const POSTS = `  - id: reel            # the launch
    channel: instagram
    at: 2026-07-14T10:00
    text: "It's here"
  - id: held
    channel: instagram
    at: 2026-07-14T11:00
    text: later
    policy: delay
    maxDelay: 3h
  - id: twice
    channel: instagram
    at: 2026-07-14T12:00
    text: both
    policy: mirror
  - id: dropped
    channel: instagram
    at: 2026-07-14T13:00
    text: gone
    policy: skip
`;

describe("reroute, then failback", () => {
  it("gives back the calendar byte for byte when the platform recovers before anything went out", () => {
    const original = HEADER + POSTS;
    const rerouted = load(apply(load(original), reroute(load(original), "2026-07-14T13:00:00Z")));
    expect(rerouted.posts.map((p) => `${p.id}:${p.status}`)).toEqual([
      "reel:rerouted",
      "reel--x:scheduled",
      "held:scheduled",
      "twice:scheduled",
      "twice--x:scheduled",
      "dropped:skipped",
    ]);
    expect(rerouted.posts.find((p) => p.id === "held")!.originalAtText).toBe("2026-07-14T11:00");
    expect(failbackChannels(rerouted)).toEqual(["instagram"]);

    const plan = failback(rerouted, "2026-07-14T13:30:00Z");
    expect(plan.kind).toBe("failback");
    expect(plan.actions.map((a) => `${a.postId} ${a.to!.at} ${a.removes?.join(",") ?? ""}`)).toEqual([
      "reel 2026-07-14T10:00:00-04:00 reel--x",
      "twice 2026-07-14T12:00:00-04:00 twice--x",
      "dropped 2026-07-14T13:00:00-04:00 ",
      "held 2026-07-14T11:00:00-04:00 ", // in the order of their times now: held was delayed to 14:00
    ]);
    expect(apply(rerouted, plan)).toBe(original);
  });

  it("does nothing once the stand-in's time has come", () => {
    const original = HEADER + POSTS.split("  - id: held")[0]!;
    const rerouted = load(apply(load(original), reroute(load(original), "2026-07-14T13:00:00Z")));
    // reel--x is due at 10:00 New York (14:00Z); at 10:10 it has gone out, whatever Instagram does.
    expect(failback(rerouted, "2026-07-14T13:50:00Z").actions.map((a) => a.postId)).toEqual(["reel"]);
    expect(failback(rerouted, "2026-07-14T14:10:00Z").actions).toEqual([]);
  });

  it("restores at the next slot, recording originalAt, when the stand-in is still ahead but the time passed", () => {
    const text = HEADER + "  - { id: r, channel: instagram, at: 2026-07-14T10:00, text: t, backups: [linkedin] }\n  - { id: busy, channel: linkedin, at: 2026-07-14T10:00, text: t }\n";
    const rerouted = load(apply(load(text), reroute(load(text), "2026-07-14T13:00:00Z")));
    const standIn = rerouted.posts.find((p) => p.id === "r--linkedin")!;
    expect(new Date(standIn.at).toISOString()).toBe("2026-07-14T15:00:00.000Z"); // an hour after "busy"
    const plan = failback(rerouted, "2026-07-14T14:20:00Z");
    expect(plan.actions[0]!.to!.at).toBe("2026-07-14T10:20:00-04:00");
    const back = load(apply(rerouted, plan));
    const r = back.posts.find((p) => p.id === "r")!;
    expect([r.status, r.atText, r.originalAtText, back.posts.some((p) => p.id === "r--linkedin")]).toEqual(["scheduled", "2026-07-14T10:20:00-04:00", "2026-07-14T10:00", false]);
  });

  it("leaves a post for review when its max delay has run out, and the stand-in where it is", () => {
    const text = HEADER + "  - { id: r, channel: instagram, at: 2026-07-14T10:00, text: t, maxDelay: 45m, backups: [linkedin] }\n  - { id: busy, channel: linkedin, at: 2026-07-14T09:30, text: t }\n";
    // After the reroute someone books Instagram at 10:30: with its 30m gap, nothing fits before 10:45.
    const applied = apply(load(text), reroute(load(text), "2026-07-14T13:50:00Z")) + "  - { id: ig-busy, channel: instagram, at: 2026-07-14T10:30, text: t }\n";
    const rerouted = load(applied);
    expect(rerouted.posts.find((p) => p.id === "r")!.status).toBe("rerouted");
    const plan = failback(rerouted, "2026-07-14T14:25:00Z", { ...up });
    expect(plan.actions).toEqual([]);
    expect(plan.warnings.join("\n")).toMatch(/^r: instagram is back but the post cannot go out within its max delay.*r--linkedin on linkedin still stands in for it \(review it\)$/);
  });

  it("needs the channel seen healthy: unknown or still down changes nothing", () => {
    const original = HEADER + POSTS;
    const rerouted = load(apply(load(original), reroute(load(original), "2026-07-14T13:00:00Z")));
    expect(failback(rerouted, "2026-07-14T13:30:00Z", down).actions).toEqual([]);
    const unknown = failback(rerouted, "2026-07-14T13:30:00Z", { x: "operational", linkedin: "operational" });
    expect(unknown.actions).toEqual([]);
    expect(unknown.warnings).toEqual(["instagram's health is unknown: its posts stay where they are until it is seen healthy"]);
  });

  it("never takes back a stand-in that has gone out", () => {
    const original = HEADER + POSTS.split("  - id: held")[0]!;
    const rerouted = apply(load(original), reroute(load(original), "2026-07-14T13:00:00Z")).replace("reroutedFrom: reel", "reroutedFrom: reel\n    status: posted");
    expect(failback(load(rerouted), "2026-07-14T13:05:00Z").actions).toEqual([]);
  });

  it("a second reroute of an applied plan plans nothing new", () => {
    const original = HEADER + POSTS;
    const once = load(apply(load(original), reroute(load(original), "2026-07-14T13:00:00Z")));
    const again = reroute(once, "2026-07-14T13:00:00Z");
    expect(again.actions.filter((a) => a.action !== "delay")).toEqual([]);
  });

  it("follows a chain of stand-ins: a stand-in rerouted in turn goes with its original", () => {
    const text = HEADER + "  - { id: t, channel: instagram, at: 2026-07-14T10:00, text: t, backups: [x], variants: { linkedin: for linkedin } }\n";
    const once = load(apply(load(text), reroute(load(text), "2026-07-14T13:00:00Z")));
    // Then x goes down too: the stand-in is rerouted to linkedin.
    const xDown = makePlan({ calendar: once, config, health: new Map(Object.entries({ instagram: "major_outage", x: "major_outage", linkedin: "operational" })), now: Date.parse("2026-07-14T13:05:00Z"), windowMs: 48 * 3_600_000, strict: false, rewrite });
    const twice = load(apply(once, xDown));
    expect(twice.posts.map((p) => `${p.id}:${p.status}`)).toEqual(["t:rerouted", "t--x:rerouted", "t--x--linkedin:scheduled"]);
    // Rewritten from the original (its LinkedIn variant), not from the X text; the X stand-in keeps its reason.
    expect(twice.posts.find((p) => p.id === "t--x--linkedin")!.text).toBe("for linkedin");
    expect(twice.posts.find((p) => p.id === "t--x")!.reason).toBe("instagram is down (major outage); rerouted to x");

    // Only Instagram back: t returns and both stand-ins go, so nothing is posted twice.
    const back = failback(twice, "2026-07-14T13:10:00Z", { instagram: "operational", x: "major_outage", linkedin: "operational" });
    expect(back.actions.map((a) => `${a.postId}:${a.removes}`)).toEqual(["t:t--x,t--x--linkedin"]);
    expect(apply(twice, back)).toBe(text);
    // Both back: one action, not two overlapping ones.
    expect(failback(twice, "2026-07-14T13:10:00Z", up).actions.map((a) => a.postId)).toEqual(["t"]);
    // Only x back: its stand-in returns to x, and the linkedin one goes.
    const xBack = failback(twice, "2026-07-14T13:10:00Z", { instagram: "major_outage", x: "operational", linkedin: "operational" });
    expect(xBack.actions.map((a) => `${a.postId}:${a.removes}`)).toEqual(["t--x:t--x--linkedin"]);
    expect(apply(twice, xBack)).toBe(apply(load(text), reroute(load(text), "2026-07-14T13:00:00Z"))); // as after the first reroute
  });

  it("leaves alone what a person skipped or marked rerouted by hand", () => {
    const text = HEADER + "  - { id: s, channel: instagram, at: 2026-07-14T10:00, text: t, status: skipped, reason: legal pulled this promo }\n  - { id: r, channel: instagram, at: 2026-07-14T11:00, text: t, status: rerouted }\n";
    expect(failback(load(text), "2026-07-14T13:00:00Z").actions).toEqual([]);
  });

  it("a notice and a stand-in for the last post both land, in order", () => {
    const noticeConfig = parseConfig("cfg.yaml", `version: 1
defaults: { backups: [x], maxDelay: 6h, timezone: America/New_York }
channels:
  instagram: { platform: instagram }
  x: { platform: x }
notices:
  - { when: instagram, on: [x], text: "Instagram is down." }
`, {});
    const text = HEADER + "  - { id: a, channel: x, at: 2026-07-14T10:00, text: t }\n  - { id: last, channel: instagram, at: 2026-07-14T11:00, text: t }\n";
    const calendar = parseCalendar("cal.yaml", text, noticeConfig);
    const plan = makePlan({ calendar, config: noticeConfig, health: new Map(Object.entries(down)), now: Date.parse("2026-07-14T13:00:00Z"), windowMs: 48 * 3_600_000, strict: false, rewrite });
    const after = parseCalendar("cal.yaml", editCalendarText(calendar.source, planToOps(plan, calendar)), noticeConfig);
    expect(after.posts.map((p) => p.id)).toEqual(["a", "last", "last--x", "notice-instagram-x-20260714"]);
    // Then x goes down too: the notice on it stays where the config put it, with a warning.
    const xDown = makePlan({ calendar: after, config: noticeConfig, health: new Map(Object.entries({ instagram: "major_outage", x: "major_outage" })), now: Date.parse("2026-07-14T13:05:00Z"), windowMs: 48 * 3_600_000, strict: false, rewrite });
    expect(xDown.actions.map((a) => a.postId)).not.toContain("notice-instagram-x-20260714");
    expect(xDown.warnings.join("\n")).toMatch(/notice notice-instagram-x-20260714 is on x, which is down: it stays there/);
  });
});
