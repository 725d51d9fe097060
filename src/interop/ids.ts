/** Post ids for rows that have none: readable, and the same every time the same row is imported. */
import { createHash } from "node:crypto";

/** `big-news-tomorrow-3fa9c1`: the first words of the text, then a hash of channel, time and text. */
export function stableId(channel: string, at: string, text: string): string {
  const hash = createHash("sha256").update(`${channel}\n${at}\n${text}`).digest("hex").slice(0, 6);
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 4)
    .join("-")
    .slice(0, 32)
    .replace(/-+$/, "");
  return `${words || channel.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${hash}`;
}
