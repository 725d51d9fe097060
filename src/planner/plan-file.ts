/**
 * Reading a saved plan (`reroute --plan plan.json`). JSON is YAML, so the YAML reader gives every
 * problem a line and column; the schema is the contract's plan JSON (shared/CONTRACT.md).
 */
import { z } from "zod";
import { InputError, sortDiagnostics, type Diagnostic } from "../errors.js";
import { healthStatus } from "../health/source-schema.js";
import { readTextFile } from "../yaml/read-file.js";
import { locate, parseYaml, type DataPath, type YamlSource } from "../yaml/source.js";
import { zodIssuesToDiagnostics } from "../yaml/zod-diagnostics.js";
import { ACTION_KINDS, type Plan } from "./types.js";

const length = z.object({ used: z.number(), limit: z.number(), unit: z.string() });
const plannedPost = z.object({
  channel: z.string().min(1),
  platform: z.string().min(1),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date and time"),
  text: z.string(),
  thread: z.array(z.string()).optional(),
  title: z.string().optional(),
  media: z.array(z.object({ path: z.string().min(1), kind: z.enum(["image", "video", "gif"]), alt: z.string().optional() })).optional(),
  length,
});
const action = z.object({
  postId: z.string().min(1),
  action: z.enum(ACTION_KINDS),
  from: z.object({ channel: z.string(), at: z.string(), text: z.string().optional() }),
  to: plannedPost.optional(),
  newPostId: z.string().min(1).optional(),
  removes: z.array(z.string().min(1)).optional(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  line: z.number().int().optional(),
});

export const planFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.enum(["reroute", "failback"]).optional(),
  now: z.string(),
  calendar: z.string().min(1),
  calendarSha256: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex (64 characters)"),
  config: z.string().optional(),
  configSha256: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex (64 characters)").optional(),
  window: z.object({ from: z.string(), to: z.string() }),
  health: z.record(z.string(), healthStatus),
  actions: z.array(action),
  unroutable: z.array(z.object({ postId: z.string(), channel: z.string(), at: z.string(), reasons: z.array(z.string()), fixes: z.array(z.string()).optional(), line: z.number() })),
  warnings: z.array(z.string()).default([]),
});

/** Where each plan read from a file came from, so a problem found later can name its line. */
const planSources = new WeakMap<Plan, YamlSource>();

/** The position of a data path (["actions", 2, "to", "at"]) in the file a plan was read from. */
export function planLocation(plan: Plan, path: DataPath): { file: string; line: number; col: number } | undefined {
  const source = planSources.get(plan);
  return source ? { file: source.file, ...locate(source, path) } : undefined;
}

export async function readPlanFile(file: string): Promise<Plan> {
  const { text } = await readTextFile(file);
  // JSON first: read as YAML, a stray word in JSON is quietly a key or a string.
  try {
    JSON.parse(text);
  } catch (error) {
    throw new InputError([jsonSyntaxDiagnostic(file, text, error)]);
  }
  const parsed = parseYaml(file, text);
  if (parsed.value === undefined) throw new InputError(parsed.diagnostics);
  const r = planFileSchema.safeParse(parsed.value);
  if (!r.success) throw new InputError(sortDiagnostics(zodIssuesToDiagnostics(parsed.source, r.error.issues, planFileSchema, parsed.value)));
  const plan = r.data;
  // Plans saved before `kind` existed: the actions tell.
  const kind = plan.kind ?? (plan.actions.length > 0 && plan.actions.every((a) => a.action === "failback") ? "failback" : "reroute");
  const read = { ...plan, kind } as Plan;
  planSources.set(read, parsed.source);
  return read;
}

/** A JSON syntax error at its line and column (V8 says "at position N", or nothing at the end). */
function jsonSyntaxDiagnostic(file: string, text: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const m = /at position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : text.length;
  const before = text.slice(0, offset).split("\n");
  return {
    file,
    line: before.length,
    col: before[before.length - 1]!.length + 1,
    severity: "error",
    message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "")} (a plan file is the JSON that --plan-out writes)`,
  };
}
