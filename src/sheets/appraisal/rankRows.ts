/**
 * The two rank columns and their hidden helpers (rank.ts says what is ranked, rankNetwork.ts how
 * it is sorted by formulas): right of the distribution block, hidden —
 * - the form's departments (as generated; a department typed in later has no department rank
 *   until the form is generated again — the note says so);
 * - per person: the quantised score + 1 (0 = no score), the department index (0 = none, −1 =
 *   not in the list), the overall key (score, person) and the department key (department, score,
 *   person) — whole numbers below 2^53, all distinct;
 * - a sorting network per key.
 * Each rank is then a few binary searches: 1 + how many keys rank above it.
 */
import { columnLetter, rangeA1 } from "../common/address";
import type { Expected } from "../plan";
import { FIRST_ROW, peopleRange, type AppraisalSheet } from "./context";
import { INDEX_SPAN, SCORE_SPAN, departmentKey, departmentList, rankScore } from "./rank";
import { countFormula, networkFills } from "./rankNetwork";

/** 2^44: one department's span of keys. */
const DEPARTMENT_SPAN = SCORE_SPAN * INDEX_SPAN;

export function writeRanks(sheet: AppraisalSheet): void {
  const { b, layout, options } = sheet;
  const n = options.people.length;
  const F = FIRST_ROW;
  const departments = departmentList(options.people.map((p) => p.department));
  const indexOf = new Map(departments.map((d, i) => [departmentKey(d), i + 1]));
  const c = layout.rankHelpers;
  const [listColumn, scoreColumn, deptColumn, keyColumn, deptKeyColumn] = [c, c + 1, c + 2, c + 3, c + 4];
  const at = (column: number): string => `${columnLetter(column)}${F}`;
  const column = <V>(values: readonly V[]): Expected[][] => values.map((v) => [v as Expected]);

  // The departments as generated (literal text, never a formula).
  if (departments.length > 0)
    b.block(
      F,
      listColumn,
      departments.map((d) => [d]),
    );
  const list = rangeA1(F, listColumn, F + Math.max(departments.length, 1) - 1, listColumn, true);

  const quantised = sheet.scores.map(rankScore);
  const deptIndex = options.people.map((p) =>
    departmentKey(p.department) === "" ? 0 : indexOf.get(departmentKey(p.department))!,
  );
  const keys = quantised.map((q, k) => q * INDEX_SPAN + k);
  const deptKeys = quantised.map((q, k) => (deptIndex[k] * SCORE_SPAN + q) * INDEX_SPAN + k);
  const score = at(layout.score);
  const dept = at(4);
  const k = `(ROW()-${F})`;
  b.fill({
    range: peopleRange(sheet, scoreColumn),
    // ×10^6 rounded half up with the 15-digit reading in every engine (sheets/formula/round.ts).
    formula: `=IF(ISNUMBER(${score}),ROUND(ROUND(${score}*${1_000_000}/10,1)*10,0)+1,0)`,
    expect: column(quantised),
  });
  b.fill({
    range: peopleRange(sheet, deptColumn),
    formula: departments.length > 0 ? `=IF(${dept}="",0,IFERROR(MATCH(${dept},${list},0),-1))` : `=IF(${dept}="",0,-1)`,
    expect: column(deptIndex),
  });
  b.fill({
    range: peopleRange(sheet, keyColumn),
    formula: `=${at(scoreColumn)}*${INDEX_SPAN}+${k}`,
    expect: column(keys),
  });
  b.fill({
    range: peopleRange(sheet, deptKeyColumn),
    formula: `=(${at(deptColumn)}*${SCORE_SPAN}+${at(scoreColumn)})*${INDEX_SPAN}+${k}`,
    expect: column(deptKeys),
  });

  const overall = networkFills({ firstRow: F, count: n, keyColumn, firstColumn: deptKeyColumn + 1 }, keys);
  const byDept = networkFills(
    { firstRow: F, count: n, keyColumn: deptKeyColumn, firstColumn: overall.nextColumn },
    deptKeys,
  );
  for (const f of [...overall.fills, ...byDept.fills]) b.fill(f);

  const q = at(scoreColumn);
  const d = at(deptColumn);
  // Overall: 1 + the people whose quantised score is higher (n − those at or below it).
  b.fill({
    range: peopleRange(sheet, layout.overallRank),
    formula: `=IF(ISNUMBER(${score}),1+${n}-(${countFormula(overall.runs, `${q}*${INDEX_SPAN}+${INDEX_SPAN - 1}`)}),"")`,
    expect: column(sheet.overallRanks.map((r) => r ?? "")),
  });
  // Department: 1 + the people of the same department with a higher score (keys between the two bounds).
  const upToDept = countFormula(byDept.runs, `(${d}+1)*${DEPARTMENT_SPAN}-1`);
  const upToScore = countFormula(byDept.runs, `(${d}*${SCORE_SPAN}+${q})*${INDEX_SPAN}+${INDEX_SPAN - 1}`);
  b.fill({
    range: peopleRange(sheet, layout.rank),
    formula: `=IF(AND(ISNUMBER(${score}),${d}>=0),1+(${upToDept})-(${upToScore}),"")`,
    expect: column(sheet.ranks.map((r) => r ?? "")),
  });
  for (let col = listColumn; col < byDept.nextColumn; col++) b.hideColumn(col);
}
