/**
 * A value from a file, quoted for a message: at most QUOTE_MAX characters of it (a 30 KB value
 * pasted by mistake must not fill the terminal), and with control characters shown as escapes
 * rather than sent to the terminal.
 */
export const QUOTE_MAX = 80;

export function quote(value: string, max = QUOTE_MAX): string {
  return `"${clip(value, max)}"`;
}

/** The first `max` characters (whole code points), with "…" and how much was left out. */
export function clip(value: string, max = QUOTE_MAX): string {
  const chars = Array.from(value.length > max * 2 + 8 ? value.slice(0, max * 2 + 8) : value);
  const shown = chars.length > max ? `${chars.slice(0, max).join("")}… (${value.length} characters)` : value;
  // eslint-disable-next-line no-control-regex
  return shown.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => (c === "\n" ? "\\n" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
