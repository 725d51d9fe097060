/** A fixed status from the config: a person's word, for platforms with no machine-readable status. */
import type { SourceChecker } from "../types.js";

export const manual: SourceChecker<"manual"> = {
  kind: "manual",
  async check(source) {
    return { status: source.status, detail: source.note ?? "set in the config" };
  },
};
