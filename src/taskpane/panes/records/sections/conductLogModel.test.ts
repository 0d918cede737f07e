import { checkConductLogForm, exampleCards, INITIAL_CONDUCT_LOG_FORM } from "./conductLogModel";

describe("the 违规与黄红牌 section's form", () => {
  test("blank rows are checked; a selection must be read and have the required columns", () => {
    expect(checkConductLogForm({ ...INITIAL_CONDUCT_LOG_FORM, blankRows: "x" }, 2026).errors.blankRows).toBeDefined();
    expect(checkConductLogForm({ ...INITIAL_CONDUCT_LOG_FORM, source: "selection" }, 2026).errors.source).toBeDefined();
    const missing = checkConductLogForm(
      {
        ...INITIAL_CONDUCT_LOG_FORM,
        source: "selection",
        selection: {
          address: "A1:B2",
          firstRow: 1,
          rows: [
            ["姓名", "日期"],
            ["张伟", "2026-01-05"],
          ],
        },
      },
      2026,
    );
    expect(missing.errors.source?.zh).toContain("牌别");
  });

  test("a selection is read with its row numbers; the example is the seeded year", () => {
    const r = checkConductLogForm(
      {
        ...INITIAL_CONDUCT_LOG_FORM,
        source: "selection",
        selection: {
          address: "A3:C5",
          firstRow: 3,
          rows: [
            ["日期", "姓名", "牌别"],
            ["2026-01-05", "张伟", "黄牌"],
            ["2026-01-06", "李芳", "蓝牌"],
          ],
        },
      },
      2026,
    );
    expect(r.value?.cards.map((c) => c.person)).toEqual(["张伟"]);
    expect(r.value?.problems.map((p) => p.row)).toEqual([5, 5]);
    expect(checkConductLogForm({ ...INITIAL_CONDUCT_LOG_FORM, source: "sample" }, 2026).value?.cards).toEqual(
      exampleCards(2026),
    );
  });
});
