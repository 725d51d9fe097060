/** JUnit XML, the shape CI systems (GitLab, Jenkins, Azure, CircleCI) read as test results. */

export interface JUnitCase {
  name: string;
  classname: string;
  /** Present when the case failed. */
  failure?: { message: string; type: string; body?: string };
  skipped?: string;
  timeSeconds?: number;
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing an unreadable file.
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function formatJUnit(suiteName: string, cases: JUnitCase[], timestamp?: string): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="failover" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="${escapeXml(suiteName)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"${timestamp ? ` timestamp="${escapeXml(timestamp)}"` : ""}>`,
  ];
  for (const c of cases) {
    const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}" time="${(c.timeSeconds ?? 0).toFixed(3)}"`;
    if (c.failure) {
      lines.push(`${open}>`);
      lines.push(`      <failure message="${escapeXml(c.failure.message)}" type="${escapeXml(c.failure.type)}">${escapeXml(c.failure.body ?? c.failure.message)}</failure>`);
      lines.push("    </testcase>");
    } else if (c.skipped !== undefined) {
      lines.push(`${open}>`, `      <skipped message="${escapeXml(c.skipped)}"/>`, "    </testcase>");
    } else {
      lines.push(`${open}/>`);
    }
  }
  lines.push("  </testsuite>", "</testsuites>");
  return lines.join("\n");
}
