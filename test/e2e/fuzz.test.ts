/**
 * The fuzz run of issue 15: every property of test/reliability/properties.ts — every importer
 * (work orders from CSV and .xlsx bytes, people and bonus tables, 6S audits and settings read
 * back), every SVC custom function and the finance-formula parser — with its full share of
 * generated inputs, over 1,000,000 in all. Prints the count per property and the total.
 * FUZZ_SCALE=0.1 runs a tenth (for a quick look); FUZZ_SEED fixes the seed (CI fixes it by default).
 */
import { installCustomFunctionsGlobal } from "../support/customFunctionsGlobal";
import { PROPERTIES, runProperties } from "../reliability/properties";

test("over a million generated inputs: no exception, no number for an invalid input, every row used or reported", () => {
  const { uninstall } = installCustomFunctionsGlobal();
  const scale = Number(process.env.FUZZ_SCALE ?? "1");
  // CI fuzzes from a fixed seed, so a landing is not decided by the draw (a random seed found the
  // overflow in SVC.AUDITSCORE's sums once in 17 runs); anywhere else each run explores new inputs,
  // and fast-check prints the seed of a failure for FUZZ_SEED to replay it.
  const fixed = process.env.FUZZ_SEED ?? (process.env.CI ? "20261203" : undefined);
  const seed = fixed === undefined ? undefined : Number(fixed);
  const started = Date.now();
  try {
    const done = runProperties(scale, 20, seed);
    const total = done.reduce((n, d) => n + d.runs, 0);
    const lines = done.map(
      (d) => `  ${d.runs.toLocaleString("en-US").padStart(9)}  ${(d.ms / 1000).toFixed(1).padStart(5)} s  ${d.name}`,
    );
    console.log(
      `fuzz: ${total.toLocaleString("en-US")} generated inputs over ${PROPERTIES.length} properties in ${((Date.now() - started) / 1000).toFixed(1)} s\n${lines.join("\n")}`,
    );
    if (scale >= 1) expect(total).toBeGreaterThanOrEqual(1_000_000);
  } finally {
    uninstall();
  }
});
