/**
 * `${NAME}` in config strings reads the environment at run time, so tokens stay out of files.
 * The loaded config keeps the template; values are expanded only where a request is made, and
 * every expanded value is registered as a secret so output can redact it. `$${X}` is a literal
 * `${X}`.
 */

const REF = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export type Env = Readonly<Record<string, string | undefined>>;

/** The variable names a template refers to, in order. */
export function envRefs(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(REF)) if (m[1]) names.push(m[1]);
  return names;
}

export function expandEnv(template: string, env: Env): string {
  return template.replace(REF, (whole, name: string | undefined) => (name === undefined ? "${" : (env[name] ?? "")));
}

/** Replaces every variable with a harmless placeholder, to check a URL's shape without secrets. */
export function expandWithPlaceholders(template: string): string {
  return template.replace(REF, (_w, name: string | undefined) => (name === undefined ? "${" : "x"));
}

/** The values of every variable a set of templates uses: what must never be printed. */
export function secretValues(templates: Iterable<string>, env: Env): string[] {
  const values = new Set<string>();
  for (const t of templates) for (const name of envRefs(t)) {
    const v = env[name];
    // Very short values ("1", "a") would redact ordinary text; they are not credentials anyway.
    if (v && v.length >= 4) values.add(v);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** Hides every secret value in a text (longest first, so overlapping secrets vanish whole). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("***");
  return out;
}
