/**
 * The 三包件登记表 (RULES.md#warranty-parts; policy 3.6, 3.4.2 C): one line per part through
 * requisition, approval, replacement and write-off, with the vehicle's purchase date, fault date
 * and running mileage deciding 三包 coverage against the terms in C3/F3 (input cells reading
 * 考核参数's SVC_Warranty_Months / SVC_Warranty_Km by name, **default** 24 months / 100,000 km;
 * the command line's --months / --km write values instead), the state of each line, and the check the policy asks before a
 * write-off. The top rows count the lines per state and total the postage written off.
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings } from "../../../core/settings";
import {
  CHECK_LABELS,
  COVERAGE_LABELS,
  STATUS_LABELS,
  WARRANTY_FIELDS,
  WARRANTY_STATUSES,
  assessWarranty,
  summarizeWarranty,
  type WarrantyField,
  type WarrantyLine,
  type WarrantyResult,
  type WarrantySummary,
  type WarrantyTerms,
} from "../../../core/records/warrantyParts";
import { rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { PlanCell, WorkbookPlan } from "../../plan";
import { finishRecordSheet, orBlank, recordBuilder, recordSheetName, recordTitle } from "../common/recordSheet";
import { literal, recordLayout, writeRecordTable, type InputColumn } from "../common/recordTable";
import { TEXT, WARRANTY_SHEET_NAME } from "./strings";

export interface WarrantyOptions {
  readonly station: string;
  readonly lines: readonly WarrantyLine[];
  /** 考核参数: the 三包 terms the C3/F3 cells read by name (SVC_Warranty_Months, SVC_Warranty_Km). Default: the defaults. */
  readonly settings?: Settings;
  /** Overrides of the settings' terms (the command line's --months / --km): written as values. */
  readonly terms?: Partial<WarrantyTerms>;
  /**
   * Whether the workbook's 考核参数 has the terms' names (default true); false for an older sheet
   * without them: the settings' values are written instead (LATER_NAMES in sheets/settings).
   */
  readonly namedTerms?: boolean;
  readonly locale: Locale;
  readonly blankRows?: number;
}

export interface WarrantyBook {
  readonly plan: WorkbookPlan;
  readonly results: readonly WarrantyResult[];
  readonly summary: WarrantySummary;
}

type Id = WarrantyField | "coverage" | "status" | "check";
const ORDER: readonly Id[] = [
  "reqNo",
  "reqDate",
  "orderId",
  "vin",
  "saleDate",
  "faultDate",
  "mileage",
  "coverage",
  "partCode",
  "partName",
  "qty",
  "opinion",
  "requester",
  "approver",
  "approvedDate",
  "replacedDate",
  "reportNo",
  "customerSigned",
  "oldPartReturned",
  "postage",
  "handlerSign",
  "leaderSign",
  "writeOffDate",
  "status",
  "check",
];
const WIDTHS: Partial<Record<Id, number>> = { vin: 19, orderId: 14, partName: 14, opinion: 12, reqNo: 11, check: 13 };
export const WARRANTY_TABLE = "SVC_WarrantyParts";
const HEADER_ROW = 6;
/** The terms' cells (absolute, referenced by every coverage formula). */
export const TERMS_CELLS = { months: "$C$3", km: "$F$3" };

const TERM_NAMES = { months: SETTING_NAMES.warrantyMonths, km: SETTING_NAMES.warrantyKm } as const;

/** A terms cell: 考核参数's value by name (the clerk may type over it), or the override / an older sheet's value. */
function termCell(term: keyof WarrantyTerms, terms: WarrantyTerms, options: WarrantyOptions): PlanCell {
  const named = options.terms?.[term] === undefined && options.namedTerms !== false;
  return named ? { f: `=${TERM_NAMES[term]}`, expect: terms[term] } : terms[term];
}

export function warrantyPartsPlan(options: WarrantyOptions): Result<WarrantyBook> {
  const { lines, locale } = options;
  const blankRows = options.blankRows ?? 100;
  if (lines.length === 0 && blankRows === 0) return fail("na", TEXT.noRows);
  const fromSettings = (options.settings ?? DEFAULT_SETTINGS).warranty;
  const terms: WarrantyTerms = { ...fromSettings, ...options.terms };
  if (!Number.isInteger(terms.months) || terms.months < 0 || !Number.isFinite(terms.km) || terms.km < 0)
    return fail("num", TEXT.termsError);
  const t = (x: Text) => pick(x, locale);
  const station = options.station.trim();
  const book = { t, locale, station };
  const results = assessWarranty(lines, terms);
  const summary = summarizeWarranty(lines, results);
  const L = recordLayout(ORDER, HEADER_ROW, lines.length + blankRows);
  const b = recordBuilder(
    book,
    "warrantyParts",
    recordSheetName(t(WARRANTY_SHEET_NAME), station),
    L,
    WARRANTY_TABLE,
    ORDER.length,
  );
  recordTitle(b, book, TEXT.title, TEXT.note, ORDER.length);

  // Row 3: the terms (editable); row 4: the counts.
  const termsStyle = { fill: PALETTE.inputFill, locked: false, border: "thin", horizontal: "center" } as const;
  b.set(3, 1, t(TEXT.months), { bold: true });
  b.merge(rangeA1(3, 1, 3, 2));
  b.set(3, 3, termCell("months", terms, options), termsStyle);
  b.set(3, 4, t(TEXT.km), { bold: true });
  b.merge(rangeA1(3, 4, 3, 5));
  b.set(3, 6, termCell("km", terms, options), { ...termsStyle, numberFormat: "#,##0" });
  b.set(3, 7, t(TEXT.termsNote), STYLES.note);
  for (const cell of ["C3", "F3"])
    b.validate({
      range: cell,
      rule: { type: "whole", min: 0 },
      allowBlank: false,
      error: { title: t(cell === "C3" ? TEXT.months : TEXT.km), message: t(TEXT.termsError) },
    });

  const word = (x: Text) => literal(t(x));
  const status = L.body("status");
  const counts: [Text, string, number, string?][] = [
    ...WARRANTY_STATUSES.map((s): [Text, string, number] => [
      STATUS_LABELS[s],
      `=COUNTIF(${status},${word(STATUS_LABELS[s])})`,
      summary.byStatus[s],
    ]),
    [TEXT.outside, `=COUNTIF(${L.body("coverage")},${word(COVERAGE_LABELS.outside)})`, summary.outside],
    [
      TEXT.postage,
      `=SUMPRODUCT(--(${status}=${word(STATUS_LABELS.writtenOff)}),${L.body("postage")})`,
      summary.postageWrittenOff,
      FORMATS.money,
    ],
  ];
  counts.forEach(([label, f, v, format], k) => {
    b.set(4, 1 + k * 2, t(label), { bold: true, horizontal: "right" });
    b.set(
      4,
      2 + k * 2,
      { f, expect: v },
      { ...STYLES.computed, horizontal: "center", ...(format ? { numberFormat: format } : {}) },
    );
  });

  const yes = t({ zh: "是", en: "Yes" });
  const no = t({ zh: "否", en: "No" });
  const n = lines.length;
  const at = L.at;
  const fieldInputs: InputColumn<Id>[] = WARRANTY_FIELDS.map((f) => ({
    id: f.id,
    header: t(f.label),
    width: WIDTHS[f.id] ?? (f.kind.type === "date" ? 11 : 9),
    kind:
      f.kind.type === "yesNo"
        ? "list"
        : f.kind.type === "date"
          ? "date"
          : f.id === "postage"
            ? "money"
            : f.kind.type === "number"
              ? "number"
              : "text",
    ...(f.kind.type === "yesNo" ? { list: [yes, no] } : {}),
  }));
  const writingOff = `${at("writeOffDate")}<>""`;
  writeRecordTable(b, {
    layout: L,
    order: ORDER,
    tableName: WARRANTY_TABLE,
    t,
    records: n,
    values: (i) => {
      const line = lines[i]!;
      const out: Partial<Record<Id, PlanCell>> = {};
      for (const f of WARRANTY_FIELDS) {
        const v = line[f.id];
        out[f.id] = typeof v === "boolean" ? (v ? yes : no) : v;
      }
      return out;
    },
    inputs: fieldInputs,
    computed: [
      {
        id: "coverage",
        header: t(TEXT.coverage),
        width: 9,
        formula:
          `=IF(${at("reqNo")}="","",IF(OR(${at("saleDate")}="",${at("faultDate")}="",${at("mileage")}=""),${word(COVERAGE_LABELS.incomplete)},` +
          `IF(AND(${at("faultDate")}<=EDATE(${at("saleDate")},${TERMS_CELLS.months}),${at("mileage")}<=${TERMS_CELLS.km}),${word(COVERAGE_LABELS.within)},${word(COVERAGE_LABELS.outside)})))`,
        expect: (i) => orBlank(i, n, (j) => t(COVERAGE_LABELS[results[j]!.coverage])),
      },
      {
        id: "status",
        header: t(TEXT.status),
        width: 9,
        formula:
          `=IF(${at("reqNo")}="","",IF(${at("approver")}="",${word(STATUS_LABELS.awaitingApproval)},IF(${at("replacedDate")}="",${word(STATUS_LABELS.awaitingReplacement)},` +
          `IF(${at("writeOffDate")}="",${word(STATUS_LABELS.awaitingWriteOff)},${word(STATUS_LABELS.writtenOff)}))))`,
        expect: (i) => orBlank(i, n, (j) => t(STATUS_LABELS[results[j]!.status])),
      },
      {
        id: "check",
        header: t(TEXT.check),
        width: 13,
        formula:
          `=IF(${at("reqNo")}="","",IF(AND(${writingOff},${at("reportNo")}=""),${word(CHECK_LABELS.noReport)},` +
          `IF(AND(${writingOff},${at("customerSigned")}<>${literal(yes)}),${word(CHECK_LABELS.notSigned)},` +
          `IF(AND(ROUND(N(${at("postage")}),6)>0,OR(${at("handlerSign")}="",${at("leaderSign")}="")),${word(CHECK_LABELS.postageSignatures)},` +
          `IF(AND(${writingOff},${at("oldPartReturned")}<>${literal(yes)}),${word(CHECK_LABELS.oldPartMissing)},` +
          `IF(${at("coverage")}=${word(COVERAGE_LABELS.outside)},${word(CHECK_LABELS.outside)},""))))))`,
        expect: (i) =>
          orBlank(i, n, (j) => {
            const c = results[j]!.check;
            return c === null ? "" : t(CHECK_LABELS[c]);
          }),
      },
    ],
  });
  const col = (id: Id) => rangeA1(L.firstRow, L.column[id], L.lastRow, L.column[id]);
  b.conditional({
    range: col("check"),
    rule: { type: "expression", formula: `=${at("check")}<>""` },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: col("coverage"),
    rule: { type: "expression", formula: `=${at("coverage")}=${word(COVERAGE_LABELS.outside)}` },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: col("status"),
    rule: { type: "expression", formula: `=${at("status")}=${word(STATUS_LABELS.writtenOff)}` },
    style: CONDITIONAL.good,
  });
  const plan = finishRecordSheet(b, book, HEADER_ROW, TEXT.title, ORDER.length);
  return ok({ plan: { sheets: [plan], activate: 0 }, results, summary });
}
