/**
 * The CSV layouts `failover import --from` knows. Sources (docs/interop.md says more):
 * - hootsuite: the bulk composer's file, as Hootsuite's downloadable sample and user guides
 *   describe it: no header, one row per message, columns date-time (`DD/MM/YYYY HH:mm` or
 *   `MM/DD/YYYY HH:mm`, 24-hour, chosen at upload), message, link; one file per social profile.
 * - buffer, later, postiz: no published bulk-CSV layout was found; the header names below are
 *   inferred from the words each tool uses for its fields (Buffer "Text", "Posting Time", "Image
 *   URL"; Later "Caption", "Scheduled Time", "Media URL"; Postiz's API "content", "publishDate",
 *   "integration", "image"). Any other header still goes through the general guess or --map.
 */
import type { Field, HeaderHints } from "./columns.js";

export const IMPORT_FORMATS = ["csv", "hootsuite", "buffer", "later", "postiz"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportLayout {
  hints: HeaderHints;
  /** Column numbers (0-based) of a file without a header row. */
  withoutHeader?: Partial<Record<Field, number>>;
  /** failover's own columns (status, variants, …) are read: its own export. */
  ownFields?: boolean;
}

export const LAYOUTS: Record<ImportFormat, ImportLayout> = {
  csv: { hints: {}, ownFields: true },
  hootsuite: {
    hints: { date: ["Date", "Date (DD/MM/YYYY HH:mm)", "Date (MM/DD/YYYY HH:mm)"], text: ["Message", "Post"], link: ["Link", "URL"] },
    withoutHeader: { date: 0, text: 1, link: 2 },
  },
  buffer: { hints: { text: ["Text"], date: ["Posting Time", "Scheduled At", "Due At"], media: ["Image URL", "Media URLs"], channel: ["Channel", "Service"], link: ["Link"] } },
  later: { hints: { text: ["Caption"], date: ["Scheduled Time", "Scheduled Date"], media: ["Media URL", "Media"], channel: ["Social Profile", "Profile"], link: ["Link", "Linkin.bio Link"] } },
  postiz: { hints: { text: ["content", "value"], date: ["publishDate", "date"], channel: ["integration", "providerIdentifier"], media: ["image", "images"] } },
};
