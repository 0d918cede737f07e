/**
 * The people's formula columns, each one formula filled down with the engine's values as
 * `expect`: 全年绩效, failed quarters, coefficient and quarter bonus (exact, paid, scaled to the
 * pool), and for Q4 the year-end eligibility, reasons and amounts and the total paid. Money is
 * rounded only here, at the end, to the settings' step.
 */
import { SETTING_NAMES } from "../../core/settings";
import type { PersonBonusResult } from "../../core/bonus";
import { roundToStepFormula } from "../formula/round";
import type { Expected } from "../plan";
import { eligibleCellFormula, forfeitReasonCellFormula, forfeitText } from "./cellFormulas";
import { peopleRange, type BonusSheet } from "./context";
import { poolCells, rowRef } from "./layout";
import { TEXT } from "./strings";

const NAMES = SETTING_NAMES;

/** Money rounded half up to the settings' step, as core roundMoney does (see formula/round.ts). */
export function roundMoneyFormula(x: string): string {
  return roundToStepFormula(x, NAMES.bonusRoundTo);
}

/** One value per person, as a fill's `expect` column. */
function column(sheet: BonusSheet, value: (r: PersonBonusResult) => Expected): Expected[][] {
  return sheet.people.map((r) => [value(r)]);
}

/** A blank cell ("") where the engine has no number. */
function blankable(v: number | null | undefined): Expected {
  return v === null || v === undefined ? "" : v;
}

/** 全年绩效, failed quarters, coefficient, the quarter bonus (exact and paid) and its share of the pool. */
export function writeQuarterFormulas(sheet: BonusSheet): void {
  const { b, layout } = sheet;
  const { columns, gradeColumn } = layout;
  const person = (c: number): string => rowRef(layout, c);
  const [pay, ratio, grade] = [person(columns.standardPay), person(columns.ratio), person(gradeColumn)];
  b.fill({
    range: peopleRange(sheet, columns.annual),
    formula: `=IF(OR(${pay}="",${ratio}=""),"",${pay}*${ratio})`,
    expect: column(sheet, (r) => blankable(r.annual)),
  });
  b.fill({
    range: peopleRange(sheet, columns.failed),
    formula: `=SUMPRODUCT(--(${person(columns.grades[0])}:${grade}=${NAMES.bonusFailedGrade}))`,
    expect: column(sheet, (r) => r.failedQuarters),
  });
  b.fill({
    range: peopleRange(sheet, columns.coefficient),
    formula: `=IF(${grade}="","",INDEX(${NAMES.bonusCoefficientValues},MATCH(${grade},${NAMES.bonusCoefficientGrades},0)))`,
    expect: column(sheet, (r) => blankable(r.coefficient)),
  });
  b.fill({
    range: peopleRange(sheet, columns.quarterExact),
    formula: sheet.quarterFormula,
    expect: column(sheet, (r) => blankable(r.quarterExact)),
  });
  const exact = person(columns.quarterExact);
  b.fill({
    range: peopleRange(sheet, columns.quarterAmount),
    formula: `=IF(${exact}="","",${roundMoneyFormula(exact)})`,
    expect: column(sheet, (r) => blankable(r.quarterAmount)),
  });
  if (sheet.hasPool) {
    const factor = poolCells(layout).factor;
    b.fill({
      range: peopleRange(sheet, columns.pooled),
      formula: `=IF(OR(${exact}="",${factor}=""),"",${roundMoneyFormula(`${exact}*${factor}`)})`,
      expect: column(sheet, (r) => blankable(r.pooled)),
    });
  }
}

/** Q4: whether the year-end bonus is paid and why not, its amount (exact and paid), and the total paid. */
export function writeYearEndFormulas(sheet: BonusSheet, yearEndFormula: string): void {
  const { b, t, layout, locale } = sheet;
  const { columns } = layout;
  const person = (c: number): string => rowRef(layout, c);
  b.fill({
    range: peopleRange(sheet, columns.eligible),
    formula: eligibleCellFormula(layout, locale),
    expect: column(sheet, (r) => t(r.yearEnd?.forfeited ? TEXT.forfeited : TEXT.paid)),
  });
  b.fill({
    range: peopleRange(sheet, columns.reason),
    formula: forfeitReasonCellFormula(layout, locale),
    expect: column(sheet, (r) => forfeitText(r.yearEnd?.reasons ?? [], locale)),
  });
  b.fill({
    range: peopleRange(sheet, columns.yearEndExact),
    formula: yearEndFormula,
    expect: column(sheet, (r) => blankable(r.yearEnd?.exact)),
  });
  const exact = person(columns.yearEndExact);
  b.fill({
    range: peopleRange(sheet, columns.yearEndAmount),
    formula: `=IF(${exact}="","",${roundMoneyFormula(exact)})`,
    expect: column(sheet, (r) => blankable(r.yearEnd?.amount)),
  });
  const quarter = person(sheet.hasPool ? columns.pooled : columns.quarterAmount);
  const yearEnd = person(columns.yearEndAmount);
  b.fill({
    range: peopleRange(sheet, columns.payable),
    formula: `=IF(AND(${quarter}="",${yearEnd}=""),"",SUM(${quarter},${yearEnd}))`,
    expect: column(sheet, (r) => blankable(r.payable)),
  });
}
