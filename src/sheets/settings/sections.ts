/**
 * The parts of the settings sheet, written top to bottom with a row cursor: section titles,
 * lines of single values (each a workbook name), grade tables (bounds, codes, labels, and a
 * check that the bounds decrease), the quarter coefficients and the 6S weights.
 */
import type { Text } from "../../core/i18n/text";
import { SETTING_NAMES, type GradeScheme, type Settings } from "../../core/settings";
import { S_NAMES } from "../../core/audit6s/checklist";
import { a1, rangeA1 } from "../common/address";
import { FORMATS, STYLES } from "../common/styles";
import type { DataValidation } from "../plan";
import { NUMBER_FORMAT, ruleFor, type Kind } from "./kinds";
import type { SettingsMarker } from "./marker";
import { LABEL, NOTE, RULE_TEXT, SECTION, TEXT, type LineKey } from "./strings";
import type { SheetContext } from "../common/context";

/** Columns: the label, up to four values (a grade table's bound, code, Chinese and English label), the note. */
export const COL = { label: 1, value: 2, second: 3, third: 4, fourth: 5, note: 6, marker: 8 } as const;

export interface SettingsSheet extends SheetContext<SettingsMarker> {
  readonly settings: Settings;
  /** The next row to write. */
  row: number;
  /** Validations, added once the sheet is written. */
  readonly validations: DataValidation[];
}

/** One single value: its key in SETTING_NAMES (its name and label), its value and kind. */
export interface Line {
  readonly key: LineKey;
  readonly value: number | string;
  readonly kind: Kind;
}

/** Asks for `range` to hold values of `kind` (nothing for a grade code). */
function validate(sheet: SettingsSheet, range: string, kind: Kind): void {
  const rule = ruleFor(kind);
  if (!rule) return;
  sheet.validations.push({
    range,
    rule,
    allowBlank: false,
    error: { title: sheet.t(TEXT.invalidValue), message: sheet.t(RULE_TEXT[kind]) },
  });
}

export function writeSection(sheet: SettingsSheet, title: Text): void {
  sheet.b.set(sheet.row, 1, sheet.t(title), STYLES.section);
  sheet.row += 1;
}

/** One row per value: label, the value (yellow, named), the note; a blank row after. */
export function writeLines(sheet: SettingsSheet, lines: readonly Line[]): void {
  const { b, t } = sheet;
  for (const line of lines) {
    const { row } = sheet;
    b.set(row, COL.label, t(LABEL[line.key]!), STYLES.label);
    b.set(row, COL.value, line.value, { ...STYLES.input, numberFormat: NUMBER_FORMAT[line.kind] });
    const note = NOTE[line.key];
    if (note) b.set(row, COL.note, t(note), STYLES.note);
    b.defineName(SETTING_NAMES[line.key], a1(row, COL.value, true));
    validate(sheet, a1(row, COL.value), line.kind);
    sheet.row += 1;
  }
  sheet.row += 1;
}

/** A grade table: its bands (lower bound, code, labels), named as a whole, by bounds and by codes; the bounds checked. */
export function writeGradeTable(
  sheet: SettingsSheet,
  title: Text,
  scheme: GradeScheme,
  names: { all: string; bounds: string; codes: string },
): void {
  const { b, t } = sheet;
  writeSection(sheet, title);
  b.setRow(sheet.row, COL.value, TEXT.gradeHeaders.map(t), STYLES.header);
  b.set(sheet.row, COL.note, t(TEXT.check), STYLES.header);
  sheet.row += 1;
  const first = sheet.row;
  for (const band of scheme.bands) {
    const row = sheet.row;
    b.setRow(row, COL.value, [band.lower === -Infinity ? null : band.lower, band.code, band.zh, band.en], STYLES.input);
    b.format(a1(row, COL.value), { numberFormat: NUMBER_FORMAT.score });
    b.format(a1(row, COL.second), { numberFormat: FORMATS.text });
    sheet.row += 1;
  }
  const last = sheet.row - 1;
  b.defineName(names.all, rangeA1(first, COL.value, last, COL.fourth, true));
  b.defineName(names.bounds, rangeA1(first, COL.value, last, COL.value, true));
  b.defineName(names.codes, rangeA1(first, COL.second, last, COL.second, true));
  validate(sheet, rangeA1(first, COL.value, last, COL.value), "score");
  const [okText, badText] = [t(TEXT.boundsOk), t(TEXT.boundsBad)];
  // Each bound must exceed the one below it; a single-band scheme is trivially fine.
  const above = rangeA1(first, COL.value, last - 1, COL.value);
  const below = rangeA1(first + 1, COL.value, last, COL.value);
  const check = last > first ? `=IF(SUMPRODUCT(--(${above}<=${below}))=0,"${okText}","${badText}")` : `="${okText}"`;
  b.set(first, COL.note, { f: check, expect: okText }, STYLES.computed);
  sheet.row += 1;
}

/** The quarter coefficient of each five-point grade, named as a table, by grades and by values. */
export function writeCoefficients(sheet: SettingsSheet): void {
  const { b, t, settings } = sheet;
  writeSection(sheet, SECTION.coefficients);
  b.setRow(sheet.row, COL.value, [t(TEXT.grade), t(TEXT.coefficient)], STYLES.header);
  sheet.row += 1;
  const first = sheet.row;
  for (const band of settings.fivePoint.bands) {
    b.set(sheet.row, COL.value, band.code, { ...STYLES.input, numberFormat: FORMATS.text });
    b.set(sheet.row, COL.second, settings.bonus.coefficients[band.code] ?? 0, {
      ...STYLES.input,
      numberFormat: "0.00",
    });
    sheet.row += 1;
  }
  const last = sheet.row - 1;
  b.defineName(SETTING_NAMES.bonusCoefficients, rangeA1(first, COL.value, last, COL.second, true));
  b.defineName(SETTING_NAMES.bonusCoefficientGrades, rangeA1(first, COL.value, last, COL.value, true));
  b.defineName(SETTING_NAMES.bonusCoefficientValues, rangeA1(first, COL.second, last, COL.second, true));
  validate(sheet, rangeA1(first, COL.second, last, COL.second), "weight");
  sheet.row += 1;
}

/** The weight of each S, named as one column. */
export function writeSWeights(sheet: SettingsSheet): void {
  const { b, t, settings } = sheet;
  writeSection(sheet, SECTION.weights6s);
  const first = sheet.row;
  S_NAMES.forEach((label, i) => {
    b.set(sheet.row, COL.label, t(label), STYLES.label);
    b.set(sheet.row, COL.value, settings.audit6s.sWeights[i], { ...STYLES.input, numberFormat: NUMBER_FORMAT.weight });
    sheet.row += 1;
  });
  b.defineName(SETTING_NAMES.audit6sWeights, rangeA1(first, COL.value, sheet.row - 1, COL.value, true));
  validate(sheet, rangeA1(first, COL.value, sheet.row - 1, COL.value), "weight");
}
