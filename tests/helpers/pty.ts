/**
 * The real CLI on a pseudo-terminal, answering a question the way a person does: `script`
 * (util-linux) gives it a terminal; the answer is typed only once the question is on screen
 * (typed earlier, a Ctrl-C would reach the process as a signal before the question, not as a key).
 */
import { spawn, spawnSync } from "node:child_process";
import { BIN } from "./cli.js";

export const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface TerminalRun {
  /** Everything the terminal showed (stdout and stderr merged, as on a screen). */
  screen: string;
  code: number | null;
}

export async function answerOnTerminal(args: string[], options: { cwd: string; prompt: RegExp; keys: string; env?: Record<string, string> }): Promise<TerminalRun> {
  const command = `stty cols 100 rows 30; ${[process.execPath, BIN, ...args].map(sq).join(" ")}; echo "EXIT=$?"`;
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", TERM: "xterm", ...options.env };
  for (const k of ["CI", "FORCE_COLOR", "GITHUB_STEP_SUMMARY"]) delete env[k];
  const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: options.cwd, env: env as NodeJS.ProcessEnv });
  let screen = "";
  let typed = false;
  child.stdout.on("data", (d: Buffer) => {
    screen += d.toString("utf8");
    if (!typed && options.prompt.test(screen)) {
      typed = true;
      child.stdin.write(options.keys);
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
  await new Promise<void>((resolve) => child.on("close", () => resolve()));
  clearTimeout(timer);
  child.stdin.destroy();
  const exit = /EXIT=(\d+)/.exec(screen);
  return { screen: screen.replace(/\r\n/g, "\n"), code: exit ? Number(exit[1]) : null };
}
