import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";
import { itReadsEachState, recordedReader, sourceAnswer, useStatusServer } from "../helpers/health.js";

const server = useStatusServer();

const instatus = recordedReader(server, "instatus");

describe("instatus sources (summary.json)", () => {
  itReadsEachState(instatus, { operational: "operational", degraded: "degraded", outage: "major_outage", maintenance: "maintenance" });

  it("says which incidents or maintenance are open", async () => {
    expect((await instatus("outage")).detail).toBe("incidents: API down; Slow site");
    expect((await instatus("maintenance")).detail).toBe("maintenance: Database upgrade");
  });

  it("refuses `components` in the config with where and why: summary.json lists none", () => {
    const text = "version: 1\nchannels:\n  site:\n    platform: webhook\n    health:\n      - { kind: instatus, url: https://status.example.com, components: [API] }\n";
    let diagnostics: string[] = [];
    try {
      parseConfig("cfg.yaml", text, {});
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      diagnostics = error.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);
    }
    expect(diagnostics).toEqual([expect.stringMatching(/^6:\d+ .*Instatus's public summary\.json lists no components, so `components` cannot be read/)]);
  });

  it("reads unknown with a reason for an HTML page and a wrong shape", async () => {
    expect(await instatus("malformed")).toMatchObject({ status: "unknown", error: "not JSON (an HTML or XML page, not an Instatus summary.json)" });
    expect(await sourceAnswer(server(), `{ kind: instatus, url: "$URL/fx/slack/operational.json" }`)).toMatchObject({ status: "unknown", error: expect.stringMatching(/^not an Instatus summary.json: page/) });
  });
});
