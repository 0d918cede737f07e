import { createFakeExcel, key, type FakeExcel } from "../../test/fakes/excel";
import { APPRAISAL_SHEET, QUOTED_SHEET, SETTINGS_SHEET, richSamplePlan } from "../../test/fixtures/plans";
import { findPlans, readNames, readRange, readRanges, readSelection, RangeReadError } from "./read";
import { writePlans } from "./write";

function dataWorkbook(rows = 5): FakeExcel {
  const fake = createFakeExcel({ sheets: ["Sheet1", "工单"] });
  const s = fake.state.sheets[1]!;
  const header = ["工单号", "报修时间", "服务人员", "满意度"];
  header.forEach((h, i) => s.cells.set(16384 + i, { value: h }));
  for (let r = 2; r <= rows + 1; r++) {
    s.cells.set(r * 16384, { value: `WO-${r}` });
    s.cells.set(r * 16384 + 1, { value: 46300 + r / 24 });
    if (r % 2) s.cells.set(r * 16384 + 2, { value: "张三" });
    s.cells.set(r * 16384 + 3, { value: 8 });
  }
  s.formats.push({
    rect: { top: 2, left: 2, bottom: rows + 1, right: 2 },
    prop: "numberFormat",
    value: "yyyy-mm-dd hh:mm",
  });
  return fake;
}

const ctx = (f: FakeExcel) => f.context as Excel.RequestContext;

describe("readRange / readSelection", () => {
  it("reads values and number formats as the user has them; blanks are null", async () => {
    const fake = dataWorkbook(3);
    const d = await readRange(ctx(fake), "工单", "A1:D4");
    expect(d).toMatchObject({ sheetName: "工单", address: "A1:D4", firstRow: 1, firstColumn: 1 });
    expect(d.values).toEqual([
      ["工单号", "报修时间", "服务人员", "满意度"],
      ["WO-2", 46300 + 2 / 24, null, 8],
      ["WO-3", 46300 + 3 / 24, "张三", 8],
      ["WO-4", 46300 + 4 / 24, null, 8],
    ]);
    expect(d.numberFormats![1]).toEqual(["General", "yyyy-mm-dd hh:mm", "General", "General"]);
    expect(fake.syncCount).toBe(2);
  });

  it("cuts whole-column selections to the used range", async () => {
    const fake = dataWorkbook(10);
    fake.select("工单", "A:C");
    const d = await readSelection(ctx(fake));
    expect(d.address).toBe("A1:C11");
    expect(d.values).toHaveLength(11);
  });

  it("reads large ranges in bounded chunks: one sync per chunk plus one", async () => {
    const fake = dataWorkbook(250);
    const progress: { rowsRead: number; rowsTotal: number }[] = [];
    const d = await readRange(ctx(fake), "工单", "A1:D251", {
      maxCellsPerRequest: 100,
      onProgress: (p) => progress.push(p),
    });
    expect(d.values).toHaveLength(251);
    expect(d.values[250]).toEqual(["WO-251", 46300 + 251 / 24, "张三", 8]);
    expect(fake.syncCount).toBe(1 + Math.ceil(251 / 25));
    // Rows read after each chunk, for the pane's progress.
    expect(progress).toHaveLength(1 + Math.ceil(251 / 25));
    expect(progress[0]).toEqual({ rowsRead: 0, rowsTotal: 251 });
    expect(progress[1]).toEqual({ rowsRead: 25, rowsTotal: 251 });
    expect(progress[progress.length - 1]).toEqual({ rowsRead: 251, rowsTotal: 251 });
  });

  it("names the missing sheet", async () => {
    const fake = dataWorkbook();
    const e = await readRange(ctx(fake), "nope", "A1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RangeReadError);
    expect((e as RangeReadError).text.zh).toContain("nope");
  });

  it("returns an empty table for an empty selection area", async () => {
    const fake = dataWorkbook(2);
    fake.select("Sheet1", "B2:C3");
    expect((await readSelection(ctx(fake))).values).toEqual([]);
  });
});

describe("findPlans / readNames", () => {
  it("finds generated sheets by marker, also after the user renamed one, in 2 syncs", async () => {
    const fake = createFakeExcel();
    await writePlans(ctx(fake), richSamplePlan());
    fake.state.findSheet(APPRAISAL_SHEET)!.name = "我的考核表";
    const before = fake.syncCount;
    const found = await findPlans(ctx(fake));
    expect(fake.syncCount - before).toBe(2);
    expect(found.map((f) => [f.sheetName, f.marker.kind, f.marker.meta])).toEqual([
      [SETTINGS_SHEET, "settings", { bandsAt: "A4:C7" }],
      ["我的考核表", "appraisal", { period: "2026-Q3", firstRow: 4, lastRow: 13 }],
      [QUOTED_SHEET, "problems", { note: "sheet name that must be quoted in references" }],
    ]);
  });

  it("ignores marker names whose cell no longer holds a marker or whose sheet is gone", async () => {
    const fake = createFakeExcel();
    await writePlans(ctx(fake), richSamplePlan());
    fake.state.findSheet(SETTINGS_SHEET)!.cells.set(16384 + 25, { value: "overwritten by the user" });
    fake.state.deleteSheet(fake.state.findSheet(QUOTED_SHEET)!);
    expect((await findPlans(ctx(fake))).map((f) => f.marker.kind)).toEqual(["appraisal"]);
  });

  it("reads names: ranges as values, missing or non-range names as undefined, in 2 syncs", async () => {
    const fake = createFakeExcel();
    await writePlans(ctx(fake), richSamplePlan());
    fake.state.names.push({ name: "Constant", formula: "=0.9", comment: "", visible: true });
    const before = fake.syncCount;
    const out = await readNames(ctx(fake), ["SVC_Weights", "svc_bounds", "Constant", "Missing"]);
    expect(fake.syncCount - before).toBe(2);
    expect(out).toEqual({
      SVC_Weights: [[0.6, 0.2, 0.2]],
      svc_bounds: [[4.5], [4], [3], [0]],
      Constant: undefined,
      Missing: undefined,
    });
  });
});

describe("reads sized by the data (issue 9)", () => {
  /** A sheet with long text: 3,000 rows × 2 columns of 400 characters each. */
  function longText(): FakeExcel {
    const fake = createFakeExcel({ sheets: ["Notes"] });
    const s = fake.state.sheets[0]!;
    for (let r = 1; r <= 3000; r++) {
      s.cells.set(key(r, 1), { value: `${r}:${"备注".repeat(200)}` });
      s.cells.set(key(r, 2), { value: "x".repeat(400) });
    }
    return fake;
  }

  it("halves a chunk Excel refuses as too large and sizes the next ones by the bytes per row", async () => {
    const fake = longText();
    fake.setResponseLimit(1_000_000); // Excel on the web: 5 MB; lowered so 3,000 rows do not fit
    const d = await readRange(fake.context as Excel.RequestContext, "Notes", "A1:B3000", {
      targetResponseBytes: 800_000,
    });
    expect(d.values).toHaveLength(3000);
    expect(d.values[2999]![0]).toMatch(/^3000:/);
    expect(fake.syncs.some((x) => x.failed)).toBe(true); // the first, cell-sized chunk was refused
    expect(fake.syncs.filter((x) => !x.failed).length).toBeGreaterThan(2);
  });

  it("reads several sheets in one run with syncs that do not grow with the number of sheets", async () => {
    const few = createFakeExcel({ sheets: ["A", "B"] });
    const many = createFakeExcel({ sheets: Array.from({ length: 40 }, (_, i) => `S${i}`) });
    for (const f of [few, many])
      for (const s of f.state.sheets) for (let r = 1; r <= 20; r++) s.cells.set(key(r, 1), { value: r });
    const a = await readRanges(
      few.context as Excel.RequestContext,
      few.state.sheets.map((s) => ({ sheetName: s.name, address: "A1:C20" })),
    );
    const b = await readRanges(
      many.context as Excel.RequestContext,
      many.state.sheets.map((s) => ({ sheetName: s.name, address: "A1:C20" })),
    );
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(40);
    expect(b[39]!.values[19]).toEqual([20]);
    expect(few.syncCount).toBe(3);
    expect(many.syncCount).toBe(3);
  });

  it("names a missing sheet", async () => {
    const fake = createFakeExcel({ sheets: ["A"] });
    await expect(
      readRanges(fake.context as Excel.RequestContext, [{ sheetName: "Nope", address: "A1" }]),
    ).rejects.toThrow(/There is no sheet "Nope"/);
  });
});
