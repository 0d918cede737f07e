/**
 * The bonus pane's Excel path on the in-memory fake of the Office.js object model
 * (test/fakes/excel), through the real ExcelHost: the year's appraisal forms are in the
 * workbook; the pane finds them by marker, reads one rectangle per form, reads the settings
 * names, and writes the 季度奖金 sheet. The round trips do not grow with the number of people
 * (200 vs 4,000 with the payload caps lifted), the forms are left exactly as they were, and the
 * written quarter column holds finance's formula as its Excel translation.
 */
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../src/core/settings";
import { STAFF_TEMPLATE } from "../../src/core/appraisal";
import { parseFormula } from "../../src/core/formula";
import { BONUS_FORMULA_LANGUAGE } from "../../src/core/bonus";
import { writePlans } from "../../src/excel";
import { appraisalPlan } from "../../src/sheets/appraisal";
import { settingsPlan } from "../../src/sheets/settings";
import { bonusMarkerOf, bonusPlan } from "../../src/sheets/bonus";
import { parseMarkerJson } from "../../src/sheets/formula/marker";
import { checkedMeta } from "../support/markers";
import { ExcelHost, type ExcelRunner } from "../../src/taskpane/host";
import { peopleOf, readFormsSource } from "../../src/taskpane/panes/bonus/bonusModel";
import { decideWorkbookSettings } from "../../src/sheets/settings";
import { parseRange } from "../../src/sheets/formula/a1";
import type { SheetPlan } from "../../src/sheets/plan";
import { cellAt, createFakeExcel, type FakeExcel, type SheetState } from "../fakes/excel";

const FORMULA = 'if(等级 == "D", 0, 全年绩效 * 0.2 * 系数)';

/**
 * The fake does not calculate: formula cells report the engine's value (the plan's `expect`),
 * as Excel would after calculating the forms.
 */
function engineValues(
  plans: readonly SheetPlan[],
): (sheet: SheetState, row: number, column: number) => string | number | boolean {
  const values = new Map<string, string | number | boolean>();
  for (const plan of plans) {
    for (const fill of plan.fills ?? []) {
      const rect = parseRange(fill.range);
      fill.expect?.forEach((line, r) =>
        line.forEach((v, c) =>
          values.set(`${plan.name}!${rect.top + r},${rect.left + c}`, typeof v === "object" || v === null ? "" : v),
        ),
      );
    }
  }
  return (sheet, row, column) => values.get(`${sheet.name}!${row},${column}`) ?? "";
}

async function workbookWithForms(people: number): Promise<FakeExcel> {
  const list = Array.from({ length: people }, (_, i) => ({
    name: `员工${i + 1}`,
    id: `E${i + 1}`,
    department: `部门${i % 6}`,
  }));
  const forms = ([1, 2, 3, 4] as const).map((quarter) => {
    const r = appraisalPlan({
      template: STAFF_TEMPLATE,
      period: { year: 2026, quarter },
      people: list,
      scale: "five",
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      scores: list.map((_, i) => Array.from({ length: 20 }, () => ((i * 7 + quarter) % 4) + 2)),
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    return r.value;
  });
  const fake = createFakeExcel({ sheets: ["Sheet1"], formulaValue: engineValues(forms) });
  fake.setPayloadLimit(Number.MAX_SAFE_INTEGER);
  await writePlans(
    fake.context as Excel.RequestContext,
    { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...forms] },
    { maxRequestBytes: Number.MAX_SAFE_INTEGER },
  );
  return fake;
}

interface Flow {
  readonly readSyncs: number;
  readonly writeSyncs: number;
  readonly people: number;
}

/** What the pane does in Excel: read forms, read settings, generate, write. */
async function flow(fake: FakeExcel, limits: "excel" | "none" = "excel"): Promise<Flow> {
  const run: ExcelRunner = (batch) => batch(fake.context as Excel.RequestContext);
  if (limits === "none") fake.setResponseLimit(Number.MAX_SAFE_INTEGER);
  const host = new ExcelHost(
    run,
    limits === "none"
      ? { targetResponseBytes: Number.MAX_SAFE_INTEGER, maxCellsPerRequest: Number.MAX_SAFE_INTEGER }
      : {},
  );
  const start = fake.syncCount;
  const source = await readFormsSource(host, 2026, (n) => `${n} forms`);
  if (!source) throw new Error("no forms found");
  const state = decideWorkbookSettings(await host.findPlans(), await host.readNames(Object.values(SETTING_NAMES)));
  if (state.status !== "present") throw new Error("settings not found");
  const read = peopleOf(source, 2026, state.settings);
  const afterRead = fake.syncCount;
  const f = parseFormula(FORMULA, BONUS_FORMULA_LANGUAGE);
  if (!f.ok) throw new Error(f.problem.message.en);
  const built = bonusPlan({
    year: 2026,
    quarter: 4,
    people: read.people,
    locale: "zh-CN",
    settings: state.settings,
    quarterFormula: f.value,
    source: { zh: source.label, en: source.label },
  });
  if (!built.ok) throw new Error(built.problem.message.en);
  await host.write({ sheets: [built.value.plan] });
  return { readSyncs: afterRead - start, writeSyncs: fake.syncCount - afterRead, people: read.people.length };
}

test("the pane's Excel flow: round trips independent of the people, forms untouched, the formula written as Excel", async () => {
  const small = await workbookWithForms(200);
  const large = await workbookWithForms(4000);
  const formBefore = JSON.stringify([...large.state.sheets[2]!.cells.entries()].slice(0, 5000));
  const s = await flow(small);
  const l = await flow(large);
  expect([s.people, l.people]).toEqual([200, 4000]);
  // Under Excel on the web's 5 MB response limit, reading 4,000 people takes more (sized) chunks;
  // without the limit, the round trips are the same for 200 and 4,000 people.
  expect(l.readSyncs).toBeGreaterThanOrEqual(s.readSyncs);
  const [u1, u2] = [
    await flow(await workbookWithForms(200), "none"),
    await flow(await workbookWithForms(4000), "none"),
  ];
  expect(u2.readSyncs).toBe(u1.readSyncs);
  expect(l.writeSyncs).toBe(s.writeSyncs);
  expect(JSON.stringify([...large.state.sheets[2]!.cells.entries()].slice(0, 5000))).toBe(formBefore);

  const sheet = large.state.sheets.find((x) => x.name === "季度奖金 2026-Q4")!;
  expect(sheet).toBeDefined();
  const markerJson = String(cellAt(sheet, 1, 24)?.value ?? "");
  const meta = checkedMeta(bonusMarkerOf({ sheetName: sheet.name, marker: parseMarkerJson(markerJson)! }));
  const row = meta.firstRow + 5;
  const col = (letter: string): number => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const quarterCell = cellAt(sheet, row, col(meta.columns.quarterExact));
  expect(quarterCell?.formula).toBe(
    `=IF(OR($G${row}="",$K${row}=""),"",IF($K${row}=SVC_Bonus_FailedGrade,0,IF($K${row}="D",0,$G${row}*0.2*$O${row})))`,
  );
  // The grades came from the forms (person 6 scores ((5 × 7 + q) % 4) + 2 in Q1–Q4: 2, 3, 4, 5 → D, C, B, A).
  expect(meta.gradeColumns.map((c) => cellAt(sheet, row, col(c))?.value)).toEqual(["D", "C", "B", "A"]);
  console.log(
    `fake Excel, bonus from 4 appraisal forms: 200 people → ${s.readSyncs} read + ${s.writeSyncs} write syncs; 4,000 people → ${l.readSyncs} read + ${l.writeSyncs} write syncs`,
  );
}, 600_000);
