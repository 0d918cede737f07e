/**
 * 3.2.3's written contact, proven from the call log (issue 12 point 5): with a 来电来函 log in
 * the workbook, the register gets two more columns — for a chassis-engine fault, the first
 * archived written answer to the order since it was reported (looked up in the log's table by
 * `writtenContactFormula`), and the check (按时 / 超时 / 待联系 / 未联系) against
 * SVC_SLA_ChassisReplyHours as of the register's C2. The register's own SLA columns stay as they
 * were: the log adds proof, it does not change the state the typed reply gives.
 *
 * The lookup is a SUMPRODUCT over the log per chassis-engine row (other rows stop at the IF), so
 * its cost is rows × log entries: fine for a department's log of hundreds to a few thousand.
 */
import { pick, text, type Locale, type Text } from "../../../core/i18n/text";
import {
  ANSWER_CHANNEL_LABELS,
  WRITTEN_CHECK_LABELS,
  writtenContactAt,
  writtenContactCheck,
  type CallEntry,
} from "../../../core/records/callLog";
import { SETTING_NAMES } from "../../../core/settings";
import { columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE } from "../../common/styles";
import { lazyRows } from "../../formula/lazyRows";
import type { CallLogMeta } from "../../records/marker";
import { writtenContactFormula } from "../../records/callLog/callLogPlan";
import { literal, type RegisterColumn } from "../vocabulary";
import { AS_OF_CELL, FIRST_ROW, HEADER_ROW, type RegisterSheet } from "./context";

/** The call log the register proves written contact from: its table (by marker) and its calls (for `expect`). */
export interface RegisterCallLog {
  readonly meta: Pick<CallLogMeta, "locale" | "tableName" | "headers">;
  readonly calls: readonly CallEntry[];
}

/** How many columns the call log adds after 来源行. */
export const WRITTEN_CONTACT_COLUMNS = 2;

const HEADERS: readonly [Text, Text] = [
  text("书面联系时间（来电来函）", "Written contact at (call log)"),
  text("书面联系核对", "Written contact check"),
];

/** The two columns, filled down over every order, with the engine's values. */
export function writeWrittenContactColumns(sheet: RegisterSheet, log: RegisterCallLog): void {
  const { b, t, orders, words, lastRow } = sheet;
  const firstColumn = sheet.lastColumn - WRITTEN_CONTACT_COLUMNS + 1;
  const [atColumn, checkColumn] = [firstColumn, firstColumn + 1];
  const at = (c: RegisterColumn): string => `${sheet.letter[c]}${FIRST_ROW}`;
  const range = (column: number): string => rangeA1(FIRST_ROW, column, lastRow, column);
  b.setRow(HEADER_ROW, firstColumn, HEADERS.map(t));

  const hours = sheet.settings.sla.chassisReplyHours;
  const chassis = (i: number): boolean => orders[i]!.category === "chassisEngine";
  const first = (i: number): number | null => {
    const o = orders[i]!;
    return chassis(i) && o.orderId !== null ? writtenContactAt(log.calls, o.orderId, o.reportedAt) : null;
  };
  const notChassis = `${at("category")}<>${literal(words.category.chassisEngine)}`;
  // The log's answer word is in the log's language, which may differ from the register's.
  const writtenWord = pick(ANSWER_CHANNEL_LABELS.written, log.meta.locale as Locale);
  const lookup = writtenContactFormula(log.meta, at("orderId"), at("reportedAt"), writtenWord);
  b.fill({
    range: range(atColumn),
    formula: `=IF(OR(${notChassis},${at("orderId")}=""),"",${lookup})`,
    expect: lazyRows(orders.length, (i) => [first(i) ?? ""]),
  });

  const check = Object.fromEntries(Object.entries(WRITTEN_CHECK_LABELS).map(([k, v]) => [k, t(v)])) as Record<
    keyof typeof WRITTEN_CHECK_LABELS,
    string
  >;
  const atCell = `${columnLetter(atColumn)}${FIRST_ROW}`;
  const limit = `${SETTING_NAMES.slaChassisReplyHours}/24`;
  const reported = at("reportedAt");
  b.fill({
    range: range(checkColumn),
    formula:
      `=IF(${notChassis},"",IF(${atCell}<>"",IF(${atCell}-${reported}<=${limit},${literal(check.onTime)},${literal(check.late)}),` +
      `IF(${AS_OF_CELL}-${reported}<=${limit},${literal(check.pending)},${literal(check.missed)})))`,
    expect: lazyRows(orders.length, (i) => [
      chassis(i) ? check[writtenContactCheck(first(i), orders[i]!.reportedAt, sheet.asOf, hours / 24)] : "",
    ]),
  });

  b.format(rangeA1(FIRST_ROW, atColumn, lastRow, checkColumn), { fill: PALETTE.computedFill, horizontal: "center" });
  b.format(range(atColumn), { numberFormat: FORMATS.dateTime });
  const checkCell = `${columnLetter(checkColumn)}${FIRST_ROW}`;
  for (const [word, style] of [
    [check.onTime, CONDITIONAL.good],
    [check.pending, CONDITIONAL.neutral],
    [check.late, CONDITIONAL.bad],
    [check.missed, CONDITIONAL.bad],
  ] as const)
    b.conditional({
      range: range(checkColumn),
      rule: { type: "expression", formula: `=${checkCell}=${literal(word)}` },
      style,
    });
  b.width(atColumn, 16);
  b.width(checkColumn, 10);
}
