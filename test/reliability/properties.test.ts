/**
 * The issue-15 invariants (./properties.ts) at a fast-suite scale: a few hundred generated inputs
 * per property. test/e2e/fuzz.test.ts runs the same properties with over a million inputs.
 */
import { installCustomFunctionsGlobal } from "../support/customFunctionsGlobal";
import { PROPERTIES } from "./properties";
import fc from "fast-check";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsGlobal().uninstall;
});
afterAll(() => uninstall());

describe.each(PROPERTIES.map((p) => [p.name, p] as const))("%s", (_name, p) => {
  it("holds", () => {
    fc.assert(p.property, { numRuns: Math.max(50, Math.round(p.runs / 200)) });
  });
});
