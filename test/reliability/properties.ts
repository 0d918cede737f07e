/**
 * The invariants of issue 15, as fast-check properties, shared by the fast suite (a few
 * hundred inputs each: `npm test`) and the fuzz run (over a million inputs: test/e2e/fuzz.test.ts).
 *
 * - Every importer (work orders, appraisal people, bonus tables, 6S audits read back, settings
 *   read back), fed generated files — any encoding, any mix of line endings, quoted line breaks,
 *   hostile cells — never throws, and rows read = rows used + rows reported. The rows read are
 *   the rows written: no row is lost to the parser. Identifiers come back verbatim.
 * - Every custom function never throws, returns a well-formed grid, and gives no number for an
 *   invalid first argument.
 * - The finance-formula parser never throws; what it accepts evaluates to a finite number or a
 *   problem.
 * `runs` is each property's share of the fuzz run; the fast suite runs `runs / 200` of them.
 */
import fc from "fast-check";
import { strToU8 } from "fflate";
import { readPeople } from "../../src/core/appraisal";
import { readBonusTable } from "../../src/core/bonus";
import { DEFAULT_CHECKLIST } from "../../src/core/audit6s/engine";
import { BONUS_FORMULA_LANGUAGE } from "../../src/core/bonus";
import { evaluateFormula, parseFormula } from "../../src/core/formula";
import { formulaArbitrary, valuesArbitrary } from "../../src/core/formula/testing/arbitraries";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../src/core/settings";
import { toNumber } from "../../src/core/values/toNumber";
import { isBlank, isNotApplicableMark } from "../../src/core/values/blank";
import * as F from "../../src/functions/functions";
import { audit6sPlan, readAuditSheet, type AuditMeta } from "../../src/sheets/audit6s";
import { finalCells, keyColumn, keyRow, prepareWorkbookPlan } from "../../src/sheets/formula/prepare";
import { isFormulaCell, type PlanCell, type RangeData, type Scalar, type SheetPlan } from "../../src/sheets/plan";
import { settingsFromNames, settingsPlan } from "../../src/sheets/settings";
import { proposeFor, readOrders, sourceTable } from "../../src/sheets/workorders";
import { openXlsx, readCsv } from "../../src/xlsx";
import { addPlansToWorkbook } from "../support/exceljs/write";
import { readNamesFromWorkbook } from "../support/exceljs/read";
import ExcelJS from "exceljs";
import { isCfError, isOutputErrorCode } from "../support/customFunctionsGlobal";
import { buildXlsx } from "../support/xlsxParts";

export interface FuzzProperty {
  readonly name: string;
  /** Inputs in the fuzz run. */
  readonly runs: number;
  readonly property: fc.IProperty<unknown>;
}

/** Cells as users and other systems write them (the list), plus random text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "José",
      "Müller",
      "张三",
      "２０２６/10/5 8:30",
      "2026/10/5 8:30",
      "2026年10月5日",
      "2026-10-05 08:30",
      "46300.354",
      "2026-02-30",
      "1,234.5",
      "85%",
      "-5",
      "NaN",
      "1e999",
      "-1e999",
      "#DIV/0!",
      "#N/A",
      "=1+1",
      '=HYPERLINK("http://x","y")',
      "=cmd|' /C calc'!A0",
      "＝1+1",
      "+1",
      "@SUM(A1)",
      "\t=1",
      "\r=1",
      "a, b",
      'say "hi"',
      "line\nbreak",
      "crlf\r\nbreak",
      "lone\rcr",
      "１２３",
      "是",
      "否",
      "车身",
      "底盘",
      " ",
      "",
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 10n ** 10n, max: 10n ** 18n - 1n }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
);

/** Text that is never one of the register's header words (so the header row stays the header). */
const dataText = hostileText.filter((s) => !/报修|report|工单|order|服务人员|工程师|技师|姓名|name|工号/i.test(s));

/** Row numbers of problems, with a run of empty rows counted as all its rows. */
function reportedRows(problems: readonly { row?: number; lastRow?: number; effect?: string }[]): Set<number> {
  const rows = new Set<number>();
  for (const p of problems) {
    if (p.row === undefined || (p.effect !== undefined && p.effect !== "rowLeftOut")) continue;
    for (let r = p.row; r <= (p.lastRow ?? p.row); r++) rows.add(r);
  }
  return rows;
}

type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

/** CSV bytes of a table: each cell quoted when it must be (or at random), each record ended by CRLF, LF or CR. */
function csvBytes(
  rows: readonly (readonly string[])[],
  endings: readonly string[],
  quoteAll: boolean,
  enc: Encoding,
): Uint8Array {
  const cell = (c: string): string =>
    quoteAll || /[",\r\n]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c;
  const lines = rows.map((r) => r.map(cell).join(","));
  const ends = lines.map((_, i) => endings[i % endings.length] ?? "\n");
  // A CR ending followed by an empty record ending in LF reads as one CRLF: the file would say
  // something else than the table. Such a record ends in LF instead.
  for (let i = 0; i + 1 < lines.length; i++)
    if (ends[i] === "\r" && lines[i + 1] === "" && ends[i + 1]![0] === "\n") ends[i] = "\n";
  const text = lines.map((l, i) => l + ends[i]).join("");
  switch (enc) {
    case "utf-8":
      return strToU8(text);
    case "utf-8-bom":
      return strToU8(`\ufeff${text}`);
    case "utf-16le":
      return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    case "utf-16be": {
      const le = Buffer.from(text, "utf16le");
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return new Uint8Array([0xfe, 0xff, ...le]);
    }
  }
}

const ORDER_HEADERS = [
  "工单号",
  "服务人员",
  "报修时间",
  "完成时间",
  "客户满意度",
  "服务半径(km)",
  "客户投诉",
  "备注",
  "",
  "备注",
];

/** A generated order table: the header (报修时间 always, duplicate and blank headers possible) and 0–12 rows. */
const orderTable = fc
  .tuple(
    fc.shuffledSubarray(ORDER_HEADERS, { minLength: 1 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 2 }),
  )
  .chain(([headers, n, extra]) => {
    const head = headers.includes("报修时间") ? headers : ["报修时间", ...headers];
    const width = head.length + extra;
    const date = fc.oneof(
      dataText,
      fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, "0")} 08:30`),
    );
    const row = fc.tuple(...Array.from({ length: width }, (_, i) => (head[i] === "报修时间" ? date : dataText)));
    return fc.tuple(fc.constant(head), fc.array(row, { minLength: n, maxLength: n }));
  });

const endings = fc.array(fc.constantFrom("\r\n", "\n", "\r"), { minLength: 1, maxLength: 4 });
const encoding = fc.constantFrom<Encoding>("utf-8", "utf-8-bom", "utf-16le", "utf-16be");
/** How much of the file the CSV reader decodes at a time: small pieces put boundaries inside cells and line endings. */
const pieceBytes = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(32 * 1024));

function dataRowsWritten(rows: readonly (readonly string[])[]): number {
  let n = rows.length;
  while (n > 0 && rows[n - 1]!.every((c) => c.trim() === "")) n--;
  return n;
}

/** Work orders from a table: rows read = rows in the file = rows used + rows left out; IDs verbatim. */
function checkOrders(
  range: RangeData,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  xml = false,
): void {
  const table = sourceTable(range);
  const written = dataRowsWritten(rows);
  if (!table.ok) {
    if (written > 0) throw new Error(`a table with ${written} data rows was refused: ${table.problem.message.en}`);
    return;
  }
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  const p = parsed.value;
  if (p.rowsRead !== written) throw new Error(`${written} data rows written, ${p.rowsRead} read`);
  const left = reportedRows(p.problems);
  if (p.rowsUsed + left.size !== p.rowsRead)
    throw new Error(`${p.rowsRead} read ≠ ${p.rowsUsed} used + ${left.size} reported`);
  for (const o of p.orders) if (left.has(o.row)) throw new Error(`row ${o.row} both used and left out`);
  const idCol = head.indexOf("工单号");
  if (idCol >= 0) {
    for (const o of p.orders) {
      const raw = rows[o.row - 2]![idCol]!;
      // XML (not CSV) ends a line inside a cell with LF: a lone CR or CRLF there becomes LF.
      const text = (xml ? raw.replace(/\r\n?/g, "\n") : raw).trim();
      const expected = text === "" ? null : text;
      if (o.orderId !== null && o.orderId !== expected)
        throw new Error(`row ${o.row}: ID "${raw}" read as "${o.orderId}"`);
    }
  }
}

/** People tables (appraisal and bonus): every non-empty row a person or reported. */
function checkPeople(values: readonly (readonly Scalar[])[]): void {
  const people = readPeople(values, 1);
  // A header row naming columns but no name column refuses the table as a whole, with the reason.
  if (people.people.length === 0 && people.problems.some((p) => /header row has no/.test(p.message.en))) return;
  const rows = new Set(people.problems.map((p) => p.row));
  if (people.people.length + rows.size !== people.rowsRead && people.rowsRead >= 0)
    throw new Error(`people: ${people.rowsRead} read ≠ ${people.people.length} used + ${rows.size} reported`);
  const bonus = readBonusTable(values, { year: 2026, firstRow: 1, settings: DEFAULT_SETTINGS });
  // A table without a name column is refused as a whole, with the reason.
  if (bonus.fatal) {
    if (bonus.problems.length === 0) throw new Error("bonus: refused without a reason");
    return;
  }
  if (bonus.people.length > bonus.rowsRead) throw new Error("bonus: more people than rows");
  const reported = new Set(bonus.problems.filter((p) => p.row !== undefined && p.row > 1).map((p) => p.row));
  if (bonus.rowsRead - bonus.people.length > reported.size)
    throw new Error(`bonus: ${bonus.rowsRead - bonus.people.length} rows left out, ${reported.size} reported`);
}

const PEOPLE_HEADERS = ["工号", "姓名", "部门", "岗位标准绩效", "考核奖金比例", "Q1", "Q4", "黄牌", "红牌", "", "姓名"];
const peopleTable = fc
  .tuple(fc.shuffledSubarray(PEOPLE_HEADERS, { minLength: 1 }), fc.integer({ min: 0, max: 12 }))
  .chain(([head, n]) =>
    fc.tuple(
      fc.constant(head),
      fc.array(fc.array(hostileText, { minLength: head.length, maxLength: head.length }), {
        minLength: n,
        maxLength: n,
      }),
    ),
  );

function xlsxOf(head: readonly string[], rows: readonly (readonly string[])[], numbers: boolean): Uint8Array {
  const esc = (s: string) =>
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  const col = (i: number) => String.fromCharCode(65 + i);
  const cell = (r: number, c: number, v: string) => {
    if (v === "") return "";
    // Plain digit strings become number cells half the time: what Excel does with typed IDs.
    if (numbers && /^\d{1,15}$/.test(v)) return `<c r="${col(c)}${r}"><v>${v}</v></c>`;
    return `<c r="${col(c)}${r}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  };
  const body = [head, ...rows]
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(i + 1, c, v)).join("")}</row>`)
    .join("");
  return buildXlsx({ sheets: [{ name: "S", body }], level: 0 });
}

/** The literal cells of a plan as a reader sees them (formula cells blank). */
function planAsRange(plan: SheetPlan): RangeData {
  const prepared = prepareWorkbookPlan({ sheets: [plan] }, { sheetNames: [], definedNames: [], tableNames: [] })
    .sheets[0]!;
  const values: Scalar[][] = [];
  for (const [key, cell] of finalCells(prepared)) {
    const r = keyRow(key);
    const c = keyColumn(key);
    while (values.length < r) values.push(new Array<Scalar>(15).fill(null));
    const v = isFormulaCell(cell as PlanCell) ? null : (cell as { value: Scalar }).value;
    values[r - 1]![c - 1] = v ?? null;
  }
  return { sheetName: plan.name, address: "A1", firstRow: 1, firstColumn: 1, values };
}

const auditPlan = (() => {
  const r = audit6sPlan({
    areas: ["维修车间", "备件库"],
    date: 46346,
    inspector: "王主管",
    unit: "售后服务部",
    scale: "0-5",
    checklist: DEFAULT_CHECKLIST,
    weights: [1, 1, 1, 1, 1, 1],
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
})();
const auditRange = planAsRange(auditPlan);
const auditMeta = auditPlan.marker.meta as unknown as AuditMeta;
const auditCell: fc.Arbitrary<Scalar> = fc.oneof(
  hostileText,
  fc.integer({ min: -2, max: 12 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** The values a host reads back for the default 考核参数 sheet (written by the .xlsx writer, read by name). */
const defaultNames: Record<string, Scalar[][] | undefined> = (() => {
  const wb = new ExcelJS.Workbook();
  addPlansToWorkbook(wb, { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] });
  return readNamesFromWorkbook(wb, Object.values(SETTING_NAMES));
})();
/** The settings held in one cell as a number (the text ones, like the failed grade's code, are read as text). */
const singleCellSettings = Object.values(SETTING_NAMES).filter(
  (n) =>
    defaultNames[n]?.length === 1 && defaultNames[n]![0]!.length === 1 && typeof defaultNames[n]![0]![0] === "number",
);

// ---------------------------------------------------------------------------------------------
// Custom functions

const errorCell = fc.constantFrom("#N/A", "#DIV/0!", "#REF!", "#VALUE!").map((code) => ({ code }));
const fnCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -10, max: 120 }), weight: 3 },
  { arbitrary: hostileText, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: errorCell, weight: 1 },
);
const fnMatrix = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([r, k]) => fc.array(fc.array(fnCell, { minLength: k, maxLength: k }), { minLength: r, maxLength: r }));
const fnArg = fc.oneof(
  fnMatrix,
  fnCell.map((v) => [[v]]),
  fc.constantFrom(undefined, null, [], [[]]),
);
/** Text no function may read as a number, a date, a category or a grade. */
const invalidFirst = fc.constantFrom("abc", "1e999", "NaN", "--5", "2026-02-30", "#DIV/0!", "=1+1", "Infinity", "五");

type Fn = (...args: unknown[]) => unknown[][];
const FUNCTIONS: [string, Fn, number][] = [
  ["WEIGHTED", F.svcWeighted as Fn, 3],
  ["GRADE", F.svcGrade as Fn, 2],
  ["GRADELABEL", F.svcGradeLabel as Fn, 2],
  ["KPISCORE", F.svcKpiScore as Fn, 4],
  ["SLAHOURS", F.svcSlaHours as Fn, 3],
  ["SLADEADLINE", F.svcSlaDeadline as Fn, 4],
  ["SLAMET", F.svcSlaMet as Fn, 7],
  ["QUARTERBONUS", F.svcQuarterBonus as Fn, 4],
  ["YEARENDBONUS", F.svcYearEndBonus as Fn, 5],
  ["AUDITSCORE", F.svcAuditScore as Fn, 2],
];

function wellFormedGrid(grid: unknown): boolean {
  if (!Array.isArray(grid) || grid.length === 0 || !Array.isArray(grid[0]) || grid[0].length === 0) return false;
  const cols = (grid[0] as unknown[]).length;
  return grid.every(
    (row) =>
      Array.isArray(row) &&
      row.length === cols &&
      row.every((v) =>
        typeof v === "number"
          ? Number.isFinite(v)
          : typeof v === "string" || typeof v === "boolean" || (isCfError(v) && isOutputErrorCode(v.code)),
      ),
  );
}

// ---------------------------------------------------------------------------------------------

export const PROPERTIES: readonly FuzzProperty[] = [
  {
    name: "work orders from CSV bytes (any encoding, line endings, quoting): rows read = written = used + reported",
    runs: 12_000,
    property: fc.property(
      orderTable,
      endings,
      fc.boolean(),
      encoding,
      pieceBytes,
      ([head, rows], ends, quoteAll, enc, piece) => {
        const bytes = csvBytes([head, ...rows], ends, quoteAll, enc);
        checkOrders(readCsv(bytes, "CSV", piece).range, head, rows);
      },
    ) as unknown as fc.IProperty<unknown>,
  },
  {
    name: "work orders from .xlsx bytes (IDs as number cells or text): rows read = written = used + reported",
    runs: 4_000,
    property: fc.property(orderTable, fc.boolean(), ([head, rows], numbers) => {
      const book = openXlsx(xlsxOf(head, rows, numbers));
      const width = Math.max(head.length, ...rows.map((r) => r.length));
      const range = book.readRange("S", `A1:${String.fromCharCode(64 + width)}${rows.length + 1}`);
      // A digit string written as a number cell reads back as that number: its text is the same digits.
      const asRead = rows.map((r) => r.map((c) => (numbers && /^\d{1,15}$/.test(c) ? String(Number(c)) : c)));
      checkOrders(range, head, asRead, true);
    }) as unknown as fc.IProperty<unknown>,
  },
  {
    name: "appraisal people and bonus tables from CSV: every non-empty row used or reported",
    runs: 15_000,
    property: fc.property(peopleTable, endings, encoding, pieceBytes, ([head, rows], ends, enc, piece) => {
      const { range } = readCsv(csvBytes([head, ...rows], ends, false, enc), "CSV", piece);
      checkPeople(range.values);
    }) as unknown as fc.IProperty<unknown>,
  },
  {
    name: "6S audits read back: every item scored, blank or reported; never a throw",
    runs: 10_000,
    property: fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: auditRange.values.length - 1 }), fc.integer({ min: 0, max: 13 }), auditCell),
        {
          maxLength: 30,
        },
      ),
      (edits) => {
        const values = auditRange.values.map((r) => [...r]);
        for (const [r, c, v] of edits) values[r]![c] = v;
        const { reading, problems } = readAuditSheet(
          { sheetName: auditPlan.name, marker: auditPlan.marker },
          { ...auditRange, values },
          DEFAULT_SETTINGS,
        );
        if (!reading) throw new Error("the audit sheet was not read");
        const reported = new Set(problems.map((p) => p.row));
        const readAreas = new Set(reading.areas.map((a) => a.meta.top));
        for (const am of auditMeta.areas) {
          if (!readAreas.has(am.top) && !problems.some((p) => p.message.en.includes("skipped")))
            throw new Error(`area at row ${am.top} neither read nor reported`);
          const area = reading.areas.find((a) => a.meta.top === am.top);
          if (!area) continue;
          area.record.items.forEach((it, k) => {
            const row = am.itemsFirst + k;
            const raw = values[row - 1]![3];
            // Blank and N/A marks are "not scored" on the sheet too (its formulas skip them).
            const fine = it.score !== null || isBlank(raw) || isNotApplicableMark(raw);
            if (!fine && !reported.has(row))
              throw new Error(`item row ${row} (${String(raw)}) neither scored nor reported`);
          });
        }
      },
    ) as unknown as fc.IProperty<unknown>,
  },
  {
    name: "settings read back: a cell that is not a number is reported by its name, never used",
    runs: 50_000,
    property: fc.property(fc.constantFrom(...singleCellSettings), auditCell, (name, v) => {
      const values = { ...defaultNames, [name]: [[v]] };
      const r = settingsFromNames(values);
      const n = toNumber(v);
      // A settings problem names its setting in its reason (a workbook name is no table column).
      const nameOf = (p: (typeof r.problems)[number]) => p.reason?.params?.name;
      const mentioned = r.problems.some((p) => nameOf(p) === name);
      if ((!n.ok || n.value === null) && !mentioned)
        throw new Error(`${name} = ${String(v)} was neither used nor reported`);
      for (const p of r.problems)
        if (!Object.values(SETTING_NAMES).includes(nameOf(p) as never))
          throw new Error(`problem without a name: ${p.message.en}`);
    }) as unknown as fc.IProperty<unknown>,
  },
  ...FUNCTIONS.map(([name, fn, arity]): FuzzProperty => ({
    name: `SVC.${name}: never throws, a well-formed grid, no number for an invalid first argument`,
    runs: 85_000,
    property: fc.property(
      fc.array(fnArg, { minLength: arity, maxLength: arity }),
      fc.option(invalidFirst, { freq: 3 }),
      (args, invalid) => {
        const call = invalid === null ? args : [[[invalid]], ...args.slice(1)];
        const out = fn(...call);
        if (!wellFormedGrid(out)) throw new Error(`SVC.${name}: malformed result ${JSON.stringify(out)}`);
        if (invalid !== null && typeof out[0]![0] === "number")
          throw new Error(`SVC.${name}(${JSON.stringify(invalid)}, …) gave the number ${String(out[0]![0])}`);
      },
    ) as unknown as fc.IProperty<unknown>,
  })),
  {
    name: "finance formulas: any text parses or is refused; accepted formulas give a finite number or a problem",
    runs: 80_000,
    property: fc.property(
      fc.oneof(formulaArbitrary(3), fc.string({ maxLength: 40 }), hostileText),
      valuesArbitrary,
      (source, values) => {
        const parsed = parseFormula(source, BONUS_FORMULA_LANGUAGE);
        if (!parsed.ok) {
          if (!parsed.problem.message.zh || !parsed.problem.message.en)
            throw new Error(`refusal without a reason: ${source}`);
          return;
        }
        const out = evaluateFormula(parsed.value, values);
        if (out.ok && !Number.isFinite(out.value)) throw new Error(`${source} gave ${out.value}`);
      },
    ) as unknown as fc.IProperty<unknown>,
  },
];

/** Runs every property `scale` × its runs (at least `min`), returns the inputs generated per property. */
export function runProperties(scale: number, min = 20, seed?: number): { name: string; runs: number; ms: number }[] {
  const done: { name: string; runs: number; ms: number }[] = [];
  for (const p of PROPERTIES) {
    const runs = Math.max(min, Math.round(p.runs * scale));
    const t0 = Date.now();
    fc.assert(p.property, { numRuns: runs, ...(seed === undefined ? {} : { seed }) });
    done.push({ name: p.name, runs, ms: Date.now() - t0 });
  }
  return done;
}
