/** The risk table's sentences, in the singular and the plural, with nothing said twice. */
import { describe, expect, it } from "vitest";
import { Output } from "../../src/cli/output.js";
import { renderRiskTable } from "../../src/cli/report/plan.js";
import type { PostRisk } from "../../src/planner/risk.js";
import { listWords, noun, plural } from "../../src/util/words.js";

const out = new Output({ format: "table", color: false, quiet: true, verbose: false, env: { NO_COLOR: "1" } });
const WINDOW = { from: "2026-07-14T08:00:00Z", to: "2026-07-16T08:00:00Z" };
const post = (id: string, extra: Partial<PostRisk> = {}): PostRisk => ({ id, channel: "instagram", at: "2026-07-14T10:00:00Z", risk: "none", reasons: [], line: 1, ...extra });

describe("words", () => {
  it("count in the singular and the plural", () => {
    expect([plural(1, "post"), plural(0, "post"), plural(2, "post"), plural(1, "is", "are"), noun(3, "is", "are")]).toEqual(["1 post", "0 posts", "2 posts", "1 is", "are"]);
    expect([listWords(["x"]), listWords(["x", "bluesky"]), listWords(["x", "bluesky", "linkedin"], "or")]).toEqual(["x", "x and bluesky", "x, bluesky or linkedin"]);
  });

  it("one post, or many, on healthy channels", () => {
    expect(renderRiskTable(out, [post("a")], { window: WINDOW })).toBe("The 1 post in the window (Tue 14 Jul 08:00 to Thu 16 Jul 08:00) is on a healthy channel.");
    expect(renderRiskTable(out, [post("a"), post("b")], { window: WINDOW })).toBe("All 2 posts in the window (Tue 14 Jul 08:00 to Thu 16 Jul 08:00) are on healthy channels.");
    expect(renderRiskTable(out, [post("a", { risk: "unverified" })], { window: WINDOW })).toBe(
      "The 1 post in the window (Tue 14 Jul 08:00 to Thu 16 Jul 08:00) is on a channel not known to be down; the health of instagram is unknown (--strict counts it as down).",
    );
  });

  it("a covered post's row says where it goes; the reasons under it do not say it again", () => {
    const covered = post("a", { risk: "covered", action: "reroute", reroute: { channel: "x", at: "2026-07-14T10:00:00Z" }, reasons: ["instagram is down (major outage)", "skipped bluesky: health unknown (--strict counts it as down)", "rerouted to x"] });
    expect(renderRiskTable(out, [covered], { window: WINDOW }).split("\n")).toEqual([
      "1 of 1 post in the window is at risk:",
      "risk       post  channel    at                plan",
      "↪ covered  a     instagram  Tue 14 Jul 10:00  reroute to x",
      "    skipped bluesky: health unknown (--strict counts it as down)",
    ]);
  });
});
