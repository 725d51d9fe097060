// Writes schema/calendar.schema.json and schema/config.schema.json from the built zod schemas,
// so editors (yaml-language-server) can validate files as they are typed.
import { mkdirSync, writeFileSync } from "node:fs";
import { jsonSchema, SCHEMA_KINDS } from "../dist/json-schema.js";

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
for (const kind of SCHEMA_KINDS) {
  writeFileSync(new URL(`../schema/${kind}.schema.json`, import.meta.url), JSON.stringify(jsonSchema(kind), null, 2) + "\n");
}
