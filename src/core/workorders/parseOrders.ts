/**
 * Reading work orders out of the rows a user has (RULES.md#work-order-register), without dropping anything
 * silently and without touching the source:
 * - a cell that cannot be read (not a date, a rating outside 1–10, a negative distance, an
 *   unknown category or yes/no word, an event earlier than 报修时间) is reported with its row,
 *   column and reason and treated as blank; the rest of the row is still used;
 * - a row whose 报修时间 is blank or unreadable is reported and left out (it has no month);
 * - a repeated 工单号: the first row that is used keeps it; each later one is reported and
 *   left out;
 * - an entirely empty row inside the data is reported and left out (trailing empty rows are
 *   not data and are not read); a run of empty rows is one problem naming its first and last
 *   row, so a stray cell in row 1,048,576 costs one problem, not a million;
 * - identifiers and names are the cell's text exactly (an 11–18 digit 工单号 is never rounded);
 *   a cell showing an Excel error (#N/A, #DIV/0! …) or longer than a cell holds is reported and
 *   treated as blank; a numeric 工单号 of 16+ digits (Excel kept only 15) is reported and
 *   treated as blank, so two IDs that Excel made equal are not taken for a repeat.
 * Every data row is therefore either used or listed. Row numbers are those the user sees
 * (header = row 1 of a file; a selection's own sheet rows in Excel).
 */
import { text, type Text } from "../i18n/text";
import type { Problem, ProblemKind } from "../problem";
import { parseDateTime } from "../dates/parseDateTime";
import { formatSerial, MS_PER_DAY } from "../dates/serial";
import { parseFaultCategory, type FaultCategory } from "../sla/category";
import { parseContactMethod, type ContactMethod } from "../sla/contactMethod";
import { isBlank } from "../values/blank";
import { formatNumber } from "../values/describe";
import {
  cellText,
  errorCellMessage,
  excelErrorOf,
  idPrecisionLost,
  MAX_CELL_CHARS,
  precisionLostMessage,
  tooLongMessage,
} from "../values/cellText";
import { normalizeText } from "../values/text";
import { parseNumericText, toNumber } from "../values/toNumber";
import { parseYesNo } from "../values/yesNo";
import { ORDER_FIELDS, fieldDef, type FieldDef, type OrderField } from "./fields";
import type { ColumnMapping } from "./headers";

/** One order as the engine uses it. `null` = blank (or unreadable, then reported). */
export interface WorkOrder {
  /** Row number in the source as the user sees it. */
  readonly row: number;
  readonly orderId: string | null;
  readonly customer: string | null;
  /** `null` = 未指派 (unassigned): a blank cell or the word 未指派 / unassigned. */
  readonly technician: string | null;
  readonly product: string | null;
  readonly category: FaultCategory | null;
  /** Excel serial; always present for a used order. */
  readonly reportedAt: number;
  /** 派工时间: 维修及时率 counts from it. */
  readonly dispatchedAt: number | null;
  readonly repliedAt: number | null;
  /** 答复方式 of the first reply: written or phone (3.2.3); null = not recorded. */
  readonly contactMethod: ContactMethod | null;
  readonly arrivedAt: number | null;
  readonly completedAt: number | null;
  /** 服务半径(km): the distance to the customer. */
  readonly distanceKm: number | null;
  /** 运行里程(km): the vehicle's mileage (三包), never the service distance. */
  readonly mileageKm: number | null;
  /** Yes/no fields: a blank cell means 否 (RULES.md#work-order-register). */
  readonly supplierNeeded: boolean;
  readonly warranty: boolean;
  readonly firstTimeFix: boolean;
  /** 1–10 ratings. */
  readonly quality: number | null;
  readonly satisfaction: number | null;
  readonly returnVisit: boolean;
  readonly complaint: boolean;
  readonly serviceCaused: boolean;
  readonly complaintHandled: boolean;
  /** 服务报告 (3.4.2 E–d): the customer signed it (blank = 否). */
  readonly signatureObtained: boolean;
  /** The part replaced, how many, and why; null = not written. */
  readonly partName: string | null;
  readonly partQuantity: number | null;
  readonly partReason: string | null;
  /** The old part came back (blank = 否). */
  readonly oldPartReturned: boolean;
}

/** What happened to the data because of a problem. */
export type ProblemEffect = "treatedAsBlank" | "rowLeftOut";

/** A problem in the source table: always with the row; with the column header when it is about a cell. */
export interface OrderProblem extends Problem {
  readonly row: number;
  /** For a run of empty rows: the last row of the run (`row` is the first). */
  readonly lastRow?: number;
  readonly field?: OrderField;
  /** The cell's value as the user has it (for the 数据问题 sheet); null for a blank cell or a whole row. */
  readonly value: string | number | boolean | null;
  readonly effect: ProblemEffect;
}

export interface ParsedOrders {
  readonly orders: readonly WorkOrder[];
  /** In row order; within a row, in column order. */
  readonly problems: readonly OrderProblem[];
  /** Data rows read (header excluded, trailing empty rows not counted). */
  readonly rowsRead: number;
  /** Rows that became orders (= orders.length). */
  readonly rowsUsed: number;
}

export interface ParseOptions {
  /** Row number (as the user sees it) of `rows[0]`. */
  readonly firstRow: number;
  /** Header texts by 0-based column index, used to name columns in problems. */
  readonly headers: readonly unknown[];
}

type Cell = string | number | boolean | null;

const UNASSIGNED_WORDS = new Set(["未指派", "未分配", "unassigned", "not assigned"]);
const DISTANCE_UNIT = /\s*(?:km|公里|千米)$/i;
const QUANTITY_UNIT = /\s*(?:个|件|只|套|根|条|片|台|pcs|pc|x)$/i;

/**
 * Reads `rows` (the data rows below the header) with the confirmed `mapping`.
 *
 * @example
 * parseOrders([["W1", "2026-10-05 08:30", "张三"]], { reportedAt: 1, orderId: 0, technician: 2 },
 *             { firstRow: 2, headers: ["工单号", "报修时间", "服务人员"] })
 *   // → { orders: [{ row: 2, orderId: "W1", technician: "张三", reportedAt: 46300.354…, … }], problems: [], rowsRead: 1, rowsUsed: 1 }
 */
export function parseOrders(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  options: ParseOptions,
): ParsedOrders {
  const orders: WorkOrder[] = [];
  const problems: OrderProblem[] = [];
  const claimedIds = new Map<string, number>();
  const memo = new Map<string, Read>();
  let last = rows.length - 1;
  while (last >= 0 && rowIsEmpty(rows[last])) last--;
  const rowsRead = last + 1;
  // Fields read per row, in column order (so a row's problems come out left to right).
  const mapped = ORDER_FIELDS.filter((f) => mapping[f.id] !== undefined && f.id !== "reportedAt" && f.id !== "orderId")
    .map((f) => ({
      def: f,
      column: mapping[f.id] as number,
      name: headerName(options.headers[mapping[f.id] as number], f),
    }))
    .sort((a, b) => a.column - b.column);
  const reportedDef = fieldDef("reportedAt");
  const reportedCol = mapping.reportedAt;
  const reportedColumn =
    reportedCol === undefined ? reportedDef.label.zh : headerName(options.headers[reportedCol], reportedDef);
  const idCol = mapping.orderId;
  const idColumn = idCol === undefined ? "" : headerName(options.headers[idCol], fieldDef("orderId"));

  for (let i = 0; i < rowsRead; i++) {
    const cells = rows[i];
    const row = options.firstRow + i;
    if (rowIsEmpty(cells)) {
      let end = i;
      while (end + 1 < rowsRead && rowIsEmpty(rows[end + 1])) end++;
      const lastRow = options.firstRow + end;
      problems.push(
        lastRow === row
          ? {
              kind: "na",
              row,
              value: null,
              effect: "rowLeftOut",
              message: text("空行：没有任何数据，未计入", "empty row: it holds no data and was left out"),
            }
          : {
              kind: "na",
              row,
              lastRow,
              value: null,
              effect: "rowLeftOut",
              message: text(
                `第 ${row}–${lastRow} 行（共 ${lastRow - row + 1} 行）是空行：没有任何数据，未计入`,
                `rows ${row}–${lastRow} (${lastRow - row + 1} rows) are empty: they hold no data and were left out`,
              ),
            },
      );
      i = end;
      continue;
    }

    // 报修时间 decides whether the row can be used at all.
    const reportedRaw = reportedCol === undefined ? null : toCell(cells[reportedCol]);
    if (isBlank(reportedRaw)) {
      problems.push({
        kind: "na",
        row,
        column: reportedColumn,
        field: "reportedAt",
        value: null,
        effect: "rowLeftOut",
        message: text(
          "报修时间为空：无法归入月份，该行未计入",
          "the report time is blank: the order cannot be placed in a month and the row was left out",
        ),
      });
      continue;
    }
    const reported = parseDateTime(reportedRaw, reportedDef.label);
    if (!reported.ok) {
      const why = reported.problem.message;
      problems.push({
        kind: reported.problem.kind,
        row,
        column: reportedColumn,
        field: "reportedAt",
        value: reportedRaw,
        effect: "rowLeftOut",
        message: text(
          `${why.zh}；无法归入月份，该行未计入`,
          `${why.en}; the order cannot be placed in a month and the row was left out`,
        ),
      });
      continue;
    }
    const reportedAt = reported.value as number;

    // A repeated 工单号: the first used row keeps it.
    const idRaw = idCol === undefined ? null : toCell(cells[idCol]);
    const idRead = readId(idRaw);
    if (idRead.problem) {
      problems.push({
        kind: "value",
        row,
        column: idColumn,
        field: "orderId",
        value: idRaw,
        effect: "treatedAsBlank",
        message: asBlank(idRead.problem),
      });
    }
    const orderId = idRead.id;
    if (orderId !== null) {
      const key = PLAIN_ID.test(orderId) ? orderId.toLowerCase() : normalizeText(orderId).toLowerCase();
      const first = claimedIds.get(key);
      if (first !== undefined) {
        problems.push({
          kind: "value",
          row,
          column: idColumn,
          field: "orderId",
          value: idRaw,
          effect: "rowLeftOut",
          message: text(
            `工单号“${orderId}”与第 ${first} 行重复：以第 ${first} 行为准，该行未计入`,
            `order ID "${orderId}" repeats row ${first}: row ${first} counts and this row was left out`,
          ),
        });
        continue;
      }
      claimedIds.set(key, row);
    }

    const order: Mutable<WorkOrder> = blankOrder(row, orderId, reportedAt);
    for (let k = 0; k < mapped.length; k++) {
      const { def, column, name } = mapped[k];
      const raw = toCell(cells[column]);
      const read = readCached(def, raw, reportedAt, memo);
      if (read.problem) {
        problems.push({
          kind: read.problem.kind,
          row,
          column: name,
          field: def.id,
          value: raw,
          effect: "treatedAsBlank",
          message: asBlank(read.problem.message),
        });
      }
      SETTERS[def.id](order, read.value);
    }
    if (order.dispatchedAt !== null && order.completedAt !== null && order.completedAt < order.dispatchedAt) {
      problems.push(completedBeforeDispatch(order, row, options.headers[mapping.dispatchedAt as number]));
      order.dispatchedAt = null;
    }
    orders.push(order);
  }
  return { orders, problems, rowsRead, rowsUsed: orders.length };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An order with nothing but its row, ID and report time: every other field blank (yes/no 否).
 * The parser fills it cell by cell; tests build orders from it.
 */
export function blankOrder(row: number, orderId: string | null, reportedAt: number): Mutable<WorkOrder> {
  return {
    row,
    orderId,
    customer: null,
    technician: null,
    product: null,
    category: null,
    reportedAt,
    dispatchedAt: null,
    repliedAt: null,
    contactMethod: null,
    arrivedAt: null,
    completedAt: null,
    distanceKm: null,
    mileageKm: null,
    supplierNeeded: false,
    warranty: false,
    firstTimeFix: false,
    quality: null,
    satisfaction: null,
    returnVisit: false,
    complaint: false,
    serviceCaused: false,
    complaintHandled: false,
    signatureObtained: false,
    partName: null,
    partQuantity: null,
    partReason: null,
    oldPartReturned: false,
  };
}

/** One setter per field keeps every order object the same shape (fast property access). */
const SETTERS: Readonly<Record<OrderField, (o: Mutable<WorkOrder>, v: unknown) => void>> = {
  orderId: (o, v) => (o.orderId = v as string | null),
  customer: (o, v) => (o.customer = v as string | null),
  technician: (o, v) => (o.technician = v as string | null),
  product: (o, v) => (o.product = v as string | null),
  category: (o, v) => (o.category = v as FaultCategory | null),
  reportedAt: (o, v) => (o.reportedAt = v as number),
  dispatchedAt: (o, v) => (o.dispatchedAt = v as number | null),
  repliedAt: (o, v) => (o.repliedAt = v as number | null),
  contactMethod: (o, v) => (o.contactMethod = v as ContactMethod | null),
  arrivedAt: (o, v) => (o.arrivedAt = v as number | null),
  completedAt: (o, v) => (o.completedAt = v as number | null),
  distanceKm: (o, v) => (o.distanceKm = v as number | null),
  mileageKm: (o, v) => (o.mileageKm = v as number | null),
  supplierNeeded: (o, v) => (o.supplierNeeded = v as boolean),
  warranty: (o, v) => (o.warranty = v as boolean),
  firstTimeFix: (o, v) => (o.firstTimeFix = v as boolean),
  quality: (o, v) => (o.quality = v as number | null),
  satisfaction: (o, v) => (o.satisfaction = v as number | null),
  returnVisit: (o, v) => (o.returnVisit = v as boolean),
  complaint: (o, v) => (o.complaint = v as boolean),
  serviceCaused: (o, v) => (o.serviceCaused = v as boolean),
  complaintHandled: (o, v) => (o.complaintHandled = v as boolean),
  signatureObtained: (o, v) => (o.signatureObtained = v as boolean),
  partName: (o, v) => (o.partName = v as string | null),
  partQuantity: (o, v) => (o.partQuantity = v as number | null),
  partReason: (o, v) => (o.partReason = v as string | null),
  oldPartReturned: (o, v) => (o.oldPartReturned = v as boolean),
};

interface Read {
  readonly value: unknown;
  readonly problem?: { readonly kind: ProblemKind; readonly message: Text };
}

const NOTHING: Read = { value: null };
const NO: Read = { value: false };
const YES: Read = { value: true };

function bad(value: unknown, kind: ProblemKind, message: Text): Read {
  return { value, problem: { kind, message } };
}

/** An order ID of visible ASCII only needs no width or space normalisation. */
const PLAIN_ID = /^[!-~]+$/;
/** Kinds whose text values repeat (names, categories, yes/no words): each distinct text is read once per table. */
const MEMO_KINDS = new Set(["technician", "category", "yesNo", "contactMethod"]);
const MEMO_LIMIT = 10_000;

function readCached(def: FieldDef, raw: Cell, reportedAt: number, memo: Map<string, Read>): Read {
  if (typeof raw !== "string" || !MEMO_KINDS.has(def.kind)) return readField(def, raw, reportedAt);
  const k = `${def.id}\u0000${raw}`;
  let r = memo.get(k);
  if (r === undefined) {
    r = readField(def, raw, reportedAt);
    if (memo.size < MEMO_LIMIT) memo.set(k, r);
  }
  return r;
}

/** One cell of a used row, read by its field's rule; a problem comes back with the blank value. */
function readField(def: FieldDef, raw: Cell, reportedAt: number): Read {
  switch (def.kind) {
    case "text": {
      if (isBlank(raw)) return NOTHING;
      const p = textProblem(raw, def.label);
      return p ? bad(null, "value", p) : { value: cellText(raw) };
    }
    case "technician": {
      if (isBlank(raw)) return NOTHING;
      const p = textProblem(raw, def.label);
      if (p) return bad(null, "value", p);
      const name = normalizeText(cellText(raw));
      return UNASSIGNED_WORDS.has(name.toLowerCase()) ? NOTHING : { value: name };
    }
    case "category": {
      const r = parseFaultCategory(raw);
      return r.ok ? { value: r.value } : bad(null, r.problem.kind, r.problem.message);
    }
    case "dateTime": {
      if (isBlank(raw)) return NOTHING;
      const r = parseDateTime(raw, def.label);
      if (!r.ok) return bad(null, r.problem.kind, r.problem.message);
      const at = r.value as number;
      if (Math.round(at * MS_PER_DAY) < Math.round(reportedAt * MS_PER_DAY)) {
        const shown = formatSerial(at);
        const rep = formatSerial(reportedAt);
        return bad(
          null,
          "value",
          text(
            `${def.label.zh} ${shown} 早于报修时间 ${rep}`,
            `${def.label.en} ${shown} is earlier than the report time ${rep}`,
          ),
        );
      }
      return { value: at };
    }
    case "distance": {
      if (isBlank(raw)) return NOTHING;
      const n = readAmount(raw, def.label, DISTANCE_UNIT);
      return n.ok ? { value: n.value } : bad(null, n.kind, n.message);
    }
    case "quantity": {
      if (isBlank(raw)) return NOTHING;
      const n = readAmount(raw, def.label, QUANTITY_UNIT);
      return n.ok ? { value: n.value } : bad(null, n.kind, n.message);
    }
    case "rating": {
      if (isBlank(raw)) return NOTHING;
      const r = toNumber(raw, def.label);
      if (!r.ok) return bad(null, r.problem.kind, r.problem.message);
      const v = r.value as number;
      if (v < 1 || v > 10)
        return bad(
          null,
          "num",
          text(
            `${def.label.zh} ${formatNumber(v)} 不在 1–10 之间`,
            `${def.label.en} ${formatNumber(v)} is not between 1 and 10`,
          ),
        );
      return { value: v };
    }
    case "contactMethod": {
      const r = parseContactMethod(raw);
      return r.ok ? { value: r.value } : bad(null, r.problem.kind, r.problem.message);
    }
    case "yesNo": {
      if (raw === true || raw === "是" || raw === 1) return YES;
      if (raw === false || raw === "否" || raw === 0 || isBlank(raw)) return NO;
      const r = parseYesNo(raw, "no", def.label);
      return r.ok ? (r.value === true ? YES : NO) : bad(false, r.problem.kind, r.problem.message);
    }
  }
}

/** A number ≥ 0 whose text may carry its unit: a distance ("120 km", "120公里"), a quantity ("2 个", "3pcs"). */
function readAmount(
  raw: Cell,
  label: Text,
  unit: RegExp,
): { ok: true; value: number | null } | { ok: false; kind: ProblemKind; message: Text } {
  let value: unknown = raw;
  if (typeof raw === "string") {
    const stripped = normalizeText(raw).replace(unit, "");
    const n = parseNumericText(stripped);
    if (n !== null) value = n;
  }
  const r = toNumber(value, label);
  if (!r.ok) return { ok: false, kind: r.problem.kind, message: r.problem.message };
  if (r.value !== null && r.value < 0) {
    return {
      ok: false,
      kind: "num",
      message: text(
        `${label.zh}不能为负数（${formatNumber(r.value)}）`,
        `${label.en} cannot be negative (${formatNumber(r.value)})`,
      ),
    };
  }
  return { ok: true, value: r.value };
}

/** 完成时间 before 派工时间: the dispatch time is the doubtful one here (维修及时率 alone uses it). */
function completedBeforeDispatch(order: WorkOrder, row: number, header: unknown): OrderProblem {
  const def = fieldDef("dispatchedAt");
  const [d, c] = [formatSerial(order.dispatchedAt as number), formatSerial(order.completedAt as number)];
  return {
    kind: "value",
    row,
    column: headerName(header, def),
    field: "dispatchedAt",
    value: order.dispatchedAt,
    effect: "treatedAsBlank",
    message: asBlank(
      text(`派工时间 ${d} 晚于完成时间 ${c}`, `the dispatch time ${d} is later than the completion time ${c}`),
    ),
  };
}

function asBlank(message: Text): Text {
  return text(`${message.zh}；按空白处理`, `${message.en}; treated as blank`);
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Why a text or name cell cannot be used as it is: an Excel error value, or more than a cell holds. */
function textProblem(raw: Cell, label: Text): Text | null {
  const error = excelErrorOf(raw);
  if (error) return errorCellMessage(label, error);
  if (typeof raw === "string" && raw.length > MAX_CELL_CHARS) return tooLongMessage(label, raw.length);
  return null;
}

const ORDER_ID_LABEL = text("工单号", "Order ID");

/** The 工单号 exactly as the user sees it, or blank with the reason it cannot be trusted. */
function readId(raw: Cell): { id: string | null; problem?: Text } {
  if (isBlank(raw)) return { id: null };
  const p = textProblem(raw, ORDER_ID_LABEL);
  if (p) return { id: null, problem: p };
  if (idPrecisionLost(raw)) return { id: null, problem: precisionLostMessage(ORDER_ID_LABEL, cellText(raw)) };
  return { id: cellText(raw) };
}

function rowIsEmpty(cells: readonly unknown[] | undefined): boolean {
  if (cells === undefined) return true;
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

function headerName(header: unknown, def: FieldDef): string {
  if (isBlank(header)) return def.label.zh;
  return typeof header === "string" ? normalizeText(header) : String(header);
}
