/**
 * One error hierarchy for the whole tool. Every error the user can cause is a FailoverError
 * carrying the exit code the contract gives it and, where it came from a file, its position.
 * Anything else that reaches the top is a bug (exit 1).
 */

/** The contract's exit codes (shared/CONTRACT.md). */
export const ExitCode = {
  Go: 0,
  Bug: 1,
  InvalidInput: 2,
  Covered: 3,
  Blocked: 4,
  /** No channel with a post in the window is known to be down, but some could not be read. */
  Unverified: 5,
  /** `publish`: some post failed, was held on a down channel, or is uncertain. */
  PublishIncomplete: 6,
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type Severity = "error" | "warning";

/** A problem found in an input file, pointing at a 1-based line and column. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
  /** The offending line with a caret under the column, for problems best seen in place (YAML syntax). */
  excerpt?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.severity}: ${d.message}${d.excerpt ? `\n${d.excerpt}` : ""}`;
}

/** File, then line, then column: the order a person reads a file in. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

export abstract class FailoverError extends Error {
  abstract readonly exitCode: ExitCode;
}

/** Invalid calendar, config or plan file: one or more diagnostics, all reported at once. */
export class InputError extends FailoverError {
  readonly exitCode = ExitCode.InvalidInput;
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(
      errors.length === 1
        ? formatDiagnostic(errors[0]!)
        : `${errors.length} problems:\n${errors.map(formatDiagnostic).join("\n")}`,
    );
    this.name = "InputError";
  }
}

/** A bad flag or argument on the command line; names the flag. */
export class UsageError extends FailoverError {
  readonly exitCode = ExitCode.InvalidInput;
  constructor(
    message: string,
    readonly flag?: string,
  ) {
    super(flag ? `${flag}: ${message}` : message);
    this.name = "UsageError";
  }
}

/** A file that could not be read or written (missing, unreadable, locked, stale). */
export class FileError extends FailoverError {
  readonly exitCode = ExitCode.InvalidInput;
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = "FileError";
  }
}

/** The user pressed Ctrl-C, or declined a confirmation prompt that stopped the run. */
export class InterruptedError extends FailoverError {
  readonly exitCode = ExitCode.Interrupted;
  constructor(message = "interrupted") {
    super(message);
    this.name = "InterruptedError";
  }
}

export function isFailoverError(error: unknown): error is FailoverError {
  return error instanceof FailoverError;
}
