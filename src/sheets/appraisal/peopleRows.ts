/**
 * One row per person: the fixed columns and the scores as given (yellow, validated against the
 * scale), then the formulas filled down — weighted score (blank = not assessed, weights
 * renormalised), grade against 考核参数's bands (never rounded first) — and the grades coloured
 * per band. The two ranks are rankRows.ts.
 */
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import { isFormulaCell, type ConditionalStyle, type Expected } from "../plan";
import { sheetRangeRef } from "../formula/a1";
import { FIRST_ROW, WEIGHTS_ROW, peopleRange, type AppraisalSheet } from "./context";
import { COMBINED_COLUMN, RATER_FIRST_ROW, raterSheetName } from "./raterSheet";
import { scoreNumberFormat, scoreValidation } from "./scoreCells";

/** The people's literal cells and their look; the scores' validation (or, with 360°, the scores read from the rater sheet). */
export function writePeople(sheet: AppraisalSheet): void {
  const { b, t, options, layout, scheme } = sheet;
  const five = options.scale === "five";
  const rows = (from: number, to = from): string => peopleRange(sheet, from, to);
  const fed = options.raters !== undefined;
  b.block(
    FIRST_ROW,
    1,
    options.people.map((p, i) => [
      i + 1,
      p.id ?? null,
      p.name,
      p.department ?? null,
      ...(fed ? [] : sheet.scoreCells[i]),
    ]),
  );
  if (fed) writeScoresFromRaters(sheet);
  b.format(rows(1, layout.remarks), { border: "thin", vertical: "middle" });
  b.format(rows(1), { horizontal: "center" });
  b.format(rows(2, 4), { numberFormat: FORMATS.text });
  // With 360° the scores are the rater sheet's (computed); else typed here (input).
  b.format(rows(layout.firstIndicator, layout.lastIndicator), {
    ...(fed ? STYLES.computed : STYLES.input),
    numberFormat: scoreNumberFormat(scheme),
    horizontal: "center",
  });
  b.format(rows(layout.remarks), { ...STYLES.input, wrap: true, numberFormat: FORMATS.text });
  // Indicators looked up from the KPI table (issue 12 point 8) are formulas: grey, like every computed cell.
  if (options.kpiSource)
    sheet.columns.forEach((_c, j) => {
      if (sheet.scoreCells.some((row) => typeof row[j] === "object" && row[j] !== null))
        b.format(rows(layout.firstIndicator + j), { fill: PALETTE.computedFill });
    });
  b.format(rows(layout.score, layout.overallRank), { ...STYLES.computed, horizontal: "center" });
  b.format(rows(layout.score), { numberFormat: five ? FORMATS.score2 : FORMATS.number1, bold: true });
  b.format(rows(layout.rank, layout.overallRank), { numberFormat: FORMATS.integer });
  if (!fed) b.validate(scoreValidation(rows(layout.firstIndicator, layout.lastIndicator), scheme, t));
}

/**
 * 360°: every score cell reads its person's and indicator's combined score from the rater sheet —
 * row (person × indicators + indicator) of its combined column, by INDEX (one formula for the
 * whole block); blank where nobody rated.
 */
function writeScoresFromRaters(sheet: AppraisalSheet): void {
  const { b, layout, options } = sheet;
  const k = sheet.columns.length;
  const lastRaterRow = RATER_FIRST_ROW + options.people.length * k - 1;
  const combined = sheetRangeRef(raterSheetName(options), {
    top: RATER_FIRST_ROW,
    bottom: lastRaterRow,
    left: COMBINED_COLUMN,
    right: COMBINED_COLUMN,
  });
  const at = `INDEX(${combined},(ROW()-${FIRST_ROW})*${k}+COLUMN()-${layout.firstIndicator}+1)`;
  const formula = `=IF(${at}="","",${at})`;
  // A column looked up from the KPI table (issue 12 point 8) keeps its lookup; the others read the raters.
  const looked = (j: number): boolean => sheet.scoreCells.some((row) => isFormulaCell(row[j] ?? null));
  if (!sheet.columns.some((_c, j) => looked(j))) {
    b.fill({
      range: rangeA1(FIRST_ROW, layout.firstIndicator, layout.lastRow, layout.lastIndicator),
      formula,
      expect: sheet.scoreRows.map((row) => row.map((x): Expected => x ?? "")),
    });
    return;
  }
  sheet.columns.forEach((_c, j) => {
    const column = layout.firstIndicator + j;
    if (looked(j))
      b.block(
        FIRST_ROW,
        column,
        sheet.scoreCells.map((row) => [row[j] ?? null]),
      );
    else
      b.fill({
        range: rangeA1(FIRST_ROW, column, layout.lastRow, column),
        formula,
        expect: sheet.scoreRows.map((row): Expected[] => [row[j] ?? ""]),
      });
  });
}

/** Weighted score and grade, each one formula filled down with the engine's values. */
export function writePeopleFormulas(sheet: AppraisalSheet): void {
  const { b, layout, names } = sheet;
  const scores = rangeA1(FIRST_ROW, layout.firstIndicator, FIRST_ROW, layout.lastIndicator);
  const weights = rangeA1(WEIGHTS_ROW, layout.firstIndicator, WEIGHTS_ROW, layout.lastIndicator, true);
  const assessedWeight = `SUMPRODUCT(--ISNUMBER(${scores}),${weights})`;
  const score = a1(FIRST_ROW, layout.score);
  const column = <V>(values: readonly V[], f: (v: V) => Expected): Expected[][] => values.map((v) => [f(v)]);
  b.fill({
    range: peopleRange(sheet, layout.score),
    formula: `=IF(${assessedWeight}=0,"",SUMPRODUCT(${scores},${weights})/${assessedWeight})`,
    expect: column(sheet.scores, (v) => v ?? ""),
  });
  b.fill({
    range: peopleRange(sheet, layout.grade),
    // Count the bounds above the score (1e-9 forgives float noise, RULES.md#grade-bands): that many bands are out of reach.
    formula: `=IF(${score}="","",INDEX(${names.codes},SUMPRODUCT(--(${names.bounds}>${score}+1E-9))+1))`,
    expect: column(sheet.grades, (g) => g ?? ""),
  });
}

/** Conditional formatting per grade: first band green, last red, the rest amber. */
export function highlightGrades(sheet: AppraisalSheet): void {
  const { b, layout, scheme, names } = sheet;
  const grade = a1(FIRST_ROW, layout.grade);
  scheme.bands.forEach((_, i) => {
    const style: ConditionalStyle =
      i === 0 ? CONDITIONAL.good : i === scheme.bands.length - 1 ? CONDITIONAL.bad : CONDITIONAL.neutral;
    b.conditional({
      range: peopleRange(sheet, layout.grade),
      rule: { type: "expression", formula: `=AND(${grade}<>"",${grade}=INDEX(${names.codes},${i + 1}))` },
      style,
    });
  });
}
