/**
 * The link finder against twitter-text on 100,000 random link-like texts over twenty seeds
 * (`npm run test:slow`; the quick suite runs 6,000 on one seed). FUZZ_SEED=n runs twenty seeds from n.
 */
import { describe, expect, it } from "vitest";
import { disagreements } from "./url-agreement.js";

const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);

describe("findUrls against twitter-text, many seeds", () => {
  it("finds no input on which the two disagree", () => {
    const found = Array.from({ length: 20 }, (_, i) => disagreements(5000, FIRST_SEED + i)).flat();
    expect(found).toEqual([]);
  });
});
