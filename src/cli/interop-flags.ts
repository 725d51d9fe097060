/** Flags `import` and `export` share, checked once: separators, zones, renames. */
import { UsageError } from "../errors.js";
import { isValidTimeZone, allTimeZones } from "../time/zone.js";
import { didYouMean } from "../util/did-you-mean.js";

const DELIMITER_NAMES: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|" };

export function delimiterFlag(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const d = DELIMITER_NAMES[text.toLowerCase()] ?? text;
  if (d.length !== 1 || /["\r\n]/.test(d)) throw new UsageError(`"${text}" is not a separator; use , ; tab or |`, "--delimiter");
  return d;
}

export function timezoneFlag(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const zone = String(value);
  if (!isValidTimeZone(zone)) throw new UsageError(`"${zone}" is not a time zone${didYouMean(zone, allTimeZones())}; use an IANA name like Europe/Berlin`, "--timezone");
  return zone;
}

/**
 * `--channel-map ig=instagram,tw=x` (repeatable) as { ig: "instagram", tw: "x" }. With lists
 * false one pair per flag (`--map text=Caption, long`: a header may hold a comma).
 */
export function pairsFlag(values: unknown, flag: string, example: string, options: { lists: boolean }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of (values as string[] | undefined) ?? []) {
    for (const pair of options.lists ? value.split(",") : [value]) {
      const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(pair);
      if (!m) throw new UsageError(`"${pair}" should be name=value, e.g. ${example}`, flag);
      out[m[1]!] = m[2]!;
    }
  }
  return out;
}
