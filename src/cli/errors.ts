/** The one place errors become exit codes and messages (contract: exit codes). */
import { ExitCode, formatDiagnostic, InputError, isFailoverError } from "../errors.js";
import type { Output } from "./output.js";

export function reportError(error: unknown, out: Output): number {
  if (error instanceof InputError) {
    for (const d of error.diagnostics) out.problem(formatDiagnostic(d), d.severity);
    if (out.verbose && error.stack) out.debug(error.stack);
    return error.exitCode;
  }
  if (isFailoverError(error)) {
    out.error(error.message);
    if (out.verbose && error.stack) out.debug(error.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  out.error(`unexpected failure: ${message}`);
  if (out.verbose && error instanceof Error && error.stack) out.debug(error.stack);
  else out.info("run again with -v for the stack trace, and please report it");
  return ExitCode.Bug;
}
