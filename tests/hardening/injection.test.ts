/**
 * Terminal and CI injection: a status page's text (or a calendar's) with a newline and
 * `::error …`, ESC, CSI or OSC 52 (clipboard) sequences, or C1 controls must reach no output
 * raw: not the table, not --format github, not JSON on stdout, not the job summary.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutraliseWorkflowCommands, stripControls, terminalSafe } from "../../src/util/terminal-safe.js";
import { runCli, tempProject } from "../helpers/cli.js";

const EVIL = "Feed \u001b]52;c;ZXZpbA==\u0007 \u001b[2J\u009b31m\n::error file=x.yaml,line=1::owned\r\n  ::add-mask::x";
let server: Server;
let url: string;

beforeAll(async () => {
  // Statuspage v2 summary shape (https://developer.statuspage.io/), its texts hostile.
  server = createServer((_req, res) => {
    const body = {
      page: { id: "p", name: "Evil" },
      status: { indicator: "major", description: EVIL },
      components: [{ id: "1", name: EVIL, status: "major_outage", group: false, group_id: null, only_show_if_degraded: false }],
      incidents: [],
      scheduled_maintenances: [],
    };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** No control character but tab and LF, and no output line a runner would take for a command. */
function expectInert(text: string, what: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text, what).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  for (const line of text.split("\n")) expect(line.trimStart().startsWith("::") && !/^::(error|warning|notice) /.test(line) ? line : "", what).toBe("");
  expect(text, what).not.toMatch(/^\s*::error file=x\.yaml/m);
  expect(text, what).not.toMatch(/^\s*::add-mask::/m);
}

describe("control characters and workflow commands from servers and files", () => {
  it("strips escapes and controls, and defuses `::` lines", () => {
    expect(stripControls("a\u001b[31mb\u001b]52;c;eA==\u0007c\u009bd\u0000e\tf\ng")).toBe("abcde\tf\ng");
    expect(neutraliseWorkflowCommands("ok\n  ::error::x\n::y")).toBe("ok\n  :\u200b:error::x\n:\u200b:y");
    expect(terminalSafe("\u001b[31mred\u001b[39m \u001b[2J", true)).toBe("\u001b[31mred\u001b[39m ");
  });

  it("status and check print nothing raw, in every format and in the job summary", async () => {
    const dir = tempProject({
      "config/failover.yaml": `version: 1\ndefaults: { timezone: UTC }\nchannels:\n  c: { platform: webhook, health: [{ kind: statuspage, url: "${url}/api/v2/summary.json" }] }\n`,
      "calendar.yaml": `version: 1\nposts:\n  - id: a\n    channel: c\n    at: 2026-07-14T10:00\n    text: ${JSON.stringify(EVIL)}\n`,
      "summary.md": "",
    });
    const summary = join(dir, "summary.md");
    for (const format of ["table", "github", "json", "junit"]) {
      for (const command of ["status", "check", "preview"]) {
        const args = command === "preview" ? ["preview", "a", "--to", "x"] : [command];
        const r = await runCli([...args, "--format", format, "-v", "--now", "2026-07-14T08:30:00Z"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
        expect(r.code, `${command} ${format}: ${r.stderr}`).not.toBe(1);
        expectInert(r.stdout, `${command} --format ${format} stdout`);
        expectInert(r.stderr, `${command} --format ${format} stderr`);
      }
    }
    const written = readFileSync(summary, "utf8");
    expect(written).toMatch(/failover check/);
    expectInert(written, "GITHUB_STEP_SUMMARY");
    writeFileSync(summary, "");
  }, 240_000); // twelve runs of the CLI
});
