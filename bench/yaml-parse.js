// The baseline for planning: a bare yaml.parse of the same calendar, in its own process.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const file = process.argv[2];
if (!file) throw new Error("usage: node bench/yaml-parse.js <calendar.yaml>");
parse(readFileSync(file, "utf8"));
