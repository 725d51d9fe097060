/**
 * A channel's `publish:` block made ready to use: checked against its platform's shape and every
 * `${ENV}` expanded. A variable that is not set fails that channel only, naming the variable (never
 * its value: values are secrets and go nowhere but into the request).
 */
import type { z } from "zod";
import { envRefs, expandEnv, type Env } from "../util/env.js";

export type Expanded<S> = { ok: true; settings: S } | { ok: false; error: string };

export function expandSettings<S>(channel: string, block: Record<string, unknown>, shape: z.ZodType<S>, env: Env): Expanded<S> {
  const missing = new Set<string>();
  const expand = (v: unknown): unknown => {
    if (typeof v === "string") {
      for (const name of envRefs(v)) if (!env[name]) missing.add(name);
      return expandEnv(v, env);
    }
    if (Array.isArray(v)) return v.map(expand);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]));
    return v;
  };
  const expanded = expand(block);
  if (missing.size > 0) {
    const names = [...missing];
    return { ok: false, error: `cannot publish on ${channel}: environment variable${names.length === 1 ? "" : "s"} ${names.join(", ")} ${names.length === 1 ? "is" : "are"} not set` };
  }
  const r = shape.safeParse(expanded);
  // Checked with the config already; a value that only goes wrong once expanded (a URL) is caught here.
  if (!r.success) return { ok: false, error: `cannot publish on ${channel}: channels.${channel}.publish: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  return { ok: true, settings: r.data };
}
