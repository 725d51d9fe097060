import { describe, expect, it } from "vitest";
import { metaStatus } from "../../src/health/sources/meta.js";

describe("Meta's free-text statuses", () => {
  it("never reads bad news as operational because a good word appears in it", () => {
    expect(metaStatus("High disruptions (unresolved)")).toBe("major_outage");
    expect(metaStatus("Major outage - not yet resolved")).toBe("major_outage");
    expect(metaStatus("Operational issues with Feed")).toBe("partial_outage");
    expect(metaStatus("Issue not resolved")).toBe("partial_outage");
  });
  it("reads the good and the graded words", () => {
    expect(metaStatus("No known issues")).toBe("operational");
    expect(metaStatus("Resolved")).toBe("operational");
    expect(metaStatus("Low disruptions")).toBe("degraded");
    expect(metaStatus("Medium disruptions")).toBe("partial_outage");
    expect(metaStatus("Planned maintenance")).toBe("maintenance");
    expect(metaStatus("something else")).toBeUndefined();
  });
});
