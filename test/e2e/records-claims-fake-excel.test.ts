/**
 * The 三包件登记表 and the secondary claims written by the Office.js writer into the in-memory
 * fake of Excel (test/fakes/excel): round trips independent of the number of records (50 vs
 * 5,000), identifiers and user text that look like formulas stay text, the dropdowns and the
 * terms' validation are there, and the cross-sheet supplier totals are written as formulas.
 */
import { SAMPLE_CLAIMS, SAMPLE_CLAIMS_AS_OF, type Claim } from "../../src/core/records/claims";
import { SAMPLE_WARRANTY_LINES, type WarrantyLine } from "../../src/core/records/warrantyParts";
import { claimsPlan } from "../../src/sheets/records/claims";
import { warrantyPartsPlan } from "../../src/sheets/records/warrantyParts";
import { settingsPlan } from "../../src/sheets/settings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { cellAt, numberFormatAt } from "../fakes/excel";
import { writeWithoutCaps } from "../support/fakeExcelWrite";

function many<T extends object>(sample: readonly T[], n: number, key: keyof T): T[] {
  return Array.from({ length: n }, (_, i) => ({ ...sample[i % sample.length]!, [key]: `X${i}` }));
}

/** The 三包件 book after 考核参数, whose names its terms read (the writer refuses names a workbook lacks). */
function warranty(lines: readonly WarrantyLine[]): WorkbookPlan {
  const r = warrantyPartsPlan({ station: "郑州站", lines, locale: "zh-CN" });
  if (!r.ok) throw new Error(r.problem.message.en);
  return { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...r.value.plan.sheets] };
}

function claims(list: readonly Claim[]): WorkbookPlan {
  const r = claimsPlan({ station: "", claims: list, asOf: SAMPLE_CLAIMS_AS_OF, locale: "zh-CN" });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

test("三包件登记表: round trips independent of the lines; VIN and codes as text; dropdowns and terms validated", async () => {
  const small = await writeWithoutCaps(warranty(many(SAMPLE_WARRANTY_LINES, 50, "reqNo")));
  const large = await writeWithoutCaps(warranty(many(SAMPLE_WARRANTY_LINES, 5000, "reqNo")));
  expect(large.syncs).toBe(small.syncs);
  const sheet = (await writeWithoutCaps(warranty(SAMPLE_WARRANTY_LINES))).fake.state.sheets[2]!;
  expect(sheet.name).toBe("三包件登记表-郑州站");
  // Row 9 is the third line: its VIN "=VIN()" and part code "=CMD" are text.
  expect(cellAt(sheet, 9, 4)?.value).toBe("=VIN()");
  expect(cellAt(sheet, 9, 4)?.formula).toBeUndefined();
  expect(numberFormatAt(sheet, 9, 4)).toBe("@");
  // The terms read 考核参数 by name.
  expect(cellAt(sheet, 3, 3)?.formula).toBe("=SVC_Warranty_Months");
  expect(cellAt(sheet, 8, 8)?.formula).toContain("EDATE(E8,$C$3)");
  const rules = JSON.stringify(sheet.validations.map((v) => v.rule));
  expect(rules).toContain("是");
  console.log(`fake Excel, 三包件登记表: 50 lines → ${small.syncs} syncs; 5,000 → ${large.syncs} syncs`);
}, 300_000);

test("二次索赔: round trips independent of the claims; supplier names as text; totals across sheets", async () => {
  const small = await writeWithoutCaps(claims(many(SAMPLE_CLAIMS, 50, "claimNo")));
  const large = await writeWithoutCaps(claims(many(SAMPLE_CLAIMS, 5000, "claimNo")));
  expect(large.syncs).toBe(small.syncs);
  const [, register, suppliers] = (await writeWithoutCaps(claims(SAMPLE_CLAIMS))).fake.state.sheets;
  expect([register!.name, suppliers!.name]).toEqual(["二次索赔登记表", "索赔供应商汇总"]);
  expect(cellAt(suppliers!, 9, 1)?.value).toBe("=门泵厂");
  expect(cellAt(suppliers!, 9, 1)?.formula).toBeUndefined();
  expect(cellAt(suppliers!, 6, 6)?.formula).toBe(
    "=IF(A6=\"\",\"\",SUMPRODUCT(--('二次索赔登记表'!$B$6:$B$112=A6),--('二次索赔登记表'!$A$6:$A$112<>\"\"),'二次索赔登记表'!$L$6:$L$112))",
  );
  console.log(`fake Excel, 二次索赔: 50 claims → ${small.syncs} syncs; 5,000 → ${large.syncs} syncs`);
}, 300_000);
