/**
 * Mentions across platforms: `@acme` on Instagram is `@acme_hq` on X and `@acme.bsky.social` on
 * Bluesky, per the config's `handles`. A handle with no mapping is written as plain text without
 * the `@`, so it can never tag a stranger who happens to own that name on the target.
 */
import { entities } from "../text/entities.js";
import { findUrls } from "../text/urls.js";

export type Handles = Record<string, Record<string, string>>;

const bare = (handle: string): string => handle.replace(/^@/, "").toLowerCase();

/**
 * LinkedIn's mention annotation, `@[Acme Inc.](urn:li:organization:2414183)` (little-text-format):
 * a text mention tags no one there, so `handles.<id>.linkedin` may give the name and URN in this
 * form. It is kept as written (the publisher sends it as an annotation), never made plain text.
 */
export const LINKEDIN_ANNOTATION = /^@\[([^\]\n]{1,100})\]\((urn:li:(?:person|organization):[A-Za-z0-9_-]+)\)$/;

/** The identity a mention names: by its handle on the source channel or platform, any handle, or the identity's key. */
function identityOf(name: string, handles: Handles, sourceKeys: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  const ids = Object.keys(handles);
  return (
    ids.find((id) => sourceKeys.some((k) => handles[id]![k] !== undefined && bare(handles[id]![k]!) === wanted)) ??
    ids.find((id) => Object.values(handles[id]!).some((h) => bare(h) === wanted)) ??
    ids.find((id) => id.toLowerCase() === wanted)
  );
}

/** A name without its `@`, and without what would make it a link on the target (`acme.shop`). */
function plainName(name: string): string {
  const local = name.split("@")[0]!;
  return findUrls(local).length > 0 ? local.split(".")[0]! : local;
}

export interface MentionMap {
  text: string;
  warnings: string[];
}

export function mapMentions(
  text: string,
  handles: Handles,
  source: readonly string[],
  target: { keys: readonly string[]; label: string; style: "handles" | "plain" },
): MentionMap {
  const warnings: string[] = [];
  let out = "";
  let last = 0;
  for (const e of entities(text)) {
    if (e.kind !== "mention") continue;
    const name = e.text.slice(1);
    const id = identityOf(name, handles, source);
    const mapped = id === undefined ? undefined : target.keys.map((k) => handles[id]![k]).find((h) => h !== undefined);
    let replacement: string;
    if (mapped !== undefined) {
      replacement = LINKEDIN_ANNOTATION.test(mapped) ? mapped : target.style === "plain" && mapped.startsWith("@") ? plainName(mapped.slice(1)) : mapped;
    } else {
      replacement = plainName(name);
      if (target.style === "handles") warnings.push(
        id === undefined
          ? `${e.text} is not in the config's handles: written as "${replacement}" so it tags no one on ${target.label}`
          : `${e.text} has no handle on ${target.label} (handles.${id}.${target.keys[target.keys.length - 1]}): written as "${replacement}"`,
      );
    }
    out += text.slice(last, e.start) + replacement;
    last = e.end;
  }
  return { text: out + text.slice(last), warnings };
}
