/**
 * The 考核参数 (Settings) sheet: the department's scheme as editable yellow cells, each value a
 * workbook name from SETTING_NAMES. Generated sheets reference the names, so changing a target
 * here changes every KPI table; the task pane reads the names back (settingsFromNames).
 *
 * Top to bottom: grade tables (five-point, hundred-point), rater weights, SLA limits, KPI
 * targets and weights, bonus rates and forfeiture, quarter coefficients, 6S rating and weights
 * — sections.ts writes each kind of part, strings.ts holds every label.
 */
import { pick, type Locale, type Text } from "../../core/i18n/text";
import { SETTING_NAMES, type Settings } from "../../core/settings";
import { SheetBuilder } from "../common/builder";
import { a1, rangeA1 } from "../common/address";
import { STYLES } from "../common/styles";
import type { SheetPlan } from "../plan";
import { SETTINGS_MARKER_VERSION, type SettingsMarker } from "./marker";
import {
  COL,
  writeCoefficients,
  writeGradeTable,
  writeKpiTable,
  writeLevels,
  writeLines,
  writeSWeights,
  writeSection,
  type Line,
  type SettingsSheet,
} from "./sections";
import { SECTION, SETTINGS_SHEET_NAME, TEXT } from "./strings";

export { SETTINGS_SHEET_NAME } from "./strings";

/** Builds the settings sheet for `settings`, with labels in `locale`. */
export function settingsPlan(settings: Settings, locale: Locale): SheetPlan<SettingsMarker> {
  const sheet = startSheet(settings, locale);
  const names = SETTING_NAMES;
  const grades5 = { all: names.grades5, bounds: names.grades5Bounds, codes: names.grades5Codes };
  const grades100 = { all: names.grades100, bounds: names.grades100Bounds, codes: names.grades100Codes };
  const rating6s = { all: names.audit6sRating, bounds: names.audit6sRatingBounds, codes: names.audit6sRatingCodes };
  writeGradeTable(sheet, SECTION.fivePoint, settings.fivePoint, grades5, {
    max: names.grades5ShareMax,
    min: names.grades5ShareMin,
    targets: settings.distribution.fivePoint,
  });
  writeGradeTable(sheet, SECTION.hundredPoint, settings.hundredPoint, grades100, {
    max: names.grades100ShareMax,
    min: names.grades100ShareMin,
    targets: settings.distribution.hundredPoint,
  });
  writeLevels(sheet);
  writeSection(sheet, SECTION.raters);
  writeLines(sheet, raterLines(settings));
  writeSection(sheet, SECTION.sla);
  writeLines(sheet, slaLines(settings));
  writeSection(sheet, SECTION.kpi);
  writeKpiTable(sheet);
  writeLines(sheet, kpiLines(settings));
  writeSection(sheet, SECTION.bonus);
  writeLines(sheet, bonusLines(settings));
  writeCoefficients(sheet);
  writeGradeTable(sheet, SECTION.rating6s, settings.audit6s.rating, rating6s);
  writeSWeights(sheet);
  writeSection(sheet, SECTION.warranty);
  writeLines(sheet, warrantyLines(settings));
  return finish(sheet);
}

/** The builder, the widths, the title and the note. */
function startSheet(settings: Settings, locale: Locale): SettingsSheet {
  const t = (x: Text): string => pick(x, locale);
  const b = new SheetBuilder<SettingsMarker>(
    t(SETTINGS_SHEET_NAME),
    { kind: "settings", version: SETTINGS_MARKER_VERSION, meta: {} },
    a1(1, COL.marker),
  );
  b.width(COL.label, 50)
    .width(COL.value, 12)
    .width(COL.second, 12)
    .width(COL.third, 16)
    .width(COL.fourth, 26)
    .width(COL.fifth, 12)
    .width(COL.sixth, 12)
    .width(COL.note, 48);
  b.set(1, 1, t(TEXT.title), STYLES.title);
  b.set(2, 1, t(TEXT.note), STYLES.subtitle);
  b.merge(rangeA1(2, 1, 2, COL.note));
  b.height(2, 30);
  b.format(a1(2, 1), { wrap: true, vertical: "top" });
  return { b, t, locale, settings, row: 4, validations: [] };
}

/** Validations, the hidden marker column, frozen title rows, A4 portrait. */
function finish(sheet: SettingsSheet): SheetPlan<SettingsMarker> {
  const { b } = sheet;
  for (const v of sheet.validations) b.validate(v);
  b.hideColumn(COL.marker);
  b.freeze(3, 0);
  b.tabColor("0F5257");
  b.print({
    orientation: "portrait",
    paper: "A4",
    fitToWidth: true,
    printArea: rangeA1(1, 1, sheet.row, COL.note),
    footer: "&P / &N",
  });
  return b.build();
}

function raterLines({ raters }: Settings): Line[] {
  return [
    { key: "raterSupervisor", value: raters.supervisor, kind: "weight" },
    { key: "raterPeers", value: raters.peers, kind: "weight" },
    { key: "raterSubordinates", value: raters.subordinates, kind: "weight" },
    { key: "raterCustomers", value: raters.customers, kind: "weight" },
  ];
}

function slaLines({ sla }: Settings): Line[] {
  return [
    { key: "slaBodyOnSiteHours", value: sla.bodyOnSiteHours, kind: "hours" },
    { key: "slaBodyReplyHours", value: sla.bodyReplyHours, kind: "hours" },
    { key: "slaChassisReplyHours", value: sla.chassisReplyHours, kind: "hours" },
    { key: "slaOtherReplyHours", value: sla.otherReplyHours, kind: "hours" },
    { key: "slaRadiusKm", value: sla.radiusKm, kind: "km" },
    { key: "slaChassisWrittenOnly", value: sla.chassisWrittenOnly ? 1 : 0, kind: "switch" },
  ];
}

function warrantyLines({ warranty }: Settings): Line[] {
  return [
    { key: "warrantyMonths", value: warranty.months, kind: "count" },
    { key: "warrantyKm", value: warranty.km, kind: "km" },
  ];
}

function kpiLines({ kpi }: Settings): Line[] {
  return [
    { key: "kpiCompletionLimitHours", value: kpi.completionLimitHours, kind: "hours" },
    { key: "kpiCsatThreshold", value: kpi.csatThreshold, kind: "rating" },
    { key: "kpiFullScore", value: kpi.fullScore, kind: "score" },
  ];
}

function bonusLines({ bonus }: Settings): Line[] {
  return [
    { key: "bonusQuarterRate", value: bonus.quarterRate, kind: "rate" },
    { key: "bonusYearEndRate", value: bonus.yearEndRate, kind: "rate" },
    { key: "bonusFailedGrade", value: bonus.failedGrade, kind: "grade" },
    { key: "bonusForfeitFailedQuarters", value: bonus.forfeitFailedQuarters, kind: "count" },
    { key: "bonusForfeitYellowCards", value: bonus.forfeitYellowCards, kind: "count" },
    { key: "bonusForfeitRedCards", value: bonus.forfeitRedCards, kind: "count" },
    { key: "bonusRoundTo", value: bonus.roundTo, kind: "money" },
  ];
}
