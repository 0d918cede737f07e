/**
 * The formulas of a person's money and year-end cells, written for the first person's row and
 * filled down. The pane shows the same formulas while finance types (bonusModel), so they are
 * exported one by one.
 */
import { pick, type Locale } from "../../core/i18n/text";
import { SETTING_NAMES } from "../../core/settings";
import { toExcelFormula, type CheckedFormula, type FormulaVariable } from "../../core/formula";
import type { BonusVariableId, ForfeitReason } from "../../core/bonus";
import { formatNumber } from "../../core/values/describe";
import { a1 } from "../common/address";
import { INFO_ROW, QUARTER_COLUMN, rowRef, type BonusLayout } from "./layout";
import { TEXT, forfeitPieces } from "./strings";

const NAMES = SETTING_NAMES;

/** What each formula variable refers to on the sheet: the person's cells, the quarter cell, the 考核参数 names. */
export function variableRef(layout: BonusLayout, v: FormulaVariable): string {
  const { columns } = layout;
  const person = (column: number): string => rowRef(layout, column);
  const map: Record<BonusVariableId, string> = {
    annual: person(columns.annual),
    standardPay: person(columns.standardPay),
    bonusRatio: person(columns.ratio),
    coefficient: person(columns.coefficient),
    grade: person(layout.gradeColumn),
    quarter: a1(INFO_ROW, QUARTER_COLUMN, true),
    // N(): a blank card cell is 0 — referenced bare, LibreOffice would pass the blank on ("" = blank is TRUE there, FALSE in Excel).
    yellowCards: `N(${person(columns.yellow)})`,
    redCards: `N(${person(columns.red)})`,
    failedQuarters: person(columns.failed),
    quarterRate: NAMES.bonusQuarterRate,
    yearEndRate: NAMES.bonusYearEndRate,
  };
  return map[v.id as BonusVariableId];
}

/**
 * The quarter-bonus cell of the first person: blank when 全年绩效 or the grade is blank, 0 for the
 * failing grade (policy §8, whatever the formula says), else the policy's product or finance's
 * formula translated to Excel.
 */
export function quarterCellFormula(layout: BonusLayout, formula: CheckedFormula | null): string {
  const { columns, gradeColumn } = layout;
  const annual = rowRef(layout, columns.annual);
  const grade = rowRef(layout, gradeColumn);
  const body = formula
    ? toExcelFormula(formula, (v) => variableRef(layout, v))
    : `${annual}*${NAMES.bonusQuarterRate}*${rowRef(layout, columns.coefficient)}`;
  return `=IF(OR(${annual}="",${grade}=""),"",IF(${grade}=${NAMES.bonusFailedGrade},0,${body}))`;
}

/** The year-end cell of the first person (Q4): 0 when forfeited (the 年终奖资格 column says so), else the rule or finance's formula. */
export function yearEndCellFormula(layout: BonusLayout, formula: CheckedFormula | null, locale: Locale): string {
  const { columns, gradeColumn } = layout;
  const annual = rowRef(layout, columns.annual);
  const usesGrade = formula?.variables.some((v) => v.id === "grade" || v.id === "coefficient") ?? false;
  const body = formula ? toExcelFormula(formula, (v) => variableRef(layout, v)) : `${annual}*${NAMES.bonusYearEndRate}`;
  const gate = usesGrade ? `OR(${annual}="",${rowRef(layout, gradeColumn)}="")` : `${annual}=""`;
  const eligible = rowRef(layout, columns.eligible);
  return `=IF(${gate},"",IF(${eligible}="${pick(TEXT.forfeited, locale)}",0,${body}))`;
}

/** The 年终奖资格 cell of the first person (Q4): 取消 when a forfeiture count reaches its threshold, else 发放. */
export function eligibleCellFormula(layout: BonusLayout, locale: Locale): string {
  const { columns } = layout;
  const reached = [
    `${rowRef(layout, columns.failed)}>=${NAMES.bonusForfeitFailedQuarters}`,
    `${rowRef(layout, columns.yellow)}>=${NAMES.bonusForfeitYellowCards}`,
    `${rowRef(layout, columns.red)}>=${NAMES.bonusForfeitRedCards}`,
  ];
  return `=IF(OR(${reached.join(",")}),"${pick(TEXT.forfeited, locale)}","${pick(TEXT.paid, locale)}")`;
}

/**
 * The 取消原因 cell of the first person (Q4): each rule that applied, in the words of
 * `forfeitText`, joined by the separator (each piece starts with it; MID drops the first).
 */
export function forfeitReasonCellFormula(layout: BonusLayout, locale: Locale): string {
  const { columns } = layout;
  const pieces = forfeitPieces(locale);
  const rule = (count: string, threshold: string, piece: (n: string, t: string) => string): string => {
    const [before, after] = piece("\u0000", "\u0001").split("\u0000");
    const [middle, end] = after.split("\u0001");
    return `IF(${count}>=${threshold},"${pieces.sep}${before}"&${count}&"${middle}"&${threshold}&"${end}","")`;
  };
  const reasons = [
    rule(rowRef(layout, columns.failed), NAMES.bonusForfeitFailedQuarters, pieces.failed),
    rule(rowRef(layout, columns.yellow), NAMES.bonusForfeitYellowCards, pieces.yellow),
    rule(rowRef(layout, columns.red), NAMES.bonusForfeitRedCards, pieces.red),
  ].join("&");
  const paid = `${rowRef(layout, columns.eligible)}="${pick(TEXT.paid, locale)}"`;
  return `=IF(${paid},"${pick(TEXT.none, locale)}",MID(${reasons},${pieces.sep.length + 1},300))`;
}

/** What the 取消原因 cell shows for these reasons. */
export function forfeitText(reasons: readonly ForfeitReason[], locale: Locale): string {
  if (reasons.length === 0) return pick(TEXT.none, locale);
  const pieces = forfeitPieces(locale);
  const piece = { failedQuarters: pieces.failed, yellowCards: pieces.yellow, redCards: pieces.red };
  return reasons.map((r) => piece[r.rule](formatNumber(r.count), formatNumber(r.threshold))).join(pieces.sep);
}

/** A first-row formula as shown to people: the row's own references without "$" (G9, not $G9). */
export function displayFormula(layout: BonusLayout, f: string): string {
  return f.replace(/\$([A-Z]+)(\d+)/g, (m, c: string, r: string) =>
    Number(r) === layout.firstRow ? `${c}${layout.firstRow}` : m,
  );
}
