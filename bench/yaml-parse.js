// The baseline for planning: a bare yaml.parse of the same calendar, in its own process.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

parse(readFileSync(process.argv[2], "utf8"));
