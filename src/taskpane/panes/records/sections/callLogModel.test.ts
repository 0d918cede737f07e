import { checkCallLogForm, exampleCalls, initialCallLogForm, type CallLogForm } from "./callLogModel";

const base: CallLogForm = { source: "blank", asOf: "2026-10-28 09:00", blankRows: "30", selection: null };

describe("the 来电来函 section's form", () => {
  test("starts as an empty log as of now, to the minute", () => {
    const f = initialCallLogForm(new Date(2026, 9, 28, 9, 15, 42));
    expect(f).toEqual({ source: "blank", asOf: "2026-10-28 09:15", blankRows: "30", selection: null });
  });

  test("a bad as-of and blank-row count are named per field; a selection must have been read", () => {
    const r = checkCallLogForm({ ...base, asOf: "昨天", blankRows: "1001", source: "selection" });
    expect(r.value).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["asOf", "blankRows", "source"]);
  });

  test("a selection is read as a log: its rows, and the problems with their row", () => {
    const r = checkCallLogForm({
      ...base,
      source: "selection",
      selection: {
        address: "Sheet1!B3:E5",
        firstRow: 3,
        rows: [
          ["时间", "工单号", "答复方式", "答复时间"],
          ["2026-10-05 08:30", "WO-1", "书面", "2026-10-05 12:00"],
          ["2026-10-05 09:00", "WO-2", "短信", ""],
        ],
      },
    });
    expect(r.value?.calls.map((c) => c.orderId)).toEqual(["WO-1", "WO-2"]);
    expect(r.value?.problems.map((p) => [p.row, p.column])).toEqual([[5, "答复方式"]]);
  });

  test("a selection without a time column is refused, saying which column is missing", () => {
    const r = checkCallLogForm({
      ...base,
      source: "selection",
      selection: {
        address: "A1:B2",
        firstRow: 1,
        rows: [
          ["用户", "内容"],
          ["x", "y"],
        ],
      },
    });
    expect(r.errors.source?.zh).toContain("来电来函时间");
  });

  test("the example is the month before the as-of, the same every time", () => {
    const r = checkCallLogForm({ ...base, source: "sample" });
    expect(r.value?.calls).toHaveLength(40);
    expect(r.value?.calls).toEqual(exampleCalls(r.value!.asOf));
    const times = r.value!.calls.map((c) => c.at);
    // September 2026: serials 46266 (09-01) to 46296 (10-01).
    expect(Math.min(...times)).toBeGreaterThanOrEqual(46266);
    expect(Math.max(...times)).toBeLessThan(46296);
  });
});
