/**
 * Workbook faults at the Office.js layer (issue 15 point 6, issue 9): a protected workbook, a
 * plan using a name the workbook lost, filters on the source, reading computed values with
 * their types, and removing our own sheets with the names that refer to them. Each refusal is
 * made before anything is written, so the workbook stays exactly as it was.
 */
import { createFakeExcel, key, type FakeExcel } from "../../test/fakes/excel";
import { appraisalPlan } from "../../test/fixtures/plans";
import type { WorkbookPlan } from "../sheets/plan";
import { readRanges, readRange, readSelection } from "./read";
import { removeSheets, sheetOfNameFormula } from "./remove";
import { PROTECTED_WORKBOOK_REFUSAL, PlanWriteError, writePlans } from "./write";

const ctx = (f: FakeExcel) => f.context as Excel.RequestContext;
const snapshot = (f: FakeExcel) => JSON.stringify(f.state.snapshot());

async function refusal(fake: FakeExcel, plan: WorkbookPlan): Promise<PlanWriteError> {
  const e = await writePlans(ctx(fake), plan).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PlanWriteError);
  return e as PlanWriteError;
}

describe("writing into a workbook that cannot take it", () => {
  it("a protected workbook structure: refused before anything is written, in both languages", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    fake.state.structureProtected = true;
    const before = snapshot(fake);
    const e = await refusal(fake, appraisalPlan(3));
    expect(e.text).toEqual(PROTECTED_WORKBOOK_REFUSAL);
    expect(e.text.zh).toContain("保护工作簿");
    expect(snapshot(fake)).toBe(before);
    expect(fake.syncCount).toBe(1);
  });

  it("formulas using a workbook name that no longer exists: refused naming it, nothing written", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "KPI",
          marker: { kind: "kpi", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [{ at: "A1", rows: [[{ f: "=SVC_KPI_Target_OnTime*100" }, { f: "=Own_Name+1" }]] }],
          names: [{ name: "Own_Name", range: "C1" }],
          conditionalFormats: [
            {
              range: "A1",
              rule: { type: "cellValue", operator: "lessThan", formula1: "SVC_KPI_Target_Csat" },
              style: { fontColor: "FF0000" },
            },
          ],
        },
      ],
    };
    const before = snapshot(fake);
    const e = await refusal(fake, plan);
    expect(e.text.en).toMatch(/use the workbook names SVC_KPI_Target_OnTime, SVC_KPI_Target_Csat, which the workbook/);
    expect(e.text.zh).toContain("SVC_KPI_Target_OnTime、SVC_KPI_Target_Csat");
    expect(e.text.en).not.toContain("Own_Name");
    expect(snapshot(fake)).toBe(before);
    // With the names there, the same plan is written.
    fake.state.names.push({ name: "SVC_KPI_Target_OnTime", formula: "=0.9", comment: "", visible: true });
    fake.state.names.push({ name: "SVC_KPI_Target_Csat", formula: "=0.9", comment: "", visible: true });
    await expect(writePlans(ctx(fake), plan)).resolves.toMatchObject({ sheets: [{ actual: "KPI" }] });
  });
});

describe("reading what the user filtered", () => {
  function orders(): FakeExcel {
    const fake = createFakeExcel({ sheets: ["工单"] });
    const s = fake.state.sheets[0]!;
    ["工单号", "满意度"].forEach((h, i) => s.cells.set(key(1, i + 1), { value: h }));
    for (let r = 2; r <= 11; r++) {
      s.cells.set(key(r, 1), { value: `WO-${r}` });
      s.cells.set(key(r, 2), { value: r });
    }
    return fake;
  }

  it("every row is read and the rows a filter hides are counted, with one more sync only when filtered", async () => {
    const plain = orders();
    plain.select("工单", "A:B");
    const all = await readSelection(ctx(plain));
    expect([all.values.length, all.hiddenRows, plain.syncCount]).toEqual([11, undefined, 2]);

    const filtered = orders();
    filtered.filter("工单", "A1:B11", [3, 5, 6]);
    filtered.select("工单", "A:B");
    const before = snapshot(filtered);
    const d = await readSelection(ctx(filtered));
    expect(d.values).toEqual(all.values);
    expect(d.hiddenRows).toBe(3);
    expect(filtered.syncCount).toBe(3);
    expect(snapshot(filtered)).toBe(before);
    const r = await readRange(ctx(filtered), "工单", "A1:B4");
    expect(r.hiddenRows).toBe(1);
  });
});

describe("computed values with their types, and removing our own sheets", () => {
  it("readRanges with valueTypes tells an error from text", async () => {
    const fake = createFakeExcel({
      sheets: ["A", "B"],
      formulaValue: (sheet) => (sheet.name === "A" ? { error: "#N/A" } : "#N/A"),
    });
    fake.state.sheets[0]!.cells.set(key(1, 1), { formula: "=NA()" });
    fake.state.sheets[1]!.cells.set(key(1, 1), { formula: '="#N/A"' });
    const [a, b] = await readRanges(
      ctx(fake),
      [
        { sheetName: "A", address: "A1" },
        { sheetName: "B", address: "A1" },
      ],
      { with: "valueTypes" },
    );
    expect([a!.values, a!.valueTypes, a!.numberFormats]).toEqual([[["#N/A"]], [["Error"]], undefined]);
    expect([b!.values, b!.valueTypes]).toEqual([[["#N/A"]], [["String"]]]);
  });

  it("removes the sheets and every name referring to them, never another sheet or name (2 syncs)", async () => {
    const fake = createFakeExcel({ sheets: ["Mine"] });
    await writePlans(ctx(fake), {
      sheets: [
        ...appraisalPlan(3).sheets,
        { name: "It's temp", marker: { kind: "problems", version: 1, meta: {} }, markerCell: "Z1", cells: [] },
      ],
    });
    fake.state.names.push({
      name: "Users_Name",
      sheet: fake.state.sheets[0],
      rect: { top: 1, left: 1, bottom: 1, right: 1 },
      comment: "",
      visible: true,
    });
    const ours = fake.state.sheets.slice(1).map((s) => s.name);
    const start = fake.syncCount;
    const r = await removeSheets(ctx(fake), [...ours, "Gone already"]);
    expect(fake.syncCount - start).toBe(2);
    expect(r.sheets).toEqual(ours);
    expect(r.missing).toEqual(["Gone already"]);
    expect(r.names.length).toBe(2); // the two markers
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Mine"]);
    expect(fake.state.names.map((n) => n.name)).toEqual(["Users_Name"]);
    expect(fake.state.tables).toEqual([]);
  });

  it("reads which sheet a name refers to", () => {
    expect(sheetOfNameFormula("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfNameFormula("='It''s temp'!$A$1:$B$9")).toBe("It's temp");
    expect(sheetOfNameFormula("='考核参数'!$B$3")).toBe("考核参数");
    expect(sheetOfNameFormula("=0.9")).toBeUndefined();
    expect(sheetOfNameFormula("=#REF!")).toBeUndefined();
  });
});
