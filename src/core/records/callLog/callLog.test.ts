import { computeCallLog, readCalls, sampleCalls, writtenContactAt, type CallEntry } from ".";

const DAY = 46300; // 2026-10-06
const H = 1 / 24;

function call(over: Partial<CallEntry> & { at: number }): CallEntry {
  return {
    channel: "phone",
    caller: "公交二公司",
    contact: null,
    orderId: null,
    vehicle: null,
    category: null,
    summary: null,
    takenBy: null,
    answer: null,
    answeredBy: null,
    answeredAt: null,
    archive: null,
    ...over,
  };
}

describe("readCalls", () => {
  test("reads Chinese headers, keeps order numbers as text, reports bad cells with row and column, leaves out rows without a time", () => {
    const r = readCalls([
      ["时间", "方式", "工单号", "故障类别", "答复方式", "答复时间", "存档位置"],
      ["2026-10-06 08:30", "来电", 20261005001, "底盘", "复函", "2026-10-06 12:00", "复函卷1"],
      ["", "来函", "WO-2", "", "", "", ""],
      ["2026-10-07 09:00", "飞鸽", "=HYPERLINK(1)", "车身", "", "", ""],
    ]);
    expect(r.fatal).toBe(false);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[0]).toMatchObject({
      orderId: "20261005001",
      category: "chassisEngine",
      answeredBy: "written",
      sourceRow: 2,
    });
    expect(r.calls[1]).toMatchObject({ orderId: "=HYPERLINK(1)", channel: null, sourceRow: 4 });
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "时间"],
      [4, "方式"],
    ]);
    expect(r.problems[1]!.message.en).toContain("Channel must be one of Call / Letter / Fax / E-mail");
  });

  test("a table without a time column cannot be read, and says which column is missing", () => {
    const r = readCalls([
      ["用户", "内容"],
      ["长运", "咨询"],
    ]);
    expect(r.fatal).toBe(true);
    expect(r.problems[0]!.message.zh).toContain("来电来函时间");
  });
});

describe("computeCallLog", () => {
  const options = { asOf: DAY + 2, chassisReplyHours: 12 };

  test("puts the log in time order and checks written contact for chassis-engine faults against 12 hours", () => {
    const calls = [
      // On time: a written, archived answer 11 h later, logged on a later line of the same order.
      call({ at: DAY + 1, orderId: "WO-1", category: "chassisEngine" }),
      call({
        at: DAY + 1 + 11 * H,
        orderId: "wo-1",
        answeredBy: "written",
        answeredAt: DAY + 1 + 11 * H,
        archive: "卷1",
      }),
      // Late: written after 13 h.
      call({
        at: DAY,
        orderId: "WO-2",
        category: "chassisEngine",
        answeredBy: "written",
        answeredAt: DAY + 13 * H,
        archive: "卷1",
      }),
      // Written but not archived: not proven; due still (as of is 10 h later).
      call({
        at: DAY + 2 - 10 * H,
        orderId: "WO-3",
        category: "chassisEngine",
        answeredBy: "written",
        answeredAt: DAY + 2 - 9 * H,
      }),
      // Answered by phone only, 20 h ago: missed.
      call({
        at: DAY + 2 - 20 * H,
        category: "chassisEngine",
        answeredBy: "phone",
        answeredAt: DAY + 2 - 19 * H,
        archive: "卷2",
      }),
      call({ at: DAY + 0.5, category: "body" }),
    ];
    const r = computeCallLog(calls, options);
    expect(r.lines.map((l) => l.call.orderId)).toEqual(["WO-2", null, "WO-1", null, "wo-1", "WO-3"]);
    expect(r.lines.map((l) => l.writtenCheck)).toEqual(["late", null, "onTime", "missed", null, "pending"]);
    expect(r.lines.map((l) => l.status)).toEqual(["closed", "pending", "pending", "closed", "closed", "notArchived"]);
    expect(r.lines[0]!.hoursToAnswer).toBeCloseTo(13, 9);
    expect(r.lines[2]!.firstWrittenAnswer).toBe(DAY + 1 + 11 * H);
    expect(r.counts).toEqual({
      entries: 6,
      pending: 2,
      notArchived: 1,
      closed: 3,
      written: { onTime: 1, late: 1, pending: 1, missed: 1 },
    });
  });

  test("a written answer before the call does not prove contact for it", () => {
    const calls = [
      call({ at: DAY, orderId: "WO-9", answeredBy: "written", answeredAt: DAY + H, archive: "卷1" }),
      call({ at: DAY + 1, orderId: "WO-9", category: "chassisEngine" }),
    ];
    expect(writtenContactAt(calls, "WO-9", DAY)).toBe(DAY + H);
    expect(writtenContactAt(calls, "WO-9", DAY + 1)).toBeNull();
    expect(computeCallLog(calls, { asOf: DAY + 3, chassisReplyHours: 12 }).lines[1]!.writtenCheck).toBe("missed");
  });

  test("the sample is the same for the same seed, and covers every check", () => {
    const a = sampleCalls(7, 40, 2026, 10);
    expect(sampleCalls(7, 40, 2026, 10)).toEqual(a);
    const r = computeCallLog(a, { asOf: 46330, chassisReplyHours: 12 });
    expect(r.counts.written.onTime).toBeGreaterThan(0);
    expect(r.counts.written.late + r.counts.written.missed).toBeGreaterThan(0);
    expect(r.counts.pending).toBeGreaterThan(0);
  });
});
