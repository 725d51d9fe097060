/** JSON Schema for editors, generated from the same zod schemas the loader validates with. */
import { z } from "zod";
import { calendarSchema } from "./calendar/schema.js";
import { configSchema } from "./config/schema.js";

export const SCHEMA_KINDS = ["calendar", "config"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const TITLES: Record<SchemaKind, string> = {
  calendar: "failover content calendar (calendar.yaml)",
  config: "failover config (config/failover.yaml)",
};

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const schema = kind === "calendar" ? calendarSchema : configSchema;
  // The input side: what a person writes (durations as text), not what the loader turns it into.
  const generated = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: TITLES[kind],
    ...generated,
  };
}
