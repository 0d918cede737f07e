import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { dateTimeToSerial } from "../../core/dates";
import { DEFAULT_CHECKLIST, SAFETY_WEIGHTED, type ChecklistItem } from "../../core/audit6s/engine";
import { isFormulaCell, type FormulaCell, type PlanCell, type RangeData, type SheetPlan } from "../plan";
import { finalCells, keyColumn, keyRow, prepareWorkbookPlan } from "../formula/prepare";
import {
  audit6sPlan,
  audit6sSummaryPlan,
  pageFit,
  percentBar,
  readAudits,
  COL,
  type Audit6sOptions,
  type AuditSheetReading,
} from "./index";
import { expectProblem } from "../../../test/support/result";

function day(y: number, m: number, d: number): number {
  const r = dateTimeToSerial({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (!r.ok) throw new Error("bad date");
  return r.value;
}
const NOV20 = day(2026, 11, 20);

function options(o: Partial<Audit6sOptions> = {}): Audit6sOptions {
  return {
    areas: ["维修车间", "备件库"],
    date: NOV20,
    inspector: "王主管",
    unit: "售后服务部",
    scale: "0-5",
    checklist: DEFAULT_CHECKLIST,
    weights: "settings",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    ...o,
  };
}

function build(o: Partial<Audit6sOptions> = {}) {
  const r = audit6sPlan(options(o));
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

/** Every final cell of a plan by A1 address. */
function cells(plan: SheetPlan): Map<string, PlanCell> {
  const prepared = prepareWorkbookPlan({ sheets: [plan] }, { sheetNames: [], definedNames: [], tableNames: [] })
    .sheets[0];
  const out = new Map<string, PlanCell>();
  for (const [key, cell] of finalCells(prepared)) {
    const col = keyColumn(key);
    const letters =
      col <= 26
        ? String.fromCharCode(64 + col)
        : String.fromCharCode(64 + Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26));
    out.set(
      `${letters}${keyRow(key)}`,
      isFormulaCell(cell as PlanCell) ? (cell as FormulaCell) : (cell as { value: PlanCell }).value,
    );
  }
  return out;
}

function formulas(plan: SheetPlan): string[] {
  return [...cells(plan).values()].filter(isFormulaCell).map((c) => c.f);
}

/** A plan's literal cells as the reader sees them in a workbook (formula cells read as blank: the reader never uses them). */
function asRange(plan: SheetPlan): RangeData {
  const all = cells(plan);
  const values: (string | number | boolean | null)[][] = [];
  for (const [addr, cell] of all) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    while (values.length < row) values.push([]);
    values[row - 1][col - 1] = isFormulaCell(cell) ? null : (cell as string | number | boolean | null);
  }
  return {
    sheetName: plan.name,
    address: "A1",
    firstRow: 1,
    firstColumn: 1,
    values: values.map((r) => Array.from({ length: 15 }, (_, i) => r[i] ?? null)),
  };
}

async function readBack(plans: SheetPlan[]): Promise<AuditSheetReading[]> {
  const found = plans.map((p) => ({ sheetName: p.name, marker: p.marker }));
  const byName = new Map(plans.map((p) => [p.name, asRange(p)]));
  const r = await readAudits(found, async (reqs) => reqs.map((q) => byName.get(q.sheetName)!), DEFAULT_SETTINGS);
  expect(r.problems).toEqual([]);
  return r.audits;
}

describe("audit6sPlan", () => {
  test("one block per area: header, items grouped by S, S table, rating; marker meta describes the layout", () => {
    const { plan } = build();
    const meta = plan.marker.meta;
    expect(plan.marker.kind).toBe("audit6s");
    expect(plan.name).toBe("6S检查表 2026-11-20");
    expect(meta.areas.map((a) => a.name)).toEqual(["维修车间", "备件库"]);
    const a = meta.areas[0];
    const c = cells(plan);
    expect(c.get(`C${a.top}`)).toBe("维修车间");
    expect(c.get(`F${a.top}`)).toBe(NOV20);
    expect(c.get(`H${a.top}`)).toBe("王主管");
    expect(c.get(`C${a.top + 1}`)).toBe("售后服务部");
    expect(a.itemsLast - a.itemsFirst + 1).toBe(20);
    expect(c.get(`B${a.itemsFirst}`)).toBe("整理");
    expect(c.get(`B${a.itemsFirst + 15}`)).toBe("安全");
    expect(c.get(`C${a.itemsFirst}`)).toBe("分类整理是否合理，有无多余杂物");
    expect(plan.merges).toContain(`B${a.itemsFirst}:B${a.itemsFirst + 2}`);
    expect(plan.merges).toContain(`B${a.itemsFirst + 15}:B${a.itemsFirst + 19}`);
    expect(c.get(`B${a.sRows[5]}`)).toBe("安全");
    expect((c.get(`G${a.sRows[0]}`) as FormulaCell).f).toBe("=INDEX(SVC_6S_Weights,1)");
    expect((c.get(`D${a.ratingRow}`) as FormulaCell).f).toContain("SVC_6S_Rating_Codes");
    expect((c.get(`D${a.ratingRow}`) as FormulaCell).f).toContain("SVC_6S_Rating_Bounds");
    expect(meta.areas[1].top).toBe(a.bottom + 2);
  });

  test("the S percent leaves N/A and blanks out, a critical zero fails its S, the total renormalises weights", () => {
    const checklist: ChecklistItem[] = [
      { s: 0, text: "a" },
      { s: 0, text: "b" },
      { s: 0, text: "c" },
      { s: 5, text: "fire", critical: true },
      { s: 5, text: "lift" },
    ];
    const { plan, results } = build({
      areas: ["维修车间"],
      checklist,
      weights: SAFETY_WEIGHTED,
      entries: [[{ score: 4 }, { score: "na" }, {}, { score: 0 }, { score: 5 }]],
    });
    const a = plan.marker.meta.areas[0];
    const c = cells(plan);
    const pct = (s: number) => (c.get(`D${a.sRows[s]}`) as FormulaCell).expect;
    expect(pct(0)).toBe(80);
    expect(pct(5)).toBe(0);
    expect([1, 2, 3, 4].map(pct)).toEqual(["", "", "", ""]);
    expect((c.get(`I${a.sRows[5]}`) as FormulaCell).expect).toBe(1);
    // (80×1 + 0×2) / 3
    expect((c.get(`D${a.totalRow}`) as FormulaCell).expect).toBeCloseTo(80 / 3, 12);
    expect((c.get(`D${a.ratingRow}`) as FormulaCell).expect).toBe("不合格");
    expect(results[0].s[5].criticalZeros).toBe(1);
    // Custom weights are the audit's own input cells, not settings references.
    expect(c.get(`G${a.sRows[5]}`)).toBe(2);
    expect(plan.validations!.some((v) => v.range === `G${a.sRows[0]}:G${a.sRows[5]}`)).toBe(true);
    // The S table's helpers and the text bar.
    expect((c.get(`C${a.sRows[0]}`) as FormulaCell).expect).toBe("■■■■■■■■");
    expect(percentBar(66.66666666666667)).toBe("■■■■■■■");
    expect(percentBar(45)).toBe("■■■■■");
  });

  test("all items N/A or blank: no S score, no total, no rating — never 0", () => {
    const { plan } = build({
      areas: ["备件库"],
      entries: [DEFAULT_CHECKLIST.map((_, i) => (i % 2 ? { score: "na" as const } : {}))],
    });
    const a = plan.marker.meta.areas[0];
    const c = cells(plan);
    expect((c.get(`D${a.totalRow}`) as FormulaCell).expect).toBe("");
    expect((c.get(`D${a.ratingRow}`) as FormulaCell).expect).toBe("");
    expect((c.get(`F${a.top + 1}`) as FormulaCell).expect).toBe(0);
  });

  test("pass/fail scale: dropdown 合格/不合格/不适用, a fail needs action", () => {
    const { plan } = build({
      scale: "passFail",
      areas: ["接待区"],
      entries: [[{ score: "fail" }, { score: "pass" }, { score: "na" }]],
    });
    const a = plan.marker.meta.areas[0];
    const v = plan.validations!.find((x) => x.range === `D${a.itemsFirst}:D${a.itemsLast}`)!;
    expect(v.rule).toEqual({ type: "list", values: ["合格", "不合格", "不适用"] });
    const c = cells(plan);
    expect(c.get(`D${a.itemsFirst}`)).toBe("不合格");
    expect((c.get(`D${a.sRows[0]}`) as FormulaCell).expect).toBe(50);
    const needs = plan.fills!.find((f) => f.range.startsWith(`M${a.itemsFirst}`))!;
    expect(needs.expect!.slice(0, 3)).toEqual([[1], [0], [0]]);
    expect(needs.formula).toBe(`=IF(AND(ISNUMBER(J${a.itemsFirst}),J${a.itemsFirst}<0.5),1,0)`);
  });

  test("validation lists: points and N/A per scale, statuses, dates; English sheets use English words", () => {
    for (const [scale, max] of [
      ["0-5", 5],
      ["0-4", 4],
      ["0-10", 10],
    ] as const) {
      const { plan } = build({ scale, areas: ["x"] });
      const a = plan.marker.meta.areas[0];
      const v = plan.validations!.find((x) => x.range === `D${a.itemsFirst}:D${a.itemsLast}`)!;
      expect(v.rule).toEqual({
        type: "list",
        values: [...Array.from({ length: max + 1 }, (_, i) => String(i)), "不适用"],
      });
      expect(plan.validations!.find((x) => x.range === `I${a.itemsFirst}:I${a.itemsLast}`)!.rule).toEqual({
        type: "list",
        values: ["未整改", "整改中", "已完成"],
      });
      expect(plan.validations!.find((x) => x.range === `H${a.itemsFirst}:H${a.itemsLast}`)!.rule.type).toBe("date");
    }
    const en = build({ locale: "en-US", scale: "passFail", areas: ["Workshop"] }).plan;
    const a = en.marker.meta.areas[0];
    expect(en.validations!.find((x) => x.range === `D${a.itemsFirst}:D${a.itemsLast}`)!.rule).toEqual({
      type: "list",
      values: ["Pass", "Fail", "N/A"],
    });
    expect(en.validations!.find((x) => x.range === `I${a.itemsFirst}:I${a.itemsLast}`)!.rule).toEqual({
      type: "list",
      values: ["Open", "In progress", "Done"],
    });
    expect(en.name).toBe("6S audit 2026-11-20");
    expect(cells(en).get(`C${a.itemsFirst}`)).toBe("Items sorted sensibly, no unneeded clutter");
  });

  test("corrective-action cells are highlighted while empty for items below the middle", () => {
    const { plan } = build({ areas: ["x"] });
    const a = plan.marker.meta.areas[0];
    const cf = plan.conditionalFormats!.find((f) => f.range === `E${a.itemsFirst}:I${a.itemsLast}`)!;
    expect(cf.rule).toEqual({ type: "expression", formula: `=AND($M${a.itemsFirst}=1,E${a.itemsFirst}="")` });
  });

  test("supervisor text stays text whatever it starts with (areas, names, findings, typed items)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("=", "+", "-", "@", "'", " "),
        fc.string({ minLength: 1, maxLength: 12 }),
        (lead, rest) => {
          const s = `${lead}${rest}`.slice(0, 30);
          if (s.trim() === "") return;
          const { plan } = build({
            areas: [s],
            inspector: s,
            unit: s,
            checklist: [{ s: 0, text: s }],
            entries: [[{ score: 1, finding: s, action: s, owner: s, status: "open" }]],
          });
          const a = plan.marker.meta.areas[0];
          const c = cells(plan);
          for (const addr of [
            `C${a.top}`,
            `H${a.top}`,
            `C${a.top + 1}`,
            `C${a.itemsFirst}`,
            `E${a.itemsFirst}`,
            `F${a.itemsFirst}`,
            `G${a.itemsFirst}`,
          ]) {
            expect(c.get(addr)).toBe(s);
          }
          // Never inside a formula either: user text is only ever a literal cell.
          for (const f of formulas(plan)) expect(f).not.toContain(s.length > 2 ? s : "\u0000");
        },
      ),
      { numRuns: 60 },
    );
  });

  test("one area per printed page: a page break before each area, and each page fits A4 at the print scale", () => {
    const long: ChecklistItem[] = [
      ...DEFAULT_CHECKLIST,
      ...DEFAULT_CHECKLIST.map((it) => ({ ...it, text: "补充检查项：现场物品是否整齐有序并且有明确标识和责任人" })),
    ];
    for (const checklist of [DEFAULT_CHECKLIST, long, DEFAULT_CHECKLIST.slice(0, 3)]) {
      for (const locale of ["zh-CN", "en-US"] as const) {
        const { plan } = build({ areas: ["维修车间", "备件库", "接待区", "服务车"], checklist, locale });
        const meta = plan.marker.meta;
        expect(plan.print!.pageBreaksBefore).toEqual(meta.areas.slice(1).map((a) => a.top));
        expect(plan.print).toMatchObject({
          paper: "A4",
          orientation: "portrait",
          fitToWidth: true,
          fitToHeight: 0,
          titleRows: "1:3",
        });
        const fit = pageFit(plan);
        expect(fit.pageHeights).toHaveLength(4);
        for (const h of fit.pageHeights) expect(h).toBeLessThanOrEqual(fit.limit);
        expect(plan.freeze).toEqual({ rows: 3, columns: 0 });
      }
    }
  });

  test("tablet-friendly: large score cells, every item row at least 24 pt", () => {
    const { plan } = build({ areas: ["x"] });
    const a = plan.marker.meta.areas[0];
    const heights = new Map(plan.rows!.map((r) => [r.row, r.height!]));
    for (let r = a.itemsFirst; r <= a.itemsLast; r++) expect(heights.get(r)).toBeGreaterThanOrEqual(24);
    expect(plan.formats!.some((f) => f.range === `D${a.itemsFirst}:D${a.itemsLast}` && f.style.fontSize === 14)).toBe(
      true,
    );
  });

  test("a radar and a bar chart of the six S per area", () => {
    const { plan } = build();
    expect(plan.charts!.map((c) => c.type)).toEqual(["radar", "column", "radar", "column"]);
    const a = plan.marker.meta.areas[0];
    expect(plan.charts![0].series[0]).toMatchObject({
      values: `$D$${a.sRows[0]}:$D$${a.sRows[5]}`,
      categories: `$B$${a.sRows[0]}:$B$${a.sRows[5]}`,
    });
  });

  test("formulas use only functions LibreOffice, WPS and older Excel compute (RULES.md#portable-formulas)", () => {
    const { plan } = build({ scale: "passFail" });
    const all = [...formulas(plan), ...plan.fills!.map((f) => f.formula)];
    const used = new Set(all.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    const allowed = new Set(["SUM", "SUMPRODUCT", "COUNT", "ISNUMBER", "IF", "INDEX", "AND", "OR", "REPT", "ROUND"]);
    for (const fn of used) expect(allowed).toContain(fn);
  });

  test("bad input is a bilingual problem, never a throw", () => {
    const cases: Partial<Audit6sOptions>[] = [
      { areas: [] },
      { areas: ["维修车间", "维修车间"] },
      { checklist: [] },
      { weights: [1, 1, 1] },
      { weights: [0, 0, 0, 0, 0, 0] },
      { date: Number.NaN },
      { entries: [[{ score: 6 }]] },
      { scale: "passFail", entries: [[{ score: 3 }]] },
      { entries: [[], [], []] },
    ];
    for (const c of cases) {
      const r = audit6sPlan(options(c));
      expectProblem(r);
      expect(r.problem.message.zh).not.toBe("");
      expect(r.problem.message.en).not.toBe("");
    }
    const r = audit6sPlan(options({ entries: [[{ score: 6 }]] }));
    expect(!r.ok && r.problem.message.en).toBe(
      '维修车间: Sort "Items sorted sensibly, no unneeded clutter": the score 6 is outside 0–5',
    );
  });
});

describe("readAudits and audit6sSummaryPlan", () => {
  const oct = build({
    date: day(2026, 10, 10),
    areas: ["维修车间"],
    entries: [DEFAULT_CHECKLIST.map(() => ({ score: 2 }))],
  }).plan;
  const nov = build({
    areas: ["维修车间", ">5"],
    entries: [
      DEFAULT_CHECKLIST.map((_, i) => ({
        score: i % 4,
        ...(i === 1 ? { action: "=清理", owner: "+张三", due: day(2026, 11, 22), status: "inProgress" as const } : {}),
      })),
      DEFAULT_CHECKLIST.map(() => ({ score: "na" as const })),
    ],
  }).plan;

  test("reads audits back by marker and rebuilds the engine's results", async () => {
    const audits = await readBack([oct, nov]);
    expect(audits.map((a) => a.sheetName)).toEqual([oct.name, nov.name]);
    expect(audits[1].areas.map((a) => a.record.area)).toEqual(["维修车间", ">5"]);
    expect(audits[1].areas[1].record.result.total).toBeNull();
    expect(audits[1].areas[0].record.items[1]).toMatchObject({ action: "=清理", owner: "+张三", status: "整改中" });
  });

  test("a marker of another version is reported, not guessed at: a newer one as coming from a newer add-in", async () => {
    const read = async (version: number) =>
      readAudits(
        [{ sheetName: "s", marker: { ...nov.marker, version } }],
        async (reqs) => reqs.map(() => asRange(nov)),
        DEFAULT_SETTINGS,
      );
    const older = await read(0);
    expect(older.audits).toEqual([]);
    expect(older.problems.map((p) => p.message)).toEqual([
      {
        zh: "工作表“s”的 6S 检查表标记无法识别（版本 0），已跳过",
        en: 'the 6S audit marker of sheet "s" cannot be read (version 0); the sheet was skipped',
      },
    ]);
    const newer = await read(99);
    expect(newer.audits).toEqual([]);
    expect(newer.problems.map((p) => p.message)).toEqual([
      {
        zh: "工作表“s”的 6S 检查表标记来自更新版本的加载项（标记版本 99，本版本最高只能读取版本 1），请更新加载项，已跳过",
        en: 'the 6S audit marker of sheet "s" comes from a newer version of the add-in (marker version 99; this version reads up to version 1): update the add-in; the sheet was skipped',
      },
    ]);
  });

  test("the summary references the audit cells, keys criteria by numbers, and expects the engine's values", async () => {
    const audits = await readBack([oct, nov]);
    const r = audit6sSummaryPlan({
      audits,
      month: 202611,
      asOf: day(2026, 11, 25),
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    const { plan, summary } = r.value;
    expect(plan.name).toBe("6S汇总 2026-11");
    expect(plan.marker.kind).toBe("audit6sSummary");
    const c = cells(plan);
    // Matrix: 维修车间 and ">5" (all N/A: no numbers), then all areas.
    expect(c.get("A7")).toBe("维修车间");
    expect(c.get("A8")).toBe(">5");
    const total = c.get("H7") as FormulaCell;
    expect(total.f).toMatch(
      /^=IFERROR\(AVERAGEIFS\(\$L\$\d+:\$L\$\d+,\$C\$\d+:\$C\$\d+,1,\$E\$\d+:\$E\$\d+,202611\),""\)$/,
    );
    expect(total.expect).toBe(summary.matrix[0].total);
    expect((c.get("H8") as FormulaCell).expect).toBe("");
    // Every criterion is a number: no user text inside a formula.
    for (const f of formulas(plan)) expect(f).not.toContain(">5");
    // Source rows reference the audit sheets' cells.
    const refs = formulas(plan).filter((f) => f.includes(`'${nov.name}'!`));
    expect(refs.length).toBeGreaterThan(40);
    // Trend over the months present, lowest items, open actions with overdue days.
    expect(summary.months).toEqual([202610, 202611]);
    expect(summary.lowest).toHaveLength(10);
    expect(summary.open.find((o) => o.overdueDays !== null)?.overdueDays).toBe(3);
    const formulasUsed = new Set(
      formulas(plan).flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])),
    );
    for (const fn of formulasUsed)
      expect([
        "IF",
        "ISNUMBER",
        "SUMPRODUCT",
        "AND",
        "OR",
        "SUM",
        "IFERROR",
        "INDEX",
        "MATCH",
        "AVERAGEIFS",
        "COUNTIFS",
        "COUNTIF",
        "MAX",
        "ROWS",
        "SMALL",
      ]).toContain(fn);
  });

  test("linear in the items: the per-item formulas read their own row, and only the list rows read whole columns", async () => {
    const audits = await readBack([oct, nov]);
    const r = audit6sSummaryPlan({
      audits,
      month: 202611,
      asOf: day(2026, 11, 25),
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    const { plan, summary } = r.value;
    const range = /\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/;
    // Fills are one formula per item row: none may look at a range (that would be rows × rows).
    expect(plan.fills?.length).toBeGreaterThan(0);
    for (const fill of plan.fills ?? []) expect(fill.formula).not.toMatch(range);
    // Formulas over whole columns: the matrix, trend, overflow count and the rows of the two
    // lists — a number that does not grow with the items.
    const scanning = formulas(plan).filter((f) => range.test(f));
    const listRows = 10 + summary.open.length + 5;
    const cellsPerListRow = 11;
    const reportCells = (summary.matrix.length + 1) * 8 + summary.trend.length * summary.months.length + 1;
    expect(scanning.length).toBeLessThanOrEqual(reportCells + listRows * cellsPerListRow);
  });

  test("a month without audits is refused with the months that have them", async () => {
    const audits = await readBack([oct, nov]);
    const r = audit6sSummaryPlan({
      audits,
      month: 202612,
      asOf: day(2026, 12, 31),
      locale: "en-US",
      settings: DEFAULT_SETTINGS,
    });
    expect(!r.ok && r.problem.message.en).toBe(
      "there are no 6S audits in 2026-12 (months with audits: 2026-10, 2026-11)",
    );
    const none = audit6sSummaryPlan({
      audits: [],
      month: 202612,
      asOf: 1,
      locale: "en-US",
      settings: DEFAULT_SETTINGS,
    });
    expect(!none.ok && none.problem.kind).toBe("na");
  });

  test("the reader reports a score outside the scale and an unreadable date, with row and column", async () => {
    const range = asRange(nov);
    const a = nov.marker.meta.areas[0];
    const rows = range.values.map((r) => [...r]);
    rows[a.itemsFirst - 1][COL.score - 1] = 9;
    rows[a.top - 1][5] = "next week";
    const r = await readAudits(
      [{ sheetName: nov.name, marker: nov.marker }],
      async (reqs) => reqs.map(() => ({ ...range, values: rows })),
      DEFAULT_SETTINGS,
    );
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [a.top, "检查日期"],
      [a.itemsFirst, "评分"],
    ]);
    expect(r.audits[0].areas[0].record.date).toBeNull();
    expect(r.audits[0].areas[0].record.items[0].score).toBeNull();
  });
});
