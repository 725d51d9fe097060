/** `failover schema calendar|config`: JSON Schema on stdout. */
import { UsageError, ExitCode } from "../../errors.js";
import { jsonSchema, SCHEMA_KINDS, type SchemaKind } from "../../json-schema.js";
import { didYouMean } from "../../util/did-you-mean.js";
import type { CliContext } from "../context.js";

export async function run(ctx: CliContext, args: string[]): Promise<number> {
  const kind = args[0] ?? "calendar";
  if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`"${kind}" is not a schema; use calendar or config${didYouMean(kind, SCHEMA_KINDS)}`, "schema <kind>");
  }
  ctx.out.json(jsonSchema(kind as SchemaKind));
  return ExitCode.Go;
}
