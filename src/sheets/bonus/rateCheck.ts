/**
 * The check of policy §5 under the totals: 4 × 季度比例 + 年终比例 = 100% of the annual bonus,
 * as rates and as amounts of all annual bonuses, with a ✓/✗ verdict. The values sit in the
 * 岗位标准绩效 / 考核奖金比例 / 全年绩效 columns (wide enough for money), the verdict beside them.
 */
import { SETTING_NAMES } from "../../core/settings";
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, STYLES } from "../common/styles";
import type { BonusSheet } from "./context";
import { TEXT } from "./strings";

const NAMES = SETTING_NAMES;

/** The columns of the check: four quarters, year-end, their sum, and the verdict (merged to `end`). */
function checkColumns(sheet: BonusSheet) {
  const { columns } = sheet.layout;
  return {
    fourQuarters: columns.standardPay,
    yearEnd: columns.ratio,
    sum: columns.annual,
    verdict: columns.annual + 1,
    end: columns.annual + 4,
  };
}

/** The check's title and header, from `top`; returns the row of the rates (the amounts follow). */
function writeCheckHeader(sheet: BonusSheet, top: number): number {
  const { b, t, layout } = sheet;
  const at = checkColumns(sheet);
  b.set(top, 1, t(TEXT.check), STYLES.section);
  b.merge(rangeA1(top, 1, top, layout.lastColumn));
  const header = top + 1;
  b.setRow(header, at.fourQuarters, [t(TEXT.fourQuarters), t(TEXT.yearEndRate), t(TEXT.sum), t(TEXT.verdict)]);
  b.height(header, sheet.locale === "zh-CN" ? 18 : 44);
  b.merge(rangeA1(header, at.verdict, header, at.end));
  b.format(rangeA1(header, at.fourQuarters, header, at.end), STYLES.header);
  return header + 1;
}

/** The rates: 4 × 季度比例, 年终比例, their sum and the verdict. */
function writeRates(sheet: BonusSheet, row: number): void {
  const { b, t, result, settings } = sheet;
  const at = checkColumns(sheet);
  const check = result.rateCheck;
  const percent = { numberFormat: FORMATS.percent1 };
  b.set(row, 1, t(TEXT.rates), { bold: true });
  b.merge(rangeA1(row, 1, row, at.fourQuarters - 1));
  b.set(row, at.fourQuarters, { f: `=4*${NAMES.bonusQuarterRate}`, expect: check.fourQuarters }, percent);
  b.set(row, at.yearEnd, { f: `=${NAMES.bonusYearEndRate}`, expect: settings.bonus.yearEndRate }, percent);
  const [four, yearEnd, sum] = [a1(row, at.fourQuarters), a1(row, at.yearEnd), a1(row, at.sum)];
  b.set(row, at.sum, { f: `=${four}+${yearEnd}`, expect: check.total }, { ...percent, bold: true });
  b.set(row, at.verdict, {
    f: `=IF(ABS(${sum}-1)<1E-9,"${t(TEXT.checkOk)}","${t(TEXT.checkBad)}")`,
    expect: t(check.ok ? TEXT.checkOk : TEXT.checkBad),
  });
  b.merge(rangeA1(row, at.verdict, row, at.end));
}

/** The same as amounts of all annual bonuses (the annual total of `annualTotal`), and their share of it. */
function writeAmounts(sheet: BonusSheet, row: number, annualTotal: string): void {
  const { b, t, result, settings } = sheet;
  const at = checkColumns(sheet);
  const total = result.annualTotal;
  const four = 4 * total * settings.bonus.quarterRate;
  const yearEnd = total * settings.bonus.yearEndRate;
  const money = { numberFormat: FORMATS.money };
  b.set(row, 1, t(TEXT.amounts), { bold: true });
  b.merge(rangeA1(row, 1, row, at.fourQuarters - 1));
  b.set(row, at.fourQuarters, { f: `=4*${annualTotal}*${NAMES.bonusQuarterRate}`, expect: four }, money);
  b.set(row, at.yearEnd, { f: `=${annualTotal}*${NAMES.bonusYearEndRate}`, expect: yearEnd }, money);
  const sum = a1(row, at.sum);
  const parts = `${a1(row, at.fourQuarters)}+${a1(row, at.yearEnd)}`;
  b.set(row, at.sum, { f: `=${parts}`, expect: four + yearEnd }, { ...money, bold: true });
  b.set(
    row,
    at.verdict,
    { f: `=IF(${annualTotal}=0,"",${sum}/${annualTotal})`, expect: total === 0 ? "" : (four + yearEnd) / total },
    { numberFormat: FORMATS.percent1, bold: true },
  );
  b.merge(rangeA1(row, at.verdict, row, at.verdict + 1));
  b.set(row, at.verdict + 2, t(TEXT.share), { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(row, at.verdict + 2, row, at.end));
}

/**
 * Writes the check from row `top`, with the annual total in `annualTotal` (an absolute cell);
 * returns its last row.
 */
export function writeRateCheck(sheet: BonusSheet, top: number, annualTotal: string): number {
  const { b } = sheet;
  const at = checkColumns(sheet);
  const rateRow = writeCheckHeader(sheet, top);
  const amountRow = rateRow + 1;
  writeRates(sheet, rateRow);
  writeAmounts(sheet, amountRow, annualTotal);
  b.format(rangeA1(rateRow, 1, amountRow, at.end), { border: "thin" });
  const verdict = a1(rateRow, at.verdict);
  for (const [mark, style] of [
    ["✗", CONDITIONAL.bad],
    ["✓", CONDITIONAL.good],
  ] as const) {
    b.conditional({
      range: verdict,
      rule: { type: "expression", formula: `=LEFT(${verdict},1)="${mark}"` },
      style,
    });
  }
  return amountRow;
}
