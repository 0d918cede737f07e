import { DEFAULT_SETTINGS } from "../../../core/settings";
import { SAMPLE_WARRANTY_LINES } from "../../../core/records/warrantyParts";
import type { PlanCell } from "../../plan";
import { warrantyPartsPlan } from "./warrantyPlan";

/** The value written at C3 and F3 (the terms) of the book's sheet. */
function termCells(options: Partial<Parameters<typeof warrantyPartsPlan>[0]>): [PlanCell, PlanCell] {
  const r = warrantyPartsPlan({ station: "", lines: SAMPLE_WARRANTY_LINES, locale: "zh-CN", ...options });
  if (!r.ok) throw new Error(r.problem.message.en);
  const cells = new Map<string, PlanCell>();
  for (const block of r.value.plan.sheets[0]!.cells)
    if (block.at === "C3" || block.at === "F3") cells.set(block.at, block.rows[0]![0]!);
  return [cells.get("C3")!, cells.get("F3")!];
}

describe("三包 terms on the 三包件 sheet", () => {
  test("read from 考核参数 by name, the engine using the settings' values", () => {
    const settings = { ...DEFAULT_SETTINGS, warranty: { months: 36, km: 150_000 } };
    expect(termCells({ settings })).toEqual([
      { f: "=SVC_Warranty_Months", expect: 36 },
      { f: "=SVC_Warranty_Km", expect: 150_000 },
    ]);
  });

  test("an override (the command line's) and an older 考核参数 without the names are written as values", () => {
    expect(termCells({ terms: { months: 12 } })).toEqual([12, { f: "=SVC_Warranty_Km", expect: 100_000 }]);
    expect(termCells({ namedTerms: false })).toEqual([24, 100_000]);
  });
});
