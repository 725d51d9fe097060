/**
 * Everything the CLI prints goes through here: data to stdout, progress and logs to stderr,
 * colour only where the terminal and the user want it, spinners only on an interactive stderr,
 * and every known secret redacted on the way out.
 */
import { Chalk, type ChalkInstance } from "chalk";
import { redact, secretForms } from "../util/env.js";
import { stripControls, terminalSafe } from "../util/terminal-safe.js";
import { fitLines } from "./table.js";

export type Format = "table" | "json" | "github" | "junit" | "markdown";

export interface OutputOptions {
  format: Format;
  color: boolean;
  quiet: boolean;
  verbose: boolean;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether to colour a stream. Order: --no-color, NO_COLOR (non-empty, per no-color.org),
 * FORCE_COLOR (non-empty; "0" and "false" turn colour off, as chalk reads them), TERM=dumb, then
 * whether the stream is a TTY. chalk alone ignores NO_COLOR, hence this, and an explicit level.
 */
export function wantsColor(flag: boolean, stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!flag) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return Boolean(stream.isTTY);
}

export interface Spinner {
  update(text: string): void;
  stop(): void;
}

export class Output {
  readonly format: Format;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Colours for stdout (data). */
  readonly c: ChalkInstance;
  /** Colours for stderr (logs). */
  readonly ce: ChalkInstance;
  /** The secrets as given; `secrets` adds their encoded forms, always computed from these (never forms of forms). */
  private givenSecrets = new Set<string>();
  private secrets: string[] = [];
  private readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly env: Readonly<Record<string, string | undefined>>;
  /** The spinner on screen, so Ctrl-C can clear it before saying it stopped. */
  private active: Spinner | undefined;

  constructor(options: OutputOptions) {
    this.format = options.format;
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.env = options.env ?? process.env;
    this.c = new Chalk({ level: wantsColor(options.color, this.stdout, this.env) ? 1 : 0 });
    this.ce = new Chalk({ level: wantsColor(options.color, this.stderr, this.env) ? 1 : 0 });
  }

  /**
   * The width tables and notes are fitted to: the terminal's columns when stdout is one, else
   * undefined (piped or redirected: nothing is cut or wrapped, a script gets whole lines).
   */
  get columns(): number | undefined {
    const stdout = this.stdout as { isTTY?: boolean; columns?: number };
    if (!stdout.isTTY) return undefined;
    return stdout.columns && stdout.columns > 0 ? stdout.columns : 80;
  }

  /** Values to hide from everything printed from now on. */
  addSecrets(secrets: readonly string[]): void {
    const before = this.givenSecrets.size;
    for (const s of secrets) this.givenSecrets.add(s);
    // `run` adds the config's secrets every cycle: only a new one changes anything.
    if (this.givenSecrets.size !== before) this.secrets = secretForms(this.givenSecrets);
  }

  redact(text: string): string {
    return redact(text, this.secrets);
  }

  /**
   * Secrets hidden, escape sequences other than our colours removed, and lines that a CI runner
   * would obey as workflow commands defused: texts from servers and files pass through here.
   */
  private safe(text: string, stream: "stdout" | "stderr"): string {
    return terminalSafe(this.redact(text), (stream === "stdout" ? this.c : this.ce).level > 0);
  }

  /** Data: always printed, even with -q. */
  data(text: string): void {
    this.stdout.write(this.safe(text.endsWith("\n") ? text : `${text}\n`, "stdout"));
  }

  /**
   * Data for people (a plan, a verdict, a sentence): on a terminal each line wider than it is
   * wrapped at spaces, keeping its indentation; piped, as it is. Tables are fitted already.
   */
  prose(text: string): void {
    this.data(fitLines(text, this.columns));
  }

  /** One GitHub workflow command made by formatAnnotation (its data escaped there): the only `::` line let through. */
  annotation(line: string): void {
    this.stdout.write(`${stripControls(this.redact(line.replace(/\r?\n/g, " ")))}\n`);
  }

  json(value: unknown): void {
    this.data(JSON.stringify(value, null, 2));
  }

  info(text: string): void {
    if (!this.quiet) this.stderr.write(this.safe(`${fitLines(text, this.stderrColumns)}\n`, "stderr"));
  }

  /** The terminal's columns when stderr is one (progress and logs are fitted to it), else undefined. */
  private get stderrColumns(): number | undefined {
    const stderr = this.stderr as { isTTY?: boolean; columns?: number };
    return stderr.isTTY && stderr.columns && stderr.columns > 0 ? stderr.columns : undefined;
  }

  warn(text: string): void {
    if (!this.quiet) this.stderr.write(this.safe(`${this.ce.yellow("warning:")} ${text}\n`, "stderr"));
  }

  error(text: string): void {
    this.stderr.write(this.safe(`${this.ce.red("error:")} ${text}\n`, "stderr"));
  }

  /** A diagnostic line (`file:line:col severity: message`), already labelled: stderr, coloured. */
  problem(text: string, severity: "error" | "warning"): void {
    if (severity === "warning" && this.quiet) return;
    this.stderr.write(this.safe(`${severity === "error" ? this.ce.red(text) : this.ce.yellow(text)}\n`, "stderr"));
  }

  debug(text: string): void {
    if (this.verbose) this.stderr.write(this.safe(`${this.ce.dim(text)}\n`, "stderr"));
  }

  /** Whether a spinner may be shown: an interactive stderr, table output, not -q, not CI. */
  get spinnerAllowed(): boolean {
    // A terminal that reports no width (a pty nobody sized, as under `script` or some CI runners)
    // sends ora's line clearing into an endless loop: no spinner there.
    const sized = ((this.stderr as { columns?: number }).columns ?? 0) > 0;
    const interactive = Boolean(this.stderr.isTTY) && sized && this.env.TERM !== "dumb" && !this.env.CI;
    return interactive && !this.quiet && this.format === "table";
  }

  /** An ora spinner on an interactive stderr, for table output only; a no-op otherwise. */
  async spinner(text: string): Promise<Spinner> {
    if (!this.spinnerAllowed) return { update() {}, stop() {} };
    const { default: ora } = await import("ora");
    // isEnabled: decided above from the env this Output was given; ora would read process.env.
    const spinner = ora({ text: this.safe(text, "stderr"), stream: this.stderr, color: "cyan", isEnabled: true }).start();
    const handle: Spinner = {
      update: (t) => void (spinner.text = this.safe(t, "stderr")),
      stop: () => {
        spinner.stop();
        if (this.active === handle) this.active = undefined;
      },
    };
    this.active = handle;
    return handle;
  }

  /** Ctrl-C: clear any spinner, then one line on stderr (even with -q: the user asked why it stopped). */
  interrupted(message: string): void {
    this.active?.stop();
    // On a terminal the echoed ^C leaves the cursor mid-line; start the message on a line of its own.
    this.stderr.write(`${this.stderr.isTTY ? "\n" : ""}${message}\n`);
  }
}
