/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`). Values are escaped as the
 * runner expects: in data %, CR and LF; in properties also ':' and ','.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatAnnotation(a: Annotation): string {
  const props: string[] = [];
  if (a.file) props.push(`file=${escapeProperty(a.file)}`);
  if (a.line !== undefined) props.push(`line=${a.line}`);
  if (a.col !== undefined) props.push(`col=${a.col}`);
  if (a.title) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? " " + props.join(",") : ""}::${escapeData(a.message)}`;
}

/** GitHub shows at most this many annotations of one level per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/**
 * Annotations in the order given (most urgent first), at most the limit per level; the rest are
 * summed up in one more annotation so nothing disappears silently.
 */
export function limitAnnotations(annotations: Annotation[], limit = GITHUB_ANNOTATION_LIMIT): Annotation[] {
  const out: Annotation[] = [];
  for (const level of ["error", "warning", "notice"] as const) {
    const ofLevel = annotations.filter((a) => a.level === level);
    if (ofLevel.length <= limit) {
      out.push(...ofLevel);
    } else {
      out.push(...ofLevel.slice(0, limit - 1));
      const rest = ofLevel.length - (limit - 1);
      out.push({ level, message: `${rest} more ${level}s not shown here: run failover locally or see the job log for all of them` });
    }
  }
  return out;
}
