import { DEFAULT_SETTINGS } from "../../core/settings";
import { UNUSABLE_PEOPLE } from "../../core/bonus";
import type { RangeData } from "../plan";
import { peopleFromReading, peopleFromTable, unusableReason } from "./read";

const table = (values: unknown[][]): RangeData => ({
  sheetName: "人员",
  address: "A1",
  firstRow: 1,
  firstColumn: 1,
  values: values as RangeData["values"],
});

describe("unusableReason: why no bonus sheet can be built, found by reason code", () => {
  test.each([
    ["an empty table", table([]), "emptyTable"],
    [
      "no name column",
      table([
        ["工号", "部门"],
        ["S1", "一部"],
      ]),
      "noNameColumn",
    ],
    [
      "a header and nobody",
      table([
        ["姓名", "岗位标准绩效"],
        [null, 60000],
      ]),
      "nobody",
    ],
  ])("%s", (_, range, because) => {
    const read = peopleFromTable(range, 2026, DEFAULT_SETTINGS);
    expect(read.fatal).toBe(true);
    const reason = unusableReason(read);
    expect(reason?.reason).toEqual({ code: UNUSABLE_PEOPLE, params: { because } });
    // Panes used to take the last problem; the coded one is still the one that explains it.
    expect(reason).toBe(read.problems[read.problems.length - 1]);
  });

  test("forms of other years only: the coded problem, not the list of unused forms before it", () => {
    const read = peopleFromReading(
      { forms: [{ sheetName: "考核表 2025-Q4", period: "2025-Q4", rows: [] }], problems: [] },
      2026,
      DEFAULT_SETTINGS,
    );
    expect(read.problems).toHaveLength(2);
    expect(unusableReason(read)?.reason).toEqual({
      code: UNUSABLE_PEOPLE,
      params: { because: "noQuarterForms", year: 2026 },
    });
  });

  test("a usable read has no such reason", () => {
    const read = peopleFromTable(table([["姓名"], ["张三"]]), 2026, DEFAULT_SETTINGS);
    expect(read.fatal).toBe(false);
    expect(unusableReason(read)).toBeNull();
  });
});
