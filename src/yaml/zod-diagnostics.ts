/**
 * Turns zod issues into diagnostics at the YAML node they are about, phrased for people:
 * the data path, a plain sentence, and a did-you-mean for unknown keys and enum values.
 */
import type { z } from "zod";
import type { Diagnostic } from "../errors.js";
import { didYouMean } from "../util/did-you-mean.js";
import { locate, type DataPath, type YamlSource } from "./source.js";

type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  getter?: () => AnySchema;
  left?: AnySchema;
  right?: AnySchema;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** `posts[3].at` for ["posts", 3, "at"]. */
export function formatPath(path: DataPath): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function valueAt(value: unknown, path: DataPath): unknown {
  let v = value;
  for (const segment of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[segment];
  }
  return v;
}

/** The object schemas that can stand at `path`, given the data there (picks union branches). */
function objectSchemasAt(schema: AnySchema, path: DataPath, data: unknown): AnySchema[] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return objectSchemasAt(def.innerType!, path, data);
    case "pipe":
      return objectSchemasAt(def.in!, path, data);
    case "lazy":
      return objectSchemasAt(def.getter!(), path, data);
    case "intersection":
      return [...objectSchemasAt(def.left!, path, data), ...objectSchemasAt(def.right!, path, data)];
    case "union": {
      let options = def.options!;
      if (def.discriminator && data && typeof data === "object") {
        const tag = (data as Record<string, unknown>)[def.discriminator];
        const matching = options.filter((o) => objectSchemasAt(o, [], data).some((s) => {
          const field = defOf(s).shape?.[def.discriminator!];
          return field ? field.safeParse(tag).success : false;
        }));
        if (matching.length > 0) options = matching;
      }
      return options.flatMap((o) => objectSchemasAt(o, path, data));
    }
    case "object": {
      if (path.length === 0) return [schema];
      const [head, ...rest] = path;
      const field = def.shape?.[String(head)];
      return field ? objectSchemasAt(field, rest, (data as Record<string, unknown> | undefined)?.[String(head)]) : [];
    }
    case "array":
      if (path.length === 0) return [];
      return objectSchemasAt(def.element!, path.slice(1), (data as unknown[] | undefined)?.[path[0] as number]);
    case "record":
      if (path.length === 0) return [];
      return objectSchemasAt(def.valueType!, path.slice(1), (data as Record<string, unknown> | undefined)?.[String(path[0])]);
    default:
      return [];
  }
}

export function allowedKeys(schema: AnySchema, path: DataPath, data: unknown): string[] {
  const keys = new Set<string>();
  for (const s of objectSchemasAt(schema, path, valueAt(data, path))) {
    for (const k of Object.keys(defOf(s).shape ?? {})) keys.add(k);
  }
  return [...keys];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

export function zodIssuesToDiagnostics(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  schema: AnySchema,
  data: unknown,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (path: DataPath, message: string, key = false) =>
    out.push({ file: source.file, ...locate(source, path, { key }), severity: "error", message });

  for (const issue of issues) {
    const path = issue.path;
    const where = formatPath(path);
    const prefix = where ? `${where}: ` : "";
    const value = valueAt(data, path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = allowedKeys(schema, path, data);
        for (const key of issue.keys) {
          const full = [...path, key];
          push(full, `${formatPath(full)}: unknown key "${key}"${didYouMean(key, allowed)}`, true);
        }
        break;
      }
      case "invalid_type":
        if (value === undefined) {
          push(path, `${where}: required`);
        } else {
          push(path, `${prefix}expected ${issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : issue.expected}, got ${describe(value)}`);
        }
        break;
      case "invalid_value": {
        if (value === undefined) {
          push(path, `${where}: required${where === "version" ? "; add `version: 1` at the top" : ""}`);
          break;
        }
        const options = issue.values.map(String);
        const shown = typeof value === "string" ? `"${value}"` : String(value);
        push(path, `${prefix}${shown} is not one of ${options.map((o) => `"${o}"`).join(", ")}${typeof value === "string" ? didYouMean(value, options) : ""}`);
        break;
      }
      case "invalid_union": {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        if (discriminator) {
          const tag = value;
          push(path, tag === undefined
            ? `${prefix}required; one of ${options.map((o) => `"${o}"`).join(", ")}`
            : `${prefix}"${String(tag)}" is not one of ${options.map((o) => `"${o}"`).join(", ")}${didYouMean(String(tag), options)}`);
        } else {
          push(path, `${prefix}${issue.message}`);
        }
        break;
      }
      default:
        push(path, `${prefix}${issue.message}`);
    }
  }
  return out;
}
