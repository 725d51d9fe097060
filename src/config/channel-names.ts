/**
 * The channel names a config declares, read with the YAML parser alone: what shell completion
 * offers (`failover __complete channels`). It runs at every tab, so it builds no schema, loads no
 * zod and checks no time zone (those cost most of a start: docs/performance.md). A config with
 * mistakes elsewhere still offers the names it declares (`validate` reports the mistakes); one that
 * cannot be read as YAML offers none.
 */
import { readTextFile } from "../yaml/read-file.js";
import { parseYaml } from "../yaml/source.js";

/** The keys of the config's `channels:` mapping; undefined when the file cannot be read or parsed. */
export async function declaredChannelNames(file: string): Promise<string[] | undefined> {
  try {
    const { text } = await readTextFile(file);
    const parsed = parseYaml(file, text);
    if (parsed.diagnostics.some((d) => d.severity === "error")) return undefined;
    const channels = (parsed.value as { channels?: unknown } | null | undefined)?.channels;
    return channels && typeof channels === "object" && !Array.isArray(channels) ? Object.keys(channels) : [];
  } catch {
    return undefined;
  }
}
