/**
 * Issue 15 item 4 through the real bin on a pseudo-terminal: every command's human output fits an
 * 80- and a 60-column terminal, with a long post id, CJK and emoji in the calendar; piped, the
 * same commands print whole lines. Every command at both widths runs in the CLI host with a
 * pretend terminal (tests/helpers/cli.ts); the widest ones again on a real one (`script`).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/text/display-width.js";
import { BIN, ROOT, runCli, tempProject } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures", "demo");
const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;

const LONG_ID = "launch-reel-for-the-new-acme-bottle-summer-campaign-2026-with-a-very-long-identifier";
const CJK_ID = "giveaway-reminder-最後のお知らせ-🎁🎁-launch-week-giveaway-closes-at-midnight";

/** The demo's calendar with a long id, a CJK and emoji id, and a CJK and emoji text; the demo's config. */
const wide = tempProject({
  "calendar.yaml": readFileSync(join(DEMO, "calendar.yaml"), "utf8")
    .replace("id: launch-reel\n", `id: ${LONG_ID}\n`)
    .replace("id: giveaway-reminder\n", `id: ${CJK_ID}\n`)
    .replace("Five colours, one bottle. Swipe", "五つの色、一本のボトル 🧊🧊🧊 Swipe"),
});
const GLOBAL = ["--config", join(DEMO, "config", "failover.yaml"), "--now", "2026-07-14T08:30:00-04:00", "--no-state"];

const COMMANDS = [
  ["status"],
  ["check"],
  ["reroute", "--dry-run"],
  ["failback", "--dry-run", "--assume", "instagram=up"],
  ["platforms"],
  ["list"],
  ["publish", "--dry-run"],
  ["run", "--once", "--apply", "never"],
  ["preview", LONG_ID],
  ["validate"],
];

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const MARK = "=== failover";

/** Each command's screen (stdout and stderr as shown) on a real terminal `columns` wide: one `script` session. */
function onRealTerminal(commands: string[][], columns: number): Map<string, string> {
  const runs = commands.map((args) => `echo ${sq(`${MARK} ${args[0]}`)}; ${[process.execPath, BIN, ...args, ...GLOBAL].map(sq).join(" ")}`);
  const r = spawnSync("script", ["-qec", `stty cols ${columns} rows 50; ${runs.join("; ")}`, "/dev/null"], {
    cwd: wide,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TERM: "xterm", CI: "true" }, // CI: no spinner
    timeout: 120_000,
  });
  const screen = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
  const shown = new Map<string, string>();
  for (const part of screen.split(`${MARK} `).slice(1)) shown.set(part.slice(0, part.indexOf("\n")), part.slice(part.indexOf("\n") + 1));
  return shown;
}

/** Each command's stdout and stderr as the CLI writes them to a terminal `columns` wide (the CLI host's pretend one). */
async function onTerminal(columns: number): Promise<Map<string, string>> {
  const shown = new Map<string, string>();
  for (const args of COMMANDS) {
    const r = await runCli([...args, ...GLOBAL], { cwd: wide, columns });
    shown.set(args[0]!, `${r.stdout}${r.stderr}`);
  }
  return shown;
}

function expectFits(shown: Map<string, string>, columns: number, commands: string[][]): void {
  expect([...shown.keys()]).toEqual(commands.map((c) => c[0]));
  for (const [command, text] of shown) {
    expect(text.trim().length, command).toBeGreaterThan(0);
    const over = text.split("\n").filter((line) => displayWidth(line) > columns);
    expect(over, `${command} at ${columns} columns`).toEqual([]);
  }
  // The blocked post's row wraps its id (nothing of it cut: table.test.ts), and its fixes follow.
  expect(shown.get("check")).toMatch(/✖ blocked {2}giveaway-/);
  expect(shown.get("check")).toContain("fix: ");
}

describe("every human output fits the terminal (long ids, CJK, emoji)", () => {
  it.each([80, 60])("at %i columns: no line is wider, and each command said something", async (columns) => {
    expectFits(await onTerminal(columns), columns, COMMANDS);
  });

  // The same on a real pseudo-terminal, for the commands with the widest output: the width the CLI
  // fits to is the terminal's own.
  it.skipIf(!hasScript)("on a real 60-column terminal too", () => {
    const commands = COMMANDS.filter((c) => ["status", "check", "platforms", "list"].includes(c[0]!));
    expectFits(onRealTerminal(commands, 60), 60, commands);
  }, 180_000);

  it("piped, the same outputs are whole lines (wider than 80 where the content is)", async () => {
    const check = await runCli(["check", ...GLOBAL], { cwd: wide });
    expect(check.stdout).toContain(CJK_ID);
    expect(Math.max(...check.stdout.split("\n").map(displayWidth))).toBeGreaterThan(80);
    const list = await runCli(["list", ...GLOBAL], { cwd: wide });
    expect(list.stdout).toContain(LONG_ID);
  });
});
