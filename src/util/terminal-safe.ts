/**
 * Text from a server or a file, made safe to print. Terminals obey escape sequences (OSC 52 writes
 * the clipboard, CSI moves the cursor and rewrites what was shown), and GitHub Actions obeys any
 * output line that starts with `::` (a workflow command: `::error file=…::`, `::add-mask::`).
 */

// ESC followed by a CSI sequence, an OSC/DCS/APC/PM/SOS string (ended by BEL or ST), or one char;
// then the C1 controls (CSI and OSC have 8-bit forms too), C0 controls but tab and LF, and DEL.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\s\S]?)|[\u0080-\u009f]|[\u0000-\u0008\u000b-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const OUR_COLOURS = /\u001b\[[0-9;]*m/y;

/** Every control character and escape sequence removed; tab and line feed kept. */
export function stripControls(text: string): string {
  return text.replace(ESCAPES, "");
}

/** Controls removed and line breaks turned into spaces: one line, for a status answer or an error. */
export function oneLine(text: string): string {
  return stripControls(text.replace(/\r\n?|\n/g, " "));
}

/**
 * For text about to be printed: escape sequences other than colours (SGR, which chalk writes)
 * removed, or all of them with `keepColours` false; and any line a CI runner would read as a
 * workflow command shown with a zero-width space between its colons, so it is only text.
 */
export function terminalSafe(text: string, keepColours: boolean): string {
  const cleaned = keepColours ? text.replace(ESCAPES, (match, offset: number) => (isColour(text, offset) ? match : "")) : stripControls(text);
  return neutraliseWorkflowCommands(cleaned);
}

function isColour(text: string, offset: number): boolean {
  OUR_COLOURS.lastIndex = offset;
  return OUR_COLOURS.test(text);
}

/** `::error …` at the start of a line (leading spaces ignored, as the runner does) stops being one. */
export function neutraliseWorkflowCommands(text: string): string {
  return text.replace(/^(\s*):(?=:)/gm, "$1:\u200b");
}
