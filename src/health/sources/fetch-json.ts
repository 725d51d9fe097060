/** Fetching a status document and checking its shape: the shared first step of the JSON kinds. */
import { z } from "zod";
import type { SourceAnswer, SourceContext } from "../types.js";

/**
 * Field shapes for reading real status pages leniently: an optional field may be `null` (real
 * pages send `"description": null`), an id may be a number, and only what the answer needs is
 * required; unknown extra fields are ignored (zod's default).
 */
export const lenient = {
  /** A string that may be missing or null. */
  text: () => z.string().nullish().transform((v) => v ?? undefined),
  /** An id, string or number, as a string. */
  id: () => z.union([z.string(), z.number()]).transform(String),
  /** An id that may be missing or null, as a string. */
  optionalId: () => z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? undefined : String(v))),
  /** A list that may be missing or null. */
  list: <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? undefined),
};

export type Fetched<T> = { ok: true; data: T } | { ok: false; answer: SourceAnswer };

/** GETs a URL and parses its JSON with a schema; any failure is an `unknown` answer with a reason. */
export async function fetchJson<T>(
  ctx: SourceContext,
  url: string,
  schema: z.ZodType<T>,
  options: { headers?: Record<string, string>; timeoutMs?: number; what: string },
): Promise<Fetched<T>> {
  const res = await ctx.fetch({ url, ...(options.headers ? { headers: options.headers } : {}), timeoutMs: options.timeoutMs ?? ctx.timeoutMs });
  if (!res.ok) return { ok: false, answer: { status: "unknown", error: res.error } };
  if (res.status < 200 || res.status > 299) return { ok: false, answer: { status: "unknown", error: `HTTP ${res.status}` } };
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    const start = res.body.trimStart().slice(0, 1);
    return { ok: false, answer: { status: "unknown", error: start === "<" ? `not JSON (an HTML or XML page, not ${options.what})` : `not JSON (not ${options.what})` } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, answer: { status: "unknown", error: `not ${options.what}: ${issue.path.join(".") || "(root)"}: ${issue.message}` } };
  }
  return { ok: true, data: parsed.data };
}

/** fetchJson with a source's own headers and time limit, the way every JSON kind calls it. */
export function fetchSourceJson<T>(
  ctx: SourceContext,
  source: { headers?: Record<string, string> | undefined; timeout?: number | undefined },
  url: string,
  schema: z.ZodType<T>,
  what: string,
): Promise<Fetched<T>> {
  return fetchJson(ctx, url, schema, {
    ...(source.headers ? { headers: source.headers } : {}),
    ...(source.timeout ? { timeoutMs: source.timeout } : {}),
    what,
  });
}
