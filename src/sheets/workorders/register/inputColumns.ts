/**
 * The register's data and its look: the header and one row per cleaned order (dates as
 * serials, yes/no as 是/否, categories in the register's words, unreadable cells blank) in an
 * Excel table; input columns yellow and validated, calculated columns grey, SLA states coloured.
 */
import { SETTING_NAMES } from "../../../core/settings";
import { ORDER_FIELDS, type OrderField, type WorkOrder } from "../../../core/workorders";
import type { FieldDef } from "../../../core/workorders";
import { rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE } from "../../common/styles";
import type { CellStyle, DataValidation, PlanCell } from "../../plan";
import { lazyRows } from "../../formula/lazyRows";
import { REGISTER_COLUMNS, literal, type RegisterColumn, type Vocabulary } from "../vocabulary";
import { FIRST_ROW, HEADER_ROW, columnRange, type RegisterSheet } from "./context";
import { VALIDATION } from "./strings";

/** The header, the orders (one block; calculated columns are fills) and the table over them. */
export function writeOrders(sheet: RegisterSheet): void {
  const { b, words, orders } = sheet;
  b.setRow(
    HEADER_ROW,
    1,
    REGISTER_COLUMNS.map((c) => words.header[c]),
  );
  // Built row by row as the writer reads it (a year of orders is 100,000 rows).
  b.block(
    FIRST_ROW,
    1,
    lazyRows(orders.length, (i) => dataRow(orders[i]!, words), REGISTER_COLUMNS.length),
  );
  b.table({
    name: sheet.tableName,
    range: rangeA1(HEADER_ROW, 1, sheet.lastRow, sheet.lastColumn),
    style: "TableStyleLight9",
  });
}

/** The last input column (the register's fields end with the 服务报告's). */
const LAST_INPUT: OrderField = ORDER_FIELDS[ORDER_FIELDS.length - 1]!.id;

/** The number format of an input column's kind. */
function inputFormat(kind: FieldDef["kind"] | undefined): CellStyle | null {
  if (kind === "text" || kind === "technician") return { numberFormat: FORMATS.text };
  if (kind === "dateTime") return { numberFormat: FORMATS.dateTime, horizontal: "center" };
  if (kind === "yesNo" || kind === "category" || kind === "contactMethod") return { horizontal: "center" };
  if (kind === "rating") return { numberFormat: "0.#", horizontal: "center" };
  if (kind === "distance") return { numberFormat: "0.#" };
  if (kind === "quantity") return { numberFormat: "0.##", horizontal: "center" };
  return null;
}

/**
 * Input columns yellow and unlocked, calculated grey; dates, hours, text; the SLA and completion
 * states coloured; a phone reply to a chassis-engine fault red where written contact is required.
 */
export function formatColumns(sheet: RegisterSheet): void {
  const { b, lastRow, column } = sheet;
  const kindOf = new Map(ORDER_FIELDS.map((f) => [f.id as RegisterColumn, f.kind]));
  const range = (c: RegisterColumn): string => columnRange(sheet, c);
  b.format(rangeA1(HEADER_ROW, 1, HEADER_ROW, sheet.lastColumn), {
    bold: true,
    wrap: true,
    vertical: "middle",
    horizontal: "center",
  });
  b.format(rangeA1(FIRST_ROW, 1, lastRow, column[LAST_INPUT]), { fill: PALETTE.inputFill, locked: false });
  b.format(rangeA1(FIRST_ROW, column.slaHours, lastRow, column.reportComplete), { fill: PALETTE.computedFill });
  for (const c of REGISTER_COLUMNS) {
    const style = inputFormat(kindOf.get(c));
    if (style) b.format(range(c), style);
  }
  b.format(range("slaHours"), { numberFormat: "0.##", horizontal: "center" });
  b.format(range("deadline"), { numberFormat: FORMATS.dateTime, horizontal: "center" });
  b.format(range("slaEventAt"), { numberFormat: FORMATS.dateTime, horizontal: "center" });
  b.format(range("slaState"), { horizontal: "center" });
  b.format(range("responseHours"), { numberFormat: FORMATS.hours1, horizontal: "center" });
  b.format(range("completionDeadline"), { numberFormat: FORMATS.dateTime, horizontal: "center" });
  b.format(range("completionState"), { horizontal: "center" });
  b.format(range("reportComplete"), { horizontal: "center" });
  b.format(range("sourceRow"), { numberFormat: FORMATS.integer, horizontal: "center", fontColor: PALETTE.note });
  const words = sheet.words.state;
  b.conditional({
    range: range("reportComplete"),
    rule: { type: "expression", formula: `=${sheet.letter.reportComplete}${FIRST_ROW}=${literal(sheet.words.no)}` },
    style: CONDITIONAL.bad,
  });
  for (const c of ["slaState", "completionState"] as const) {
    const state = `${sheet.letter[c]}${FIRST_ROW}`;
    for (const [word, style] of [
      [words.missed, CONDITIONAL.bad],
      [words.met, CONDITIONAL.good],
      [words.pending, CONDITIONAL.neutral],
    ] as const) {
      b.conditional({ range: range(c), rule: { type: "expression", formula: `=${state}=${literal(word)}` }, style });
    }
  }
  b.conditional({
    range: range("contactMethod"),
    rule: { type: "expression", formula: `=${phoneReplyToChassis(sheet)}` },
    style: CONDITIONAL.bad,
  });
}

/**
 * True (for the first order's row, filled down) when the reply to a chassis-engine fault was by
 * phone and 考核参数 requires written contact (3.2.3): that reply does not count.
 */
export function phoneReplyToChassis(sheet: RegisterSheet): string {
  const at = (c: RegisterColumn): string => `${sheet.letter[c]}${FIRST_ROW}`;
  const { words } = sheet;
  return (
    `AND(${at("category")}=${literal(words.category.chassisEngine)},` +
    `${at("contactMethod")}=${literal(words.contactMethod.phone)},${SETTING_NAMES.slaChassisWrittenOnly}=1)`
  );
}

/** The validation of an input field by its kind (none for free text), its error titled with the column. */
function fieldValidation(sheet: RegisterSheet, f: (typeof ORDER_FIELDS)[number]): Omit<DataValidation, "range"> | null {
  const { t, words } = sheet;
  const title = t(f.label);
  switch (f.kind) {
    case "yesNo":
      return {
        rule: { type: "list", values: [words.yes, words.no] },
        allowBlank: true,
        error: { title, message: t(VALIDATION.yesNo(words.yes, words.no)) },
      };
    case "category":
      return {
        rule: { type: "list", values: [words.category.body, words.category.chassisEngine, words.category.other] },
        allowBlank: true,
        error: { title, message: t(VALIDATION.category) },
      };
    case "contactMethod":
      return {
        rule: { type: "list", values: [words.contactMethod.written, words.contactMethod.phone] },
        allowBlank: true,
        error: { title, message: t(VALIDATION.contactMethod(words.contactMethod.written, words.contactMethod.phone)) },
      };
    case "dateTime":
      return {
        rule: { type: "date" },
        allowBlank: !f.required,
        prompt: { title, message: t(VALIDATION.dateTimePrompt) },
        error: { title, message: t(VALIDATION.dateTime) },
      };
    case "distance":
      return {
        rule: { type: "decimal", min: 0 },
        allowBlank: true,
        error: { title, message: t(VALIDATION.distance) },
      };
    case "quantity":
      return {
        rule: { type: "decimal", min: 0 },
        allowBlank: true,
        error: { title, message: t(VALIDATION.quantity) },
      };
    case "rating":
      return {
        rule: { type: "decimal", min: 1, max: 10 },
        allowBlank: true,
        error: { title, message: t(VALIDATION.rating) },
      };
    default:
      return null;
  }
}

/** What a person may type into the input columns. */
export function validateInputs(sheet: RegisterSheet): void {
  for (const f of ORDER_FIELDS) {
    const validation = fieldValidation(sheet, f);
    if (validation) sheet.b.validate({ range: columnRange(sheet, f.id), ...validation });
  }
}

/** One order's cells in register order. */
function dataRow(o: WorkOrder, v: Vocabulary): PlanCell[] {
  const yn = (x: boolean) => (x ? v.yes : v.no);
  const values: Record<OrderField, PlanCell> = {
    orderId: o.orderId,
    customer: o.customer,
    technician: o.technician ?? v.unassigned,
    product: o.product,
    category: o.category === null ? null : v.category[o.category],
    reportedAt: o.reportedAt,
    dispatchedAt: o.dispatchedAt,
    repliedAt: o.repliedAt,
    contactMethod: o.contactMethod === null ? null : v.contactMethod[o.contactMethod],
    arrivedAt: o.arrivedAt,
    completedAt: o.completedAt,
    distanceKm: o.distanceKm,
    mileageKm: o.mileageKm,
    supplierNeeded: yn(o.supplierNeeded),
    warranty: yn(o.warranty),
    firstTimeFix: yn(o.firstTimeFix),
    quality: o.quality,
    satisfaction: o.satisfaction,
    returnVisit: yn(o.returnVisit),
    complaint: yn(o.complaint),
    serviceCaused: yn(o.serviceCaused),
    complaintHandled: yn(o.complaintHandled),
    signatureObtained: yn(o.signatureObtained),
    partName: o.partName,
    partQuantity: o.partQuantity,
    partReason: o.partReason,
    oldPartReturned: yn(o.oldPartReturned),
  };
  return REGISTER_COLUMNS.map((c) => (c === "sourceRow" ? o.row : c in values ? values[c as OrderField] : null));
}
