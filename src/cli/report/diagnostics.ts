/** Printing diagnostics (validate, and input errors under --format) in every output format. */
import { formatDiagnostic, type Diagnostic } from "../../errors.js";
import type { Output } from "../output.js";
import { formatAnnotation, limitAnnotations } from "./github.js";
import { formatJUnit } from "./junit.js";
import { plural } from "../../util/words.js";

export function printDiagnostics(out: Output, diagnostics: Diagnostic[], summary: { ok: boolean; files: string[]; detail?: string; config?: unknown; limits?: unknown }): void {
  switch (out.format) {
    case "json":
      out.json({ schemaVersion: 1, ok: summary.ok, files: summary.files, ...(summary.config ? { config: summary.config } : {}), ...(summary.limits ? { limits: summary.limits } : {}), problems: diagnostics });
      return;
    case "github":
      for (const line of limitAnnotations(
        diagnostics.map((d) => ({ level: d.severity, file: d.file, line: d.line, col: d.col, message: d.message })),
      )) {
        out.annotation(formatAnnotation(line));
      }
      return;
    case "junit":
      out.data(
        formatJUnit(
          "failover validate",
          diagnostics.length === 0
            ? summary.files.map((f) => ({ name: f, classname: "validate" }))
            : diagnostics.map((d) => ({
                name: `${d.file}:${d.line}:${d.col}`,
                classname: "validate",
                ...(d.severity === "error" ? { failure: { message: d.message, type: "invalid-input" } } : { skipped: d.message }),
              })),
        ),
      );
      return;
    default: {
      for (const d of diagnostics) {
        const text = formatDiagnostic(d);
        out.prose(d.severity === "error" ? out.c.red(text) : out.c.yellow(text));
      }
      const errors = diagnostics.filter((d) => d.severity === "error").length;
      if (summary.ok) out.prose(`${out.c.green("✔")} ${summary.detail ?? summary.files.join(", ")}`);
      else out.info(`${plural(errors, "problem")} found`);
    }
  }
}
