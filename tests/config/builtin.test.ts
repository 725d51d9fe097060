import { describe, expect, it } from "vitest";
import { builtinDefaults, checkBuiltinDefaults } from "../../src/config/builtin.js";
import { PLATFORMS } from "../../src/platforms.js";

describe("built-in platform defaults (config/platforms.yaml)", () => {
  it("is valid, with an entry for every platform", () => {
    expect(checkBuiltinDefaults()).toEqual([]);
    expect(Object.keys(builtinDefaults()).sort()).toEqual([...PLATFORMS].sort());
  });

  it("would catch a broken file", () => {
    expect(checkBuiltinDefaults("version: 1\nplatforms:\n  x: { displayName: X, health: [{ kind: statuspag, url: https://a.example }] }\n").length).toBeGreaterThan(0);
    expect(checkBuiltinDefaults("version: 1\nplatforms: {}\n").join("\n")).toMatch(/instagram/);
  });
});
