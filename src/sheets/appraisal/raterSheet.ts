/**
 * The 360° rater sheet (360度评价, RULES.md#appraisal-templates): the policy's raters — 上级 (the supervisor, who
 * appraises anyway) and, for the 360-degree view, 同事, 下属 and 客户 (五、绩效评估方式 2) — each
 * score every indicator of every person, one row per person and indicator. Their weights come
 * from 考核参数 (SVC_Rater_*, default 50/20/10/20); a rater who did not score is left out and the
 * others renormalised (RULES.md#weighted-score). The combined column is what the appraisal form's score cells
 * read (appraisalPlan with `raters`), so the form grades the 360° result.
 */
import { pick, text, type Text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import { SETTING_NAMES, type GradeScheme } from "../../core/settings";
import { RATER_ROLES, type RaterRole, type RaterScores } from "../../core/scoring";
import { formColumns, periodKey, periodLabel } from "../../core/appraisal";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import { FORMATS, STYLES } from "../common/styles";
import type { Expected, SheetPlan } from "../plan";
import type { AppraisalOptions } from "./appraisalPlan";
import { RATERS_MARKER_VERSION, type RatersMarker } from "./marker";
import { scoreNumberFormat, scoreValidation } from "./scoreCells";
import { SHEET } from "./strings";

export const RATER_SHEET = text("360度评价", "360° ratings");

const HEADER_ROW = 5;
const WEIGHTS_ROW = 6;
/** The first person-indicator row. */
export const RATER_FIRST_ROW = 7;
/** 序号, 工号, 姓名, 部门, 指标组, 指标; then one column per rater, the combined score, the marker. */
const FIXED = 6;
const ROLE_COLUMN: Readonly<Record<RaterRole, number>> = { supervisor: 7, peers: 8, subordinates: 9, customers: 10 };
export const COMBINED_COLUMN = 11;
const MARKER_COLUMN = 13;

const ROLE_LABEL: Readonly<Record<RaterRole, Text>> = {
  supervisor: text("上级", "Supervisor"),
  peers: text("同事", "Peers"),
  subordinates: text("下属", "Subordinates"),
  customers: text("客户", "Customers"),
};
const ROLE_NAME: Readonly<Record<RaterRole, string>> = {
  supervisor: SETTING_NAMES.raterSupervisor,
  peers: SETTING_NAMES.raterPeers,
  subordinates: SETTING_NAMES.raterSubordinates,
  customers: SETTING_NAMES.raterCustomers,
};

const TEXT = {
  title: (form: string) => text(`360 度评价 — ${form}`, `360° ratings — ${form}`),
  note: text(
    "每位人员的每个指标由上级、同事、下属、客户评分（黄色单元格）；未评分的评价人不计入，其余权重按比例折算。权重来自“考核参数”。“综合得分”即考核表中的分数。",
    "Supervisor, peers, subordinates and customers score each indicator of each person (yellow cells); a rater who did not score is left out and the other weights renormalised. The weights come from the Settings sheet. The combined score is the score on the appraisal form.",
  ),
  headers: [
    text("序号", "No."),
    text("工号", "ID"),
    text("姓名", "Name"),
    text("部门", "Department"),
    text("指标组", "Group"),
    text("指标", "Indicator"),
  ],
  combined: text("综合得分", "Combined"),
  weights: text("权重", "Weight"),
};

/** The rater sheet's name, from the form's period: "360度评价 2026-Q3". */
export function raterSheetName(options: Pick<AppraisalOptions, "period" | "locale">): string {
  return `${pick(RATER_SHEET, options.locale)} ${periodKey(options.period)}`;
}

/** The rater scores given (tests, demo) or blank, per person and indicator. */
function raterRows(options: AppraisalOptions, indicators: number): readonly (readonly RaterScores[])[] {
  const given = options.raters?.scores;
  return options.people.map((_, i) => given?.[i] ?? Array.from({ length: indicators }, () => ({})));
}

/**
 * Builds the rater sheet for the form `options` describes; `combined` is the engine's result per
 * person and indicator (appraisalPlan computes it once for both sheets).
 */
export function raterSheetPlan(
  options: AppraisalOptions,
  scheme: GradeScheme,
  combined: readonly (readonly (number | null)[])[],
): Result<SheetPlan<RatersMarker>> {
  const t = (x: Text): string => pick(x, options.locale);
  const columns = formColumns(options.template);
  const k = columns.length;
  const rows = raterRows(options, k);
  if (rows.some((r) => r.length !== k))
    return fail("value", text(`评价分数与 ${k} 个指标不符`, `the rater scores do not match the ${k} indicators`));
  const n = options.people.length;
  const lastRow = RATER_FIRST_ROW + n * k - 1;
  const formName = `${t(SHEET)} ${periodKey(options.period)}`;
  const letter = (c: number): string => columnLetter(c);
  const b = new SheetBuilder<RatersMarker>(
    raterSheetName(options),
    {
      kind: "raters",
      version: RATERS_MARKER_VERSION,
      meta: {
        period: periodKey(options.period),
        form: formName,
        firstRow: RATER_FIRST_ROW,
        lastRow,
        people: n,
        indicators: k,
        columns: {
          supervisor: letter(ROLE_COLUMN.supervisor),
          peers: letter(ROLE_COLUMN.peers),
          subordinates: letter(ROLE_COLUMN.subordinates),
          customers: letter(ROLE_COLUMN.customers),
          combined: letter(COMBINED_COLUMN),
        },
      },
    },
    a1(1, MARKER_COLUMN),
  );
  b.set(1, 1, t(TEXT.title(`${t(options.template.title)} — ${t(periodLabel(options.period))}`)), STYLES.title);
  b.set(2, 1, t(TEXT.note), STYLES.note);
  b.merge(rangeA1(2, 1, 2, COMBINED_COLUMN));
  b.height(2, 30);
  b.setRow(
    HEADER_ROW,
    1,
    [...TEXT.headers, ...RATER_ROLES.map((r) => ROLE_LABEL[r]), TEXT.combined].map(t),
    STYLES.header,
  );
  b.set(WEIGHTS_ROW, FIXED, t(TEXT.weights), { ...STYLES.label, bold: true });
  for (const r of RATER_ROLES)
    b.set(WEIGHTS_ROW, ROLE_COLUMN[r], { f: `=${ROLE_NAME[r]}`, expect: options.settings.raters[r] });
  b.format(rangeA1(WEIGHTS_ROW, ROLE_COLUMN.supervisor, WEIGHTS_ROW, ROLE_COLUMN.customers), {
    ...STYLES.computed,
    numberFormat: FORMATS.percent0,
    horizontal: "center",
  });

  // One row per person and indicator: who, what, the raters' scores (blank unless given).
  const data: (string | number | null)[][] = [];
  options.people.forEach((p, i) =>
    columns.forEach((c, j) => {
      const scores = rows[i][j];
      data.push([
        i * k + j + 1,
        p.id ?? null,
        p.name,
        p.department ?? null,
        t(options.template.groups[c.group].name),
        t(c.name),
        ...RATER_ROLES.map((r) => scores[r] ?? null),
      ]);
    }),
  );
  b.block(RATER_FIRST_ROW, 1, data);
  const first = RATER_FIRST_ROW;
  const raters = rangeA1(first, ROLE_COLUMN.supervisor, first, ROLE_COLUMN.customers);
  const weights = rangeA1(WEIGHTS_ROW, ROLE_COLUMN.supervisor, WEIGHTS_ROW, ROLE_COLUMN.customers, true);
  const used = `SUMPRODUCT(--ISNUMBER(${raters}),${weights})`;
  b.fill({
    range: rangeA1(first, COMBINED_COLUMN, lastRow, COMBINED_COLUMN),
    formula: `=IF(${used}=0,"",SUMPRODUCT(${raters},${weights})/${used})`,
    expect: combined.flatMap((line) => line.map((x): Expected[] => [x ?? ""])),
  });

  const body = (from: number, to: number) => rangeA1(first, from, lastRow, to);
  b.format(body(1, COMBINED_COLUMN), { border: "thin", vertical: "middle" });
  b.format(body(2, FIXED), { numberFormat: FORMATS.text });
  b.format(body(ROLE_COLUMN.supervisor, ROLE_COLUMN.customers), {
    ...STYLES.input,
    numberFormat: scoreNumberFormat(scheme),
    horizontal: "center",
  });
  b.format(body(COMBINED_COLUMN, COMBINED_COLUMN), {
    ...STYLES.computed,
    numberFormat: scheme.max > 5 ? FORMATS.number1 : FORMATS.score2,
    bold: true,
    horizontal: "center",
  });
  b.validate(scoreValidation(body(ROLE_COLUMN.supervisor, ROLE_COLUMN.customers), scheme, t));
  b.width(1, 6).width(2, 10).width(3, 10).width(4, 12).width(5, 12).width(6, 28);
  for (const r of RATER_ROLES) b.width(ROLE_COLUMN[r], 9);
  b.width(COMBINED_COLUMN, 10);
  b.hideColumn(MARKER_COLUMN);
  b.freeze(WEIGHTS_ROW, 3);
  b.tabColor("7030A0");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${WEIGHTS_ROW}`,
    printArea: rangeA1(1, 1, lastRow, COMBINED_COLUMN),
    footer: "&P / &N",
  });
  return ok(b.build());
}
