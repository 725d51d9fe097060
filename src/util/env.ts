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

/**
 * Every form in which a secret may come back from a server: as set, URL-encoded (a token in a
 * query string), and base64 / base64url (a Basic credential, a token echoed in a JWT-like blob).
 */
export function secretForms(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    const b64 = Buffer.from(s, "utf8").toString("base64");
    for (const form of [s, encodeURIComponent(s), b64, b64.replace(/=+$/, ""), Buffer.from(s, "utf8").toString("base64url")]) forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The shortest start of a secret that is still hidden where a text was cut (at "…"). */
const MIN_PARTIAL = 4;

/**
 * Hides every secret value in a text (longest first, so overlapping secrets vanish whole), and
 * the start of one that a cut left just before an ellipsis: a text cut to a width before it is
 * printed must not show a token's first characters.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("***");
  if (!out.includes("…")) return out;
  return out.replace(/([^\u2026]*?)\u2026/g, (whole, before: string) => `${hidePartialEnd(before, secrets)}…`);
}

function hidePartialEnd(text: string, secrets: readonly string[]): string {
  for (const s of secrets) {
    for (let k = Math.min(s.length - 1, text.length); k >= MIN_PARTIAL; k--) {
      if (text.endsWith(s.slice(0, k))) return `${text.slice(0, text.length - k)}***`;
    }
  }
  return text;
}
