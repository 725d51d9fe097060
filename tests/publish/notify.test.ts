/**
 * Team messages (the autopilot's alerts) through a config channel's own publisher, against the
 * publishing fakes in their own process: Slack's webhook, Discord's (2000 characters at most) and
 * the SMTP server; and which channels may carry them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { sendTeamMessage, teamChannelProblem } from "../../src/publish/notify.js";
import { publishConfig, publishEnv, startFakes, type Fakes } from "../helpers/publish-fakes.js";

let fakes: Fakes;
beforeAll(async () => void (fakes = await startFakes()));
afterAll(() => fakes.close());

const config = () =>
  parseConfig(
    "config/failover.yaml",
    `${publishConfig(fakes)}  discord:\n    platform: webhook\n    health: [{ kind: manual, status: operational }]\n    publish: { url: "${fakes.http}/discord/1000/secret-discord-token", format: discord }\n  hook:\n    platform: webhook\n    health: [{ kind: manual, status: operational }]\n    publish: { url: "${fakes.http}/hook/json" }\n`,
    publishEnv(fakes),
  );
const options = { now: Date.parse("2026-07-14T08:00:00Z"), baseDir: ".", timeoutMs: 10_000 };
const message = (text: string) => ({ id: "alert-verdict-1", title: "failover: instagram is down: verdict covered", text });

describe("team messages", () => {
  it("go to a Slack webhook, a Discord webhook (a long one cut, saying so) and an e-mail list", async () => {
    const c = config();
    await sendTeamMessage(c, "team", message("*failover: instagram is down*\nchannels: instagram"), options);
    await sendTeamMessage(c, "discord", message(`plan:\n${"• a post moved\n".repeat(300)}`), options);
    await sendTeamMessage(c, "newsletter", message("*failover: instagram is down*"), options);
    const state = await fakes.state();
    expect(state.slack).toEqual([{ text: "*failover: instagram is down*\nchannels: instagram" }]);
    expect(state.discord[0]!.content).toHaveLength(2000);
    expect(state.discord[0]!.content).toMatch(/… \(cut: Discord takes 2000 characters; the job's log has the whole message\)$/);
    expect(state.mails[0]!.raw).toMatch(/^Subject: failover: instagram is down: verdict covered$/m);
  });

  it("only on a channel for the team; a refusal is a PublishFailure with the channel's words", async () => {
    const c = config();
    expect(["team", "discord", "newsletter"].map((n) => teamChannelProblem(c, n))).toEqual([undefined, undefined, undefined]);
    expect(teamChannelProblem(c, "bluesky")).toMatch(/is a bluesky channel, for the audience/);
    expect(teamChannelProblem(c, "hook")).toMatch(/format: json; team messages need format: slack or discord/);
    expect(teamChannelProblem(c, "tema")).toBe('no channel "tema" in the config');
    await fakes.faults({ "/slack/": { status: 404, times: 1, body: "no_service" } });
    await expect(sendTeamMessage(c, "team", message("x"), options)).rejects.toMatchObject({ kind: "permanent", message: expect.stringContaining("no_service") });
  });
});
