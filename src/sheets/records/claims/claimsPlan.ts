/**
 * The secondary claims (RULES.md#secondary-claims; policy 3.8): 二次索赔登记表, one line per claim
 * with its outstanding amount, state and age as of C3, and 索赔供应商汇总, each supplier's claims,
 * amounts claimed, recovered, refused and outstanding and the recovery rate, with the totals.
 * Suppliers are matched with exact equality in SUMPRODUCT (a name such as "灯具*厂" is no
 * wildcard).
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import {
  CLAIM_FIELDS,
  CLAIM_STATUS_LABELS,
  assessClaim,
  supplierTotals,
  totalsOf,
  type Claim,
  type ClaimField,
  type ClaimResult,
  type SupplierTotals,
} from "../../../core/records/claims";
import { rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { PlanCell, WorkbookPlan } from "../../plan";
import {
  finishRecordSheet,
  orBlank,
  otherSheetColumn,
  recordBuilder,
  recordSheetName,
  recordTitle,
  type RecordBook,
} from "../common/recordSheet";
import { literal, matches, recordLayout, writeRecordTable, type RecordLayout } from "../common/recordTable";
import { CLAIM_SHEET_NAMES, TEXT } from "./strings";

export interface ClaimsOptions {
  readonly station: string;
  readonly claims: readonly Claim[];
  /** The date the ages count to (an editable cell). */
  readonly asOf: number;
  readonly locale: Locale;
  readonly blankRows?: number;
  readonly blankSupplierRows?: number;
}

export interface ClaimsBook {
  readonly plan: WorkbookPlan;
  readonly results: readonly ClaimResult[];
  readonly suppliers: readonly SupplierTotals[];
  /** The department's totals (supplier "" = all). */
  readonly total: SupplierTotals;
}

type ClaimId = ClaimField | "outstanding" | "status" | "age";
const CLAIM_ORDER: readonly ClaimId[] = [
  "claimNo",
  "supplier",
  "orderId",
  "reqNo",
  "partName",
  "fault",
  "amount",
  "submitted",
  "recovered",
  "recoveredDate",
  "refused",
  "outstanding",
  "status",
  "age",
  "note",
];
type SupplierId = "supplier" | "claims" | "amount" | "recovered" | "refused" | "outstanding" | "rate";
const SUPPLIER_ORDER: readonly SupplierId[] = [
  "supplier",
  "claims",
  "amount",
  "recovered",
  "refused",
  "outstanding",
  "rate",
];
export const CLAIM_TABLES = { claims: "SVC_Claims", suppliers: "SVC_ClaimSuppliers" };
export const AS_OF_CELL = "$C$3";

export function claimsPlan(options: ClaimsOptions): Result<ClaimsBook> {
  const { claims, locale, asOf } = options;
  const blankRows = options.blankRows ?? 100;
  if (claims.length === 0 && blankRows === 0) return fail("na", TEXT.noRows);
  const t = (x: Text) => pick(x, locale);
  const station = options.station.trim();
  const results = claims.map((c) => assessClaim(c, asOf));
  const suppliers = supplierTotals(claims, results);
  const total = sumTotals(claims, results);
  const names = {
    claims: recordSheetName(t(CLAIM_SHEET_NAMES.claims), station),
    suppliers: recordSheetName(t(CLAIM_SHEET_NAMES.suppliers), station),
  };
  const C = recordLayout(CLAIM_ORDER, 5, claims.length + blankRows);
  const S = recordLayout(SUPPLIER_ORDER, 5, suppliers.length + (options.blankSupplierRows ?? 10));
  const book: Book = { t, locale, station, names, claims, results, suppliers, total, asOf, C, S };
  return ok({ plan: { sheets: [claimsSheet(book), suppliersSheet(book)], activate: 0 }, results, suppliers, total });
}

interface Book extends RecordBook {
  readonly names: { readonly claims: string; readonly suppliers: string };
  readonly claims: readonly Claim[];
  readonly results: readonly ClaimResult[];
  readonly suppliers: readonly SupplierTotals[];
  readonly total: SupplierTotals;
  readonly asOf: number;
  readonly C: RecordLayout<ClaimId>;
  readonly S: RecordLayout<SupplierId>;
}

function sumTotals(claims: readonly Claim[], results: readonly ClaimResult[]): SupplierTotals {
  const all = claims.map((c) => ({ ...c, supplier: "*" }));
  return { ...totalsOf("*", all, results), supplier: "" };
}

function claimsSheet(book: Book) {
  const { t, claims, results, C: L, total } = book;
  const b = recordBuilder(book, "secondaryClaims", book.names.claims, L, CLAIM_TABLES.claims, CLAIM_ORDER.length);
  recordTitle(b, book, TEXT.claimsTitle, TEXT.claimsNote, CLAIM_ORDER.length);
  b.set(3, 1, t(TEXT.asOf), { bold: true });
  b.merge(rangeA1(3, 1, 3, 2));
  b.set(3, 3, book.asOf, {
    fill: PALETTE.inputFill,
    locked: false,
    border: "thin",
    numberFormat: FORMATS.date,
    horizontal: "center",
  });
  b.validate({
    range: "C3",
    rule: { type: "date" },
    allowBlank: false,
    error: {
      title: t(TEXT.asOf),
      message: t({ zh: "请输入日期，例如 2026-12-01。", en: "Enter a date, e.g. 2026-12-01." }),
    },
  });
  const hasNo = `--(${L.body("claimNo")}<>"")`;
  const sums: [Text, string, number][] = [
    [TEXT.amount, `=SUMPRODUCT(${hasNo},${L.body("amount")})`, total.amount],
    [TEXT.recovered, `=SUMPRODUCT(${hasNo},${L.body("recovered")})`, total.recovered],
    [TEXT.refused, `=SUMPRODUCT(${hasNo},${L.body("refused")})`, total.refused],
    [TEXT.outstanding, `=SUM(${L.body("outstanding")})`, total.outstanding],
  ];
  sums.forEach(([label, f, v], k) => {
    b.set(4, 1 + k * 2, t(label), { bold: true, horizontal: "right" });
    b.set(4, 2 + k * 2, { f, expect: v }, { ...STYLES.computed, numberFormat: FORMATS.money });
  });
  const n = claims.length;
  const at = L.at;
  const out = `ROUND(${at("outstanding")},2)`;
  const word = (x: Text) => literal(t(x));
  const S = CLAIM_STATUS_LABELS;
  const widths: Partial<Record<ClaimId, number>> = {
    claimNo: 12,
    supplier: 14,
    orderId: 14,
    reqNo: 12,
    partName: 12,
    fault: 14,
    note: 16,
  };
  writeRecordTable(b, {
    layout: L,
    order: CLAIM_ORDER,
    tableName: CLAIM_TABLES.claims,
    t,
    records: n,
    values: (i) => {
      const c = claims[i]!;
      const v: Partial<Record<ClaimId, PlanCell>> = {};
      for (const f of CLAIM_FIELDS) v[f.id] = c[f.id];
      return v;
    },
    inputs: CLAIM_FIELDS.map((f) => ({
      id: f.id,
      header: t(f.label),
      width: widths[f.id] ?? (f.kind.type === "date" ? 11 : 10),
      kind: f.kind.type === "date" ? "date" : f.kind.type === "number" ? "money" : "text",
    })),
    computed: [
      {
        id: "outstanding",
        header: t(TEXT.outstanding),
        width: 10,
        formula: `=IF(${at("claimNo")}="","",N(${at("amount")})-N(${at("recovered")})-N(${at("refused")}))`,
        expect: (i) => orBlank(i, n, (j) => results[j]!.outstanding),
        numberFormat: FORMATS.money,
      },
      {
        id: "status",
        header: t(TEXT.status),
        width: 9,
        formula:
          `=IF(${at("claimNo")}="","",IF(N(${at("amount")})<=0,${word(S.noAmount)},IF(${out}<0,${word(S.over)},` +
          `IF(${at("submitted")}="",${word(S.notSubmitted)},IF(${out}>0,IF(N(${at("recovered")})>0,${word(S.partial)},${word(S.awaiting)}),` +
          `IF(N(${at("recovered")})>0,${word(S.settled)},${word(S.refused)}))))))`,
        expect: (i) => orBlank(i, n, (j) => t(S[results[j]!.status])),
      },
      {
        id: "age",
        header: t(TEXT.age),
        width: 8,
        formula: `=IF(OR(${at("claimNo")}="",${at("submitted")}=""),"",IF(${out}>0,${AS_OF_CELL}-${at("submitted")},""))`,
        expect: (i) => orBlank(i, n, (j) => results[j]!.ageDays ?? ""),
        numberFormat: FORMATS.integer,
      },
    ],
  });
  const col = (id: ClaimId) => rangeA1(L.firstRow, L.column[id], L.lastRow, L.column[id]);
  b.conditional({
    range: col("status"),
    rule: { type: "expression", formula: `=${at("status")}=${word(S.settled)}` },
    style: CONDITIONAL.good,
  });
  b.conditional({
    range: col("status"),
    rule: {
      type: "expression",
      formula: `=OR(${at("status")}=${word(S.over)},${at("status")}=${word(S.noAmount)},${at("status")}=${word(S.refused)})`,
    },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: col("age"),
    rule: { type: "expression", formula: `=AND(${at("age")}<>"",${at("age")}>90)` },
    style: CONDITIONAL.neutral,
  });
  return finishRecordSheet(b, book, L.headerRow, TEXT.claimsTitle, CLAIM_ORDER.length);
}

function suppliersSheet(book: Book) {
  const { t, suppliers, total, C, S: L, names } = book;
  const b = recordBuilder(book, "claimSuppliers", names.suppliers, L, CLAIM_TABLES.suppliers, SUPPLIER_ORDER.length);
  recordTitle(b, book, TEXT.suppliersTitle, TEXT.suppliersNote, SUPPLIER_ORDER.length);
  const n = suppliers.length;
  const at = L.at;
  const claimsCol = (id: ClaimId) => otherSheetColumn(names.claims, C, id);
  const bySupplier = `${matches(claimsCol("supplier"), at("supplier"))},--(${claimsCol("claimNo")}<>"")`;
  const sumOf = (id: ClaimId) => `=IF(${at("supplier")}="","",SUMPRODUCT(${bySupplier},${claimsCol(id)}))`;
  const value = (key: keyof SupplierTotals) => (i: number) =>
    orBlank(i, n, (j) => {
      const v = suppliers[j]![key];
      return v === null ? "" : v;
    });
  writeRecordTable(b, {
    layout: L,
    order: SUPPLIER_ORDER,
    tableName: CLAIM_TABLES.suppliers,
    t,
    records: n,
    values: (i) => ({ supplier: suppliers[i]!.supplier }),
    inputs: [{ id: "supplier", header: t(CLAIM_FIELDS[1]!.label), width: 18, kind: "text" }],
    computed: [
      {
        id: "claims",
        header: t(TEXT.claims),
        width: 9,
        formula: `=IF(${at("supplier")}="","",SUMPRODUCT(${bySupplier}))`,
        expect: value("claims"),
        numberFormat: FORMATS.integer,
      },
      {
        id: "amount",
        header: t(TEXT.amount),
        width: 12,
        formula: sumOf("amount"),
        expect: value("amount"),
        numberFormat: FORMATS.money,
      },
      {
        id: "recovered",
        header: t(TEXT.recovered),
        width: 12,
        formula: sumOf("recovered"),
        expect: value("recovered"),
        numberFormat: FORMATS.money,
      },
      {
        id: "refused",
        header: t(TEXT.refused),
        width: 12,
        formula: sumOf("refused"),
        expect: value("refused"),
        numberFormat: FORMATS.money,
      },
      {
        id: "outstanding",
        header: t(TEXT.outstanding),
        width: 12,
        formula: sumOf("outstanding"),
        expect: value("outstanding"),
        numberFormat: FORMATS.money,
      },
      {
        id: "rate",
        header: t(TEXT.rate),
        width: 9,
        formula: `=IF(${at("supplier")}="","",IF(${at("amount")}=0,"",${at("recovered")}/${at("amount")}))`,
        expect: value("rate"),
        numberFormat: FORMATS.percent1,
      },
    ],
  });
  // Row 4: the department's totals over every claim of the register.
  b.set(4, 1, t(TEXT.total), { ...STYLES.computed, bold: true });
  const totals: [SupplierId, string, number | ""][] = [
    ["claims", `=SUMPRODUCT(--(${claimsCol("claimNo")}<>""))`, total.claims],
    ["amount", `=SUMPRODUCT(--(${claimsCol("claimNo")}<>""),${claimsCol("amount")})`, total.amount],
    ["recovered", `=SUMPRODUCT(--(${claimsCol("claimNo")}<>""),${claimsCol("recovered")})`, total.recovered],
    ["refused", `=SUMPRODUCT(--(${claimsCol("claimNo")}<>""),${claimsCol("refused")})`, total.refused],
    ["outstanding", `=SUM(${claimsCol("outstanding")})`, total.outstanding],
    ["rate", `=IF(C4=0,"",D4/C4)`, total.rate ?? ""],
  ];
  for (const [id, f, v] of totals)
    b.set(
      4,
      L.column[id],
      { f, expect: v },
      {
        ...STYLES.computed,
        bold: true,
        numberFormat: id === "claims" ? FORMATS.integer : id === "rate" ? FORMATS.percent1 : FORMATS.money,
      },
    );
  return finishRecordSheet(b, book, L.headerRow, TEXT.suppliersTitle, SUPPLIER_ORDER.length);
}
