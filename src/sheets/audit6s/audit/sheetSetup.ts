/** What applies to the whole audit sheet: the title rows, the input validation, widths, printing one area per page. */
import { formatSerial } from "../../../core/dates/serial";
import { rangeA1 } from "../../common/address";
import { STYLES } from "../../common/styles";
import { COL, LAST_VISIBLE, STATUS_IDS, scoreChoices, statusWord } from "../layout";
import { HEIGHT } from "./areaLayout";
import type { AuditSheet, PendingValidation } from "./context";
import { TEXT, VALIDATION, generatedNote } from "./strings";

/** Rows 1–3 (repeated on every printed page, frozen on screen): title, the rule note, the column headers. */
export function writeTitleRows(sheet: AuditSheet, noteText: string, noteHeight: number): void {
  const { b, t } = sheet;
  const full = (row: number): string => rangeA1(row, 1, row, LAST_VISIBLE);
  b.set(1, 1, t(TEXT.title), STYLES.title).merge(full(1)).height(1, HEIGHT.title);
  b.set(2, 1, noteText, { ...STYLES.note, vertical: "middle" })
    .merge(full(2))
    .height(2, noteHeight);
  TEXT.cols.forEach((c, i) => b.set(3, i + 1, t(c)));
  b.format(full(3), STYLES.header).height(3, HEIGHT.columns).height(4, HEIGHT.gap);
}

/** The validation of one input range: the scale's dropdown, a date, a status word, a weight ≥ 0. */
function validate(sheet: AuditSheet, v: PendingValidation): void {
  const { b, t, locale, scaleId, max } = sheet;
  if (v.kind === "score") {
    const choices = scoreChoices(scaleId, max, locale);
    const prompt = scaleId === "passFail" ? VALIDATION.passFailPrompt : VALIDATION.scorePrompt(max, max / 2);
    b.validate({
      range: v.range,
      rule: { type: "list", values: choices },
      allowBlank: true,
      prompt: { title: t(VALIDATION.scoreTitle), message: t(prompt) },
      error: { title: t(VALIDATION.invalidScore), message: t(VALIDATION.chooseScore(choices)) },
    });
  } else if (v.kind === "date") {
    b.validate({
      range: v.range,
      rule: { type: "date", min: 1 },
      allowBlank: true,
      error: { title: t(VALIDATION.invalidDate), message: t(VALIDATION.enterDate) },
    });
  } else if (v.kind === "status") {
    const words = STATUS_IDS.map((s) => statusWord(s, locale));
    b.validate({
      range: v.range,
      rule: { type: "list", values: words },
      allowBlank: true,
      error: { title: t(VALIDATION.invalidStatus), message: t(VALIDATION.chooseStatus(words)) },
    });
  } else {
    b.validate({
      range: v.range,
      rule: { type: "decimal", min: 0 },
      allowBlank: false,
      error: { title: t(VALIDATION.invalidWeight), message: t(VALIDATION.weight) },
    });
  }
}

/** Every input range's validation, in the order the areas asked for them. */
export function validateInputs(sheet: AuditSheet): void {
  for (const v of sheet.validations) validate(sheet, v);
}

/** Widths, hidden helper columns, A4 portrait with a page break before each area, and the note after generation. */
export function setUpPage(
  sheet: AuditSheet,
  widths: Readonly<Record<number, number>>,
  areaTops: readonly number[],
  lastRow: number,
): void {
  const { b, t, options } = sheet;
  for (const [c, w] of Object.entries(widths)) b.width(Number(c), w);
  for (let c = COL.value; c <= COL.critical; c++) b.hideColumn(c);
  b.hideColumn(COL.marker);
  b.freeze(3, 0);
  b.tabColor("548235");
  b.print({
    orientation: "portrait",
    paper: "A4",
    fitToWidth: true,
    fitToHeight: 0,
    titleRows: "1:3",
    printArea: rangeA1(1, 1, lastRow, LAST_VISIBLE),
    pageBreaksBefore: areaTops.slice(1),
    footer: `${t(TEXT.sheet)} ${formatSerial(options.date, true)} — &P / &N`,
    margins: { top: 0.55, bottom: 0.55, left: 0.4, right: 0.4 },
    centerHorizontally: true,
  });
  b.note(generatedNote(options.areas.length));
}
