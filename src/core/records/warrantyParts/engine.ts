/**
 * 三包件 (warranty parts, RULES.md#warranty-parts; policy 3.6 and 3.4.2 C): one line per part,
 * requisition → approval → replacement → write-off, with the vehicle's purchase date, fault
 * date and running mileage deciding whether it is within 三包, and the checks the policy asks
 * before a write-off (service report signed by the customer, old part returned, postage and
 * freight signed by the handler and the leader). These are the values the sheet's formulas
 * must compute.
 */
import { DEFAULT_SETTINGS, type WarrantySettings } from "../../settings";
import { text, type Text } from "../../i18n/text";
import { daysInMonth, dateTimeToSerial, serialToDateTime } from "../../dates";
import { clean } from "../table";

export interface WarrantyLine {
  readonly reqNo: string;
  readonly reqDate: number | null;
  readonly orderId: string;
  readonly vin: string;
  readonly saleDate: number | null;
  readonly faultDate: number | null;
  readonly mileage: number | null;
  readonly partCode: string;
  readonly partName: string;
  readonly qty: number | null;
  readonly opinion: string;
  readonly requester: string;
  readonly approver: string;
  readonly approvedDate: number | null;
  readonly replacedDate: number | null;
  readonly reportNo: string;
  readonly customerSigned: boolean | null;
  readonly oldPartReturned: boolean | null;
  readonly postage: number | null;
  readonly handlerSign: string;
  readonly leaderSign: string;
  readonly writeOffDate: number | null;
}

/** The 三包 terms: 考核参数's (core/settings WarrantySettings), or a command line's override. */
export type WarrantyTerms = WarrantySettings;

/** **default** terms: the policy says 三包 without the terms (RULES.md#warranty-parts). */
export const DEFAULT_WARRANTY_TERMS: WarrantyTerms = DEFAULT_SETTINGS.warranty;

export type Coverage = "within" | "outside" | "incomplete";
export const COVERAGE_LABELS: Readonly<Record<Coverage, Text>> = {
  within: text("三包内", "Within"),
  outside: text("超出三包", "Outside"),
  incomplete: text("资料不全", "Incomplete"),
};

export type WarrantyStatus = "awaitingApproval" | "awaitingReplacement" | "awaitingWriteOff" | "writtenOff";
export const WARRANTY_STATUSES: readonly WarrantyStatus[] = [
  "awaitingApproval",
  "awaitingReplacement",
  "awaitingWriteOff",
  "writtenOff",
];
export const STATUS_LABELS: Readonly<Record<WarrantyStatus, Text>> = {
  awaitingApproval: text("待审批", "To approve"),
  awaitingReplacement: text("待更换", "To replace"),
  awaitingWriteOff: text("待销帐", "To write off"),
  writtenOff: text("已销帐", "Written off"),
};

export type WarrantyCheck = "noReport" | "notSigned" | "postageSignatures" | "oldPartMissing" | "outside";
export const CHECK_LABELS: Readonly<Record<WarrantyCheck, Text>> = {
  noReport: text("缺服务报告", "No service report"),
  notSigned: text("缺用户签字", "Not signed by customer"),
  postageSignatures: text("运费缺双签", "Postage lacks 2 signatures"),
  oldPartMissing: text("旧件未收回", "Old part not returned"),
  outside: text("超出三包", "Outside warranty"),
};

export interface WarrantyResult {
  readonly coverage: Coverage;
  readonly status: WarrantyStatus;
  readonly check: WarrantyCheck | null;
}

/** Excel's EDATE: the same day `months` later, the month's last day when it is shorter. */
export function addMonths(serial: number, months: number): number {
  const d = serialToDateTime(Math.floor(serial));
  if (!d.ok) return serial;
  const total = d.value.year * 12 + (d.value.month - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d.value.day, daysInMonth(year, month));
  const r = dateTimeToSerial({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 });
  return r.ok ? r.value : serial;
}

export function coverageOf(line: WarrantyLine, terms: WarrantyTerms): Coverage {
  if (line.saleDate === null || line.faultDate === null || line.mileage === null) return "incomplete";
  return line.faultDate <= addMonths(line.saleDate, terms.months) && line.mileage <= terms.km ? "within" : "outside";
}

export function statusOf(line: WarrantyLine): WarrantyStatus {
  if (line.approver === "") return "awaitingApproval";
  if (line.replacedDate === null) return "awaitingReplacement";
  if (line.writeOffDate === null) return "awaitingWriteOff";
  return "writtenOff";
}

export function checkOf(line: WarrantyLine, coverage: Coverage): WarrantyCheck | null {
  const writingOff = line.writeOffDate !== null;
  if (writingOff && line.reportNo === "") return "noReport";
  if (writingOff && line.customerSigned !== true) return "notSigned";
  if (clean(line.postage ?? 0) > 0 && (line.handlerSign === "" || line.leaderSign === "")) return "postageSignatures";
  if (writingOff && line.oldPartReturned !== true) return "oldPartMissing";
  if (coverage === "outside") return "outside";
  return null;
}

export function assessWarranty(lines: readonly WarrantyLine[], terms: WarrantyTerms): WarrantyResult[] {
  return lines.map((l) => {
    const coverage = coverageOf(l, terms);
    return { coverage, status: statusOf(l), check: checkOf(l, coverage) };
  });
}

export interface WarrantySummary {
  readonly byStatus: Readonly<Record<WarrantyStatus, number>>;
  readonly outside: number;
  /** Postage and freight of the lines written off. */
  readonly postageWrittenOff: number;
}

export function summarizeWarranty(lines: readonly WarrantyLine[], results: readonly WarrantyResult[]): WarrantySummary {
  const byStatus = Object.fromEntries(
    WARRANTY_STATUSES.map((s) => [s, results.filter((r) => r.status === s).length]),
  ) as Record<WarrantyStatus, number>;
  return {
    byStatus,
    outside: results.filter((r) => r.coverage === "outside").length,
    postageWrittenOff: lines.reduce(
      (sum, l, i) => sum + (results[i]!.status === "writtenOff" ? (l.postage ?? 0) : 0),
      0,
    ),
  };
}
