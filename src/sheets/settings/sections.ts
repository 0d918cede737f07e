/**
 * The parts of the settings sheet, written top to bottom with a row cursor: section titles,
 * lines of single values (each a workbook name), grade tables (bounds, codes, labels, and a
 * check that the bounds decrease), the quarter coefficients and the 6S weights.
 */
import type { Text } from "../../core/i18n/text";
import {
  KPI_KEYS,
  KPI_UNIT,
  SETTING_NAMES,
  kpiSettingKeys,
  type GradeScheme,
  type GradeShareTarget,
  type KpiUnit,
  type Settings,
} from "../../core/settings";
import { COMPARISON_SYMBOL } from "../../core/scoring/comparison";
import { S_NAMES } from "../../core/audit6s/checklist";
import { a1, rangeA1 } from "../common/address";
import { FORMATS, STYLES } from "../common/styles";
import type { DataValidation } from "../plan";
import { NUMBER_FORMAT, ruleFor, type Kind } from "./kinds";
import type { SettingsMarker } from "./marker";
import { KPI_LABEL, KPI_NOTE, LABEL, NOTE, RULE_TEXT, SECTION, TEXT, type LineKey } from "./strings";
import type { SheetContext } from "../common/context";

/**
 * Columns: the label, up to six values (a grade table's bound, code, Chinese and English label
 * and its share targets), the note.
 */
export const COL = {
  label: 1,
  value: 2,
  second: 3,
  third: 4,
  fourth: 5,
  fifth: 6,
  sixth: 7,
  note: 8,
  marker: 10,
} as const;

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

/** Asks for `range` to hold values of `kind` (nothing for a grade code); `allowBlank` where blank means "none". */
function validate(sheet: SettingsSheet, range: string, kind: Kind, allowBlank = false): void {
  const rule = ruleFor(kind);
  if (!rule) return;
  sheet.validations.push({
    range,
    rule,
    allowBlank,
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

/** A grade table's optional share-target columns (forced distribution, RULES.md#ranking-and-distribution): their names and values. */
export interface ShareColumns {
  readonly max: string;
  readonly min: string;
  readonly targets: Readonly<Record<string, GradeShareTarget>>;
}

/**
 * A grade table: its bands (lower bound, code, labels), named as a whole, by bounds and by codes;
 * the bounds checked; with `shares`, the target share of people per grade (blank = no target).
 */
export function writeGradeTable(
  sheet: SettingsSheet,
  title: Text,
  scheme: GradeScheme,
  names: { all: string; bounds: string; codes: string },
  shares?: ShareColumns,
): void {
  const { b, t } = sheet;
  writeSection(sheet, title);
  b.setRow(sheet.row, COL.value, TEXT.gradeHeaders.map(t), STYLES.header);
  if (shares) b.setRow(sheet.row, COL.fifth, TEXT.shareHeaders.map(t), STYLES.header);
  b.set(sheet.row, COL.note, t(TEXT.check), STYLES.header);
  sheet.row += 1;
  const first = sheet.row;
  for (const band of scheme.bands) {
    const row = sheet.row;
    b.setRow(row, COL.value, [band.lower === -Infinity ? null : band.lower, band.code, band.zh, band.en], STYLES.input);
    b.format(a1(row, COL.value), { numberFormat: NUMBER_FORMAT.score });
    b.format(a1(row, COL.second), { numberFormat: FORMATS.text });
    if (shares) {
      const target = shares.targets[band.code];
      b.setRow(row, COL.fifth, [target?.atMost ?? null, target?.atLeast ?? null], {
        ...STYLES.input,
        numberFormat: FORMATS.percent0,
      });
    }
    sheet.row += 1;
  }
  const last = sheet.row - 1;
  b.defineName(names.all, rangeA1(first, COL.value, last, COL.fourth, true));
  b.defineName(names.bounds, rangeA1(first, COL.value, last, COL.value, true));
  b.defineName(names.codes, rangeA1(first, COL.second, last, COL.second, true));
  validate(sheet, rangeA1(first, COL.value, last, COL.value), "score");
  if (shares) {
    b.defineName(shares.max, rangeA1(first, COL.fifth, last, COL.fifth, true));
    b.defineName(shares.min, rangeA1(first, COL.sixth, last, COL.sixth, true));
    validate(sheet, rangeA1(first, COL.fifth, last, COL.sixth), "rate", true);
    b.set(last + 1, COL.fifth, t(TEXT.shareNote), STYLES.note);
  }
  const [okText, badText] = [t(TEXT.boundsOk), t(TEXT.boundsBad)];
  // Each bound must exceed the one below it; a single-band scheme is trivially fine.
  const above = rangeA1(first, COL.value, last - 1, COL.value);
  const below = rangeA1(first + 1, COL.value, last, COL.value);
  const check = last > first ? `=IF(SUMPRODUCT(--(${above}<=${below}))=0,"${okText}","${badText}")` : `="${okText}"`;
  b.set(first, COL.note, { f: check, expect: okText }, STYLES.computed);
  sheet.row += shares ? 2 : 1;
}

/** 第九条's pairing of grade words with the four levels: word, level (a five-point code). */
export function writeLevels(sheet: SettingsSheet): void {
  const { b, t, settings } = sheet;
  writeSection(sheet, SECTION.levels);
  b.setRow(sheet.row, COL.value, TEXT.levelHeaders.map(t), STYLES.header);
  b.set(sheet.row, COL.note, t(TEXT.levelNote), STYLES.note);
  sheet.row += 1;
  const first = sheet.row;
  for (const l of settings.bonus.levels) {
    b.setRow(sheet.row, COL.value, [l.word, l.level], { ...STYLES.input, numberFormat: FORMATS.text });
    sheet.row += 1;
  }
  const last = sheet.row - 1;
  b.defineName(SETTING_NAMES.gradeLevels, rangeA1(first, COL.value, last, COL.second, true));
  sheet.validations.push({
    range: rangeA1(first, COL.second, last, COL.second),
    rule: { type: "listSource", source: `=${SETTING_NAMES.grades5Codes}` },
    allowBlank: false,
    error: { title: sheet.t(TEXT.invalidValue), message: sheet.t(TEXT.levelNote) },
  });
  sheet.row += 1;
}

const KIND_OF_UNIT: Readonly<Record<KpiUnit, Kind>> = { hours: "hours", rate: "rate", rating: "rating" };

/**
 * The KPI table (RULES.md#monthly-kpis): per KPI its target (in its unit; blank for a rating = mean ÷ 10 ×
 * full score), the comparison the policy wrote (≥ > ≤ <) and its composite weight, each named.
 */
export function writeKpiTable(sheet: SettingsSheet): void {
  const { b, t, settings } = sheet;
  const k = settings.kpi;
  b.setRow(sheet.row, COL.value, TEXT.kpiHeaders.map(t), STYLES.header);
  sheet.row += 1;
  for (const key of KPI_KEYS) {
    const { row } = sheet;
    const names = kpiSettingKeys(key);
    const kind = KIND_OF_UNIT[KPI_UNIT[key]];
    b.set(row, COL.label, t(KPI_LABEL[key]), STYLES.label);
    b.set(row, COL.value, k.targets[key], { ...STYLES.input, numberFormat: NUMBER_FORMAT[kind] });
    b.set(row, COL.second, COMPARISON_SYMBOL[k.comparisons[key]], {
      ...STYLES.input,
      numberFormat: FORMATS.text,
      horizontal: "center",
    });
    b.set(row, COL.third, k.weights[key], { ...STYLES.input, numberFormat: FORMATS.percent0 });
    const note = KPI_NOTE[key];
    if (note) b.set(row, COL.note, t(note), STYLES.note);
    b.defineName(SETTING_NAMES[names.target], a1(row, COL.value, true));
    b.defineName(SETTING_NAMES[names.compare], a1(row, COL.second, true));
    b.defineName(SETTING_NAMES[names.weight], a1(row, COL.third, true));
    validate(sheet, a1(row, COL.value), kind, KPI_UNIT[key] === "rating");
    validate(sheet, a1(row, COL.second), "comparison");
    validate(sheet, a1(row, COL.third), "weight");
    sheet.row += 1;
  }
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
