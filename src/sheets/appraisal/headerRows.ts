/** The rows above the people: title, note, period line; the grouped header; the editable weights row. */
import { periodLabel } from "../../core/appraisal";
import { text } from "../../core/i18n/text";
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, STYLES } from "../common/styles";
import { FIRST_ROW, HEADER_TOP, WEIGHTS_ROW, sum, type AppraisalSheet } from "./context";
import { TEXT, VALIDATION, infoLine, joinText, kpiLine } from "./strings";

/** Title, the note on how to fill in the form, and the period, scale and head count. */
export function writeTitle(sheet: AppraisalSheet): void {
  const { b, t, options, layout } = sheet;
  b.set(1, 1, sheet.title, STYLES.title);
  const note = options.raters
    ? text(`${TEXT.note.zh}${TEXT.fromRaters.zh}`, `${TEXT.note.en} ${TEXT.fromRaters.en}`)
    : TEXT.note;
  b.set(2, 1, t(note), STYLES.note);
  b.merge(rangeA1(2, 1, 2, layout.remarks));
  b.height(2, 30);
  const scale = options.scale === "five" ? TEXT.five : TEXT.hundred;
  const info = infoLine(periodLabel(options.period), scale, options.people.length);
  const source = options.kpiSource;
  const line = source && sheet.columns.some((c) => c.kpi) ? joinText(info, kpiLine(source.table.sheetName)) : info;
  b.set(3, 1, t(line), STYLES.subtitle);
}

/** The fixed columns and score/grade/rank/remarks span the header rows; the indicators sit under their groups. */
export function writeHeader(sheet: AppraisalSheet): void {
  const { b, t, layout } = sheet;
  [TEXT.no, TEXT.id, TEXT.name, TEXT.department].forEach((label, i) => {
    b.set(HEADER_TOP, i + 1, t(label));
    b.merge(rangeA1(HEADER_TOP, i + 1, FIRST_ROW - 1, i + 1));
  });
  [TEXT.score, TEXT.grade, TEXT.rank, TEXT.overallRank, TEXT.remarks].forEach((label, i) => {
    b.set(HEADER_TOP, layout.score + i, t(label));
    b.merge(rangeA1(HEADER_TOP, layout.score + i, FIRST_ROW - 2, layout.score + i));
  });
  b.format(rangeA1(HEADER_TOP, 1, FIRST_ROW - 1, layout.remarks), STYLES.header);
  writeGroups(sheet);
  sheet.columns.forEach((c, i) => b.set(HEADER_TOP + 2, layout.firstIndicator + i, t(c.name)));
  const names = rangeA1(HEADER_TOP + 2, layout.firstIndicator, HEADER_TOP + 2, layout.lastIndicator);
  b.format(names, { ...STYLES.header, fontSize: 9 });
  b.height(1, 26);
  b.height(HEADER_TOP, 32);
  b.height(HEADER_TOP + 2, 66);
}

/** Group names (row 4) and group weights (row 5, the sum of their indicators' weights), merged over the group. */
function writeGroups(sheet: AppraisalSheet): void {
  const { b, t, layout, weights } = sheet;
  let column = layout.firstIndicator;
  sheet.options.template.groups.forEach((group, gi) => {
    const span = sheet.columns.filter((c) => c.group === gi).length;
    const from = column;
    const to = column + span - 1;
    b.set(HEADER_TOP, from, t(group.name), { ...STYLES.group, wrap: true });
    const own = weights.slice(from - layout.firstIndicator, to - layout.firstIndicator + 1);
    const total = { f: `=SUM(${rangeA1(WEIGHTS_ROW, from, WEIGHTS_ROW, to)})`, expect: sum(own) };
    b.set(HEADER_TOP + 1, from, total, { ...STYLES.group, numberFormat: FORMATS.percent0 });
    if (span > 1) {
      b.merge(rangeA1(HEADER_TOP, from, HEADER_TOP, to));
      b.merge(rangeA1(HEADER_TOP + 1, from, HEADER_TOP + 1, to));
    }
    column = to + 1;
  });
}

/** The indicator weights (editable, 0–100%) and their total, red unless it is 100%. */
export function writeWeightsRow(sheet: AppraisalSheet): void {
  const { b, t, layout, weights } = sheet;
  b.setRow(WEIGHTS_ROW, layout.firstIndicator, weights, {
    ...STYLES.input,
    numberFormat: FORMATS.percent1,
    horizontal: "center",
  });
  const all = rangeA1(WEIGHTS_ROW, layout.firstIndicator, WEIGHTS_ROW, layout.lastIndicator, true);
  b.set(
    WEIGHTS_ROW,
    layout.score,
    { f: `=SUM(${all})`, expect: sum(weights) },
    { ...STYLES.computed, numberFormat: FORMATS.percent1, bold: true, horizontal: "center" },
  );
  b.set(WEIGHTS_ROW, layout.grade, `← ${t(TEXT.weightCheck)}`, { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(WEIGHTS_ROW, layout.grade, WEIGHTS_ROW, layout.remarks));
  const total = a1(WEIGHTS_ROW, layout.score);
  b.conditional({
    range: total,
    rule: { type: "expression", formula: `=ABS(${total}-1)>0.0005` },
    style: CONDITIONAL.bad,
  });
  b.validate({
    range: rangeA1(WEIGHTS_ROW, layout.firstIndicator, WEIGHTS_ROW, layout.lastIndicator),
    rule: { type: "decimal", min: 0, max: 1 },
    allowBlank: false,
    error: { title: t(VALIDATION.invalidWeight), message: t(VALIDATION.weight) },
  });
}
