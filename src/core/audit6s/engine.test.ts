import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../settings";
import { dateTimeToSerial } from "../dates/serial";
import {
  DEFAULT_CHECKLIST,
  EQUAL_WEIGHTS,
  SAFETY_WEIGHTED,
  SCALES,
  isOpenAction,
  readChecklistTable,
  monthCodeOf,
  parseScaleId,
  readScoreCell,
  scoreArea,
  summarizeAudits,
  validateAreas,
  validateChecklist,
  validateSWeights,
  type AreaAuditRecord,
  type AreaItem,
  type AuditItemRecord,
  type SIndex,
} from "./engine";
import { expectOk } from "../../../test/support/result";

const FIVE = SCALES["0-5"];
const PF = SCALES.passFail;

function day(y: number, m: number, d: number): number {
  const r = dateTimeToSerial({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (!r.ok) throw new Error("bad date");
  return r.value;
}

function area(items: readonly AreaItem[], weights: readonly number[] = EQUAL_WEIGHTS, scale = FIVE) {
  const r = scoreArea(items, scale, weights);
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

const it6 = (scores: (number | null)[], critical: boolean[] = []): AreaItem[] =>
  scores.map((score, i) => ({ s: (i % 6) as SIndex, critical: critical[i] ?? false, score }));

describe("checklist", () => {
  test("the default checklist has the policy's items under six S, Safety sixth", () => {
    expect(DEFAULT_CHECKLIST).toHaveLength(20);
    expect(validateChecklist(DEFAULT_CHECKLIST).ok).toBe(true);
    const perS = [0, 1, 2, 3, 4, 5].map((s) => DEFAULT_CHECKLIST.filter((i) => i.s === s).length);
    expect(perS).toEqual([3, 3, 3, 3, 3, 5]);
    expect(DEFAULT_CHECKLIST.some((i) => i.critical)).toBe(false);
  });

  test("refuses empty checklists, blank and over-long items, naming the S and item", () => {
    expect(validateChecklist([]).ok).toBe(false);
    const blank = validateChecklist([
      { s: 0, text: "a" },
      { s: 2, text: "b" },
      { s: 2, text: "  " },
    ]);
    expect(!blank.ok && blank.problem.message).toEqual({ zh: "清扫第 2 项没有内容", en: "Shine item 2 has no text" });
    const long = validateChecklist([{ s: 5, text: "x".repeat(201) }]);
    expect(!long.ok && long.problem.message.en).toBe("Safety item 1 is longer than 200 characters");
  });

  test("areas: none, blank, too long and duplicates (after trimming and full-width folding) are refused", () => {
    expect(validateAreas(["维修车间", "备件库"]).ok).toBe(true);
    expect(validateAreas([]).ok).toBe(false);
    const dup = validateAreas(["维修车间", " 维修车间 "]);
    expect(!dup.ok && dup.problem.message.en).toBe('the area " 维修车间 " appears twice (areas 1 and 2)');
    expect(validateAreas(["ＡＢ", "ab"]).ok).toBe(false);
    expect(validateAreas(["", "x"]).ok).toBe(false);
  });

  test("weights: six, none negative, not all zero", () => {
    expect(validateSWeights(SAFETY_WEIGHTED)).toEqual({ ok: true, value: [1, 1, 1, 1, 1, 2] });
    expect(validateSWeights(["20%", "20%", "15%", "15%", "15%", "15%"]).ok).toBe(true);
    expect(validateSWeights([1, 1, 1]).ok).toBe(false);
    expect(validateSWeights([0, 0, 0, 0, 0, 0]).ok).toBe(false);
    const neg = validateSWeights([1, 1, 1, 1, -1, 1]);
    expect(!neg.ok && neg.problem.message.en).toMatch(/weight 5 is negative/);
  });

  test("scale ids as people type them", () => {
    expect(parseScaleId("0–10")).toEqual({ ok: true, value: "0-10" });
    expect(parseScaleId("合格/不合格")).toEqual({ ok: true, value: "passFail" });
    expect(parseScaleId("pass/fail")).toEqual({ ok: true, value: "passFail" });
    expect(parseScaleId("0-7").ok).toBe(false);
  });
});

describe("readScoreCell mirrors the sheet's formula", () => {
  test("points: numbers within the scale, N/A and blank are null, others are problems", () => {
    expect(readScoreCell(4, FIVE)).toEqual({ ok: true, value: 4 });
    expect(readScoreCell(0, FIVE)).toEqual({ ok: true, value: 0 });
    expect(readScoreCell(5, FIVE)).toEqual({ ok: true, value: 5 });
    expect(readScoreCell("不适用", FIVE)).toEqual({ ok: true, value: null });
    expect(readScoreCell("N/A", FIVE)).toEqual({ ok: true, value: null });
    expect(readScoreCell(null, FIVE)).toEqual({ ok: true, value: null });
    expect(readScoreCell(6, FIVE).ok).toBe(false);
    expect(readScoreCell(-1, FIVE).ok).toBe(false);
    // Text that looks like a number is not a number to ISNUMBER either.
    expect(readScoreCell("4", FIVE).ok).toBe(false);
    expect(readScoreCell(true, FIVE).ok).toBe(false);
  });

  test("pass/fail: 合格/Pass = 1, 不合格/Fail = 0 in any letter case; numbers are problems", () => {
    expect(readScoreCell("合格", PF)).toEqual({ ok: true, value: 1 });
    expect(readScoreCell("PASS", PF)).toEqual({ ok: true, value: 1 });
    expect(readScoreCell("不合格", PF)).toEqual({ ok: true, value: 0 });
    expect(readScoreCell("fail", PF)).toEqual({ ok: true, value: 0 });
    expect(readScoreCell("不适用", PF)).toEqual({ ok: true, value: null });
    expect(readScoreCell(1, PF).ok).toBe(false);
    expect(readScoreCell("OK", PF).ok).toBe(false);
  });
});

describe("scoreArea", () => {
  test("S percent, weighted total and rating", () => {
    // 整理 5+3 of 10 = 80; 整顿 4 of 5 = 80; others not scored.
    const r = area([
      { s: 0, critical: false, score: 5 },
      { s: 0, critical: false, score: 3 },
      { s: 1, critical: false, score: 4 },
    ]);
    expect(r.s.map((x) => x.percent)).toEqual([80, 80, null, null, null, null]);
    expect(r.s[0]).toMatchObject({ score: 8, max: 10, applicable: 2, criticalZeros: 0 });
    expect(r.total).toBe(80);
    expect(r.rating).toBe("良好");
    expect(r.scored).toBe(3);
  });

  test("all N/A: no S score, no total, no rating (never 0)", () => {
    const r = area(it6([null, null, null, null, null, null]));
    expect(r.s.every((x) => x.percent === null)).toBe(true);
    expect(r.total).toBeNull();
    expect(r.rating).toBeNull();
    expect(r.needsAction).toEqual([false, false, false, false, false, false]);
  });

  test("a critical item scored 0 fails its S; a critical item scored above 0 does not", () => {
    const items: AreaItem[] = [
      { s: 5, critical: true, score: 0 },
      { s: 5, critical: false, score: 5 },
      { s: 5, critical: false, score: 5 },
      { s: 0, critical: true, score: 1 },
      { s: 0, critical: false, score: 5 },
    ];
    const r = area(items);
    expect(r.s[5]).toMatchObject({ percent: 0, score: 10, max: 15, criticalZeros: 1 });
    expect(r.s[0].percent).toBe(60);
    expect(r.total).toBe(30);
    expect(r.rating).toBe("不合格");
    expect(r.needsAction).toEqual([true, false, false, true, false]);
  });

  test("pass/fail scale: pass = full, fail = zero, fail needs action", () => {
    const r = area(
      [
        { s: 0, critical: false, score: 1 },
        { s: 0, critical: false, score: 0 },
        { s: 1, critical: false, score: 1 },
      ],
      EQUAL_WEIGHTS,
      PF,
    );
    expect(r.s[0]).toMatchObject({ percent: 50, score: 1, max: 2 });
    expect(r.s[1].percent).toBe(100);
    expect(r.total).toBe(75);
    expect(r.needsAction).toEqual([false, true, false]);
  });

  test("weights are renormalised over the S that have scored items", () => {
    // Only 整理 (60) and 安全 (90) scored; 安全 weighs 2 → (60 + 180) / 3 = 80.
    const r = area(
      [
        { s: 0, critical: false, score: 3 },
        { s: 5, critical: false, score: 4.5 },
      ],
      SAFETY_WEIGHTED,
    );
    expect(r.total).toBeCloseTo(80, 12);
  });

  test("the middle of the scale needs no action; just below does", () => {
    expect(area([{ s: 0, critical: false, score: 2.5 }]).needsAction).toEqual([false]);
    expect(area([{ s: 0, critical: false, score: 2 }]).needsAction).toEqual([true]);
    const four = scoreArea(
      [
        { s: 0, critical: false, score: 2 },
        { s: 0, critical: false, score: 1 },
      ],
      SCALES["0-4"],
      EQUAL_WEIGHTS,
    );
    expect(four.ok && four.value.needsAction).toEqual([false, true]);
  });

  test("property: the total lies between the lowest and highest S percent, and is null exactly when no item is scored", () => {
    const scale = fc.constantFrom(SCALES["0-5"], SCALES["0-4"], SCALES["0-10"], SCALES.passFail);
    fc.assert(
      fc.property(
        scale,
        fc.array(
          fc.record({
            s: fc.constantFrom<SIndex>(0, 1, 2, 3, 4, 5),
            critical: fc.boolean(),
            pick: fc.oneof(fc.constant(null), fc.nat(10)),
          }),
          { maxLength: 30 },
        ),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }).filter((w) => w.some((x) => x > 0)),
        (sc, raw, weights) => {
          const max = sc.kind === "passFail" ? 1 : sc.max;
          const items = raw.map((x) => ({
            s: x.s,
            critical: x.critical,
            score: x.pick === null ? null : x.pick % (max + 1),
          }));
          const r = scoreArea(items, sc, weights);
          expectOk(r);
          const percents = r.value.s.map((x) => x.percent).filter((p): p is number => p !== null);
          const weighted = r.value.s
            .filter((x, i) => x.percent !== null && weights[i] > 0)
            .map((x) => x.percent as number);
          if (weighted.length === 0) expect(r.value.total).toBeNull();
          else {
            expect(r.value.total).not.toBeNull();
            expect(r.value.total!).toBeGreaterThanOrEqual(Math.min(...weighted) - 1e-9);
            expect(r.value.total!).toBeLessThanOrEqual(Math.max(...weighted) + 1e-9);
          }
          for (const p of percents) expect(p >= 0 && p <= 100).toBe(true);
          r.value.s.forEach((x, s) => {
            const failed = items.some((it) => it.s === s && it.critical && it.score === 0);
            if (failed) expect(x.percent).toBe(0);
            expect(x.applicable).toBe(items.filter((it) => it.s === s && it.score !== null).length);
          });
        },
      ),
    );
  });

  test("property: scaling every weight by the same factor changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })), { minLength: 6, maxLength: 18 }),
        fc.integer({ min: 1, max: 1000 }),
        (scores, k) => {
          const items = it6(scores);
          const a = area(items, SAFETY_WEIGHTED);
          const b = area(
            items,
            SAFETY_WEIGHTED.map((w) => w * k),
          );
          if (a.total === null) expect(b.total).toBeNull();
          else expect(b.total!).toBeCloseTo(a.total, 9);
        },
      ),
    );
  });
});

function rec(
  source: string,
  areaName: string,
  date: number | null,
  scores: (number | null)[],
  extra: Partial<AuditItemRecord>[] = [],
): AreaAuditRecord {
  const items = it6(scores);
  const result = area(items);
  return {
    source,
    area: areaName,
    date,
    result,
    items: items.map((it, i) => ({
      s: it.s,
      text: `item ${i + 1}`,
      critical: false,
      score: it.score,
      max: 5,
      needsAction: result.needsAction[i],
      finding: null,
      action: null,
      owner: null,
      due: null,
      status: null,
      ...extra[i],
    })),
  };
}

describe("summarizeAudits", () => {
  const nov3 = day(2026, 11, 3);
  const nov20 = day(2026, 11, 20);
  const oct15 = day(2026, 10, 15);

  test("month codes", () => {
    expect(monthCodeOf(nov20)).toBe(202611);
    expect(monthCodeOf(day(2026, 12, 31) + 0.99)).toBe(202612);
  });

  test("area × S matrix averages an area's audits of the month; other months go to the trend only", () => {
    const records = [
      rec("A", "维修车间", nov3, [5, 5, 5, 5, 5, 5]),
      rec("A", "备件库", nov3, [4, 4, 4, 4, 4, null]),
      rec("B", " 维修车间", nov20, [3, 5, 5, 5, 5, 5]),
      rec("C", "维修车间", oct15, [1, 1, 1, 1, 1, 1]),
    ];
    const r = summarizeAudits(records, { month: 202611, asOf: nov20 });
    if (!r.ok) throw new Error(r.problem.message.en);
    const s = r.value;
    expect(s.matrix.map((m) => m.name)).toEqual(["维修车间", "备件库"]);
    expect(s.matrix[0].s).toEqual([80, 100, 100, 100, 100, 100]);
    expect(s.matrix[0].audits).toBe(2);
    expect(s.matrix[1].s[5]).toBeNull();
    expect(s.matrix[1].total).toBe(80);
    expect(s.overall.audits).toBe(3);
    expect(s.months).toEqual([202610, 202611]);
    expect(s.trend.map((t) => t.name)).toEqual(["维修车间", "备件库"]);
    expect(s.trend[0].totals[0]).toBeCloseTo(20, 12);
    expect(s.trend[1].totals).toEqual([null, 80]);
  });

  test("the lowest items of the month, lowest first, ties in reading order, at most ten", () => {
    const scores = [2, 0, 5, 0, 3, 1, 4, 4, 4, 4, 4, 4];
    const r = summarizeAudits([rec("A", "维修车间", nov3, scores), rec("C", "维修车间", oct15, [0, 0, 0, 0, 0, 0])], {
      month: 202611,
      asOf: nov20,
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(r.value.lowest.map((l) => l.item)).toEqual([1, 3, 5, 0, 4, 6, 7, 8, 9, 10]);
    expect(r.value.lowest.every((l) => l.record === 0)).toBe(true);
  });

  test("open corrective actions up to the month, overdue as of a date; done ones are closed", () => {
    const items: Partial<AuditItemRecord>[] = [
      { action: "清理", owner: "张三", due: day(2026, 11, 10), status: "整改中" },
      { action: "补标识", owner: "李四", due: day(2026, 11, 30), status: "已完成" },
      { status: "DONE" },
      {},
      { action: "=cmd", status: null },
    ];
    const r = summarizeAudits(
      [rec("A", "维修车间", nov3, [1, 0, 2, 5, 5, 5], items), rec("Z", "备件库", day(2026, 12, 1), [0, 0, 0, 0, 0, 0])],
      {
        month: 202611,
        asOf: day(2026, 11, 20),
      },
    );
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(r.value.open.map((o) => [o.record, o.item, o.overdueDays])).toEqual([
      [0, 0, 10],
      [0, 4, null],
    ]);
    const base: AuditItemRecord = {
      s: 0,
      text: "",
      critical: false,
      score: 5,
      max: 5,
      needsAction: false,
      finding: null,
      action: null,
      owner: null,
      due: null,
      status: null,
    };
    expect(isOpenAction(base)).toBe(false);
    // A space is not empty to Excel's x="" either: an action was written.
    expect(isOpenAction({ ...base, action: " " })).toBe(true);
    expect(isOpenAction({ ...base, needsAction: true, status: "Done" })).toBe(false);
  });

  test("undated records are reported and left out; a month without audits is a problem naming the months present", () => {
    const r = summarizeAudits(
      [rec("A", "维修车间", null, [5, 5, 5, 5, 5, 5]), rec("B", "备件库", nov3, [5, 5, 5, 5, 5, 5])],
      { month: 202611, asOf: nov20 },
    );
    expect(r.ok && r.value.undated).toEqual([0]);
    const none = summarizeAudits([rec("B", "备件库", nov3, [5, 5, 5, 5, 5, 5])], { month: 202612, asOf: nov20 });
    expect(!none.ok && none.problem.message.en).toBe("there are no 6S audits in 2026-12 (months with audits: 2026-11)");
  });

  test("the rating of a matrix row follows the settings' scheme", () => {
    const r = summarizeAudits([rec("A", "维修车间", nov3, [5, 5, 5, 5, 4, 4])], {
      month: 202611,
      asOf: nov20,
      rating: {
        ...DEFAULT_SETTINGS.audit6s.rating,
        bands: [
          { lower: 95, code: "S", zh: "S", en: "S" },
          { lower: 0, code: "X", zh: "X", en: "X" },
        ],
      },
    });
    expect(r.ok && r.value.matrix[0].rating).toBe("X");
  });
});

describe("readChecklistTable", () => {
  test("headers in either language, S by name or number, critical as yes/no", () => {
    const r = readChecklistTable([
      ["6S", "检查项目", "关键"],
      ["安全", "消防通道畅通", "是"],
      ["Sort", "No clutter", ""],
      [3, "工具清洁", "N"],
      ["清新", "定期清洁", null],
      ["整理", "", "是"],
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { s: 5, text: "消防通道畅通", critical: true },
        { s: 0, text: "No clutter", critical: false },
        { s: 2, text: "工具清洁", critical: false },
        { s: 3, text: "定期清洁", critical: false },
      ],
    });
    expect(readChecklistTable([["Safety", "Exits clear"]])).toEqual({
      ok: true,
      value: [{ s: 5, text: "Exits clear", critical: false }],
    });
  });

  test("an unknown S or flag names the row", () => {
    const r = readChecklistTable([
      ["S", "item"],
      ["7S", "x"],
    ]);
    expect(!r.ok && r.problem).toMatchObject({ row: 2, column: "6S" });
    const f = readChecklistTable([["安全", "x", "maybe"]]);
    expect(!f.ok && f.problem.row).toBe(1);
    expect(readChecklistTable([["6S", "检查项目"]]).ok).toBe(false);
  });
});
