/**
 * The appraisal pane's view model: the form state, the custom-template edits and validation
 * into options for `appraisalPlan`. Pure (no React, no host), so it is tested in Node.
 */
import { pick, text, type Locale, type Text } from "../../../core/i18n/text";
import type { Problem } from "../../../core/problem";
import {
  STAFF_TEMPLATE,
  TEMPLATES,
  parsePeriod,
  readPeople,
  splitPeopleText,
  validateTemplate,
  type AppraisalTemplate,
  type Period,
  type Person,
} from "../../../core/appraisal";
import { formatNumber } from "../../../core/values/describe";
import { DEFAULT_SETTINGS, type GradeShareTarget, type Settings } from "../../../core/settings";
import type { Scalar } from "../../../sheets/plan";
import type { Scale } from "../../../sheets/appraisal";
import { formatText } from "../../i18n/format";
import { A } from "./strings";

export type TemplateChoice = "staff" | "head" | "employee" | "custom";

/** A grade's forced-distribution target as typed, in percent ("" = no limit). */
export interface ShareEdit {
  readonly max: string;
  readonly min: string;
}

export interface CustomIndicator {
  readonly id: number;
  readonly name: string;
  /** Percent of its group, as typed ("25", "25%"). */
  readonly weight: string;
}

export interface CustomGroup {
  readonly id: number;
  readonly name: string;
  /** Percent of the whole form, as typed ("60", "60%"). */
  readonly weight: string;
  readonly indicators: readonly CustomIndicator[];
}

/** People read from the selected range (Excel): raw rows and where they came from. */
export interface SelectionPeople {
  readonly address: string;
  readonly firstRow: number;
  readonly rows: readonly (readonly Scalar[])[];
}

export interface AppraisalForm {
  readonly template: TemplateChoice;
  readonly custom: readonly CustomGroup[];
  readonly period: string;
  readonly scale: Scale;
  readonly peopleText: string;
  /** When set, the people come from this selection instead of the typed text. */
  readonly selection: SelectionPeople | null;
  readonly nextId: number;
  /**
   * Forced distribution targets edited for this form, per scale and grade code; a grade not
   * edited shows (and uses) 考核参数's target.
   */
  readonly shareEdits: Readonly<Partial<Record<Scale, Readonly<Record<string, ShareEdit>>>>>;
  /** Fill the indicators the register measures from a monthly KPI table (issue 12 point 8). */
  readonly kpiFrom: boolean;
  /** Which table: a sheet name or a month ("" = the form's month). */
  readonly kpiTable: string;
  /** 360°: also generate the rater sheet (上级/同事/下属/客户), whose combined scores are the form's. */
  readonly raters: boolean;
}

export interface FormErrors {
  template?: Text;
  period?: Text;
  people?: Text;
  targets?: Text;
}

export interface ValidatedForm {
  readonly template: AppraisalTemplate;
  readonly period: Period;
  readonly people: readonly Person[];
  readonly scale: Scale;
  /** Forced distribution targets per grade code (none = {}). */
  readonly targets: Readonly<Record<string, GradeShareTarget>>;
  /** 360°: a rater sheet feeds the scores (appraisalPlans' `raters`). */
  readonly raters?: Record<string, never>;
}

/** The current quarter, e.g. "2026-Q4" on 2026-11-27: the usual thing to appraise. */
export function currentQuarter(now: Date): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** Percent text with at most two decimals and no binary noise: 100 / 11 → "9.09". */
function percentText(fraction: number): string {
  return formatNumber(Math.round(fraction * 10000) / 100);
}

/** A custom template seeded from the staff template (names in the pane's language). */
export function customFromTemplate(
  template: AppraisalTemplate,
  locale: Locale,
  firstId = 1,
): { groups: CustomGroup[]; nextId: number } {
  let id = firstId;
  const groups = template.groups.map((g) => {
    const inside = g.indicators.reduce((s, i) => s + i.weight, 0);
    return {
      id: id++,
      name: pick(g.name, locale),
      weight: percentText(g.weight),
      indicators: g.indicators.map((ind) => ({
        id: id++,
        name: pick(ind.name, locale),
        weight: percentText(ind.weight / inside),
      })),
    };
  });
  return { groups, nextId: id };
}

export function initialForm(now: Date, locale: Locale): AppraisalForm {
  const seeded = customFromTemplate(STAFF_TEMPLATE, locale);
  return {
    template: "staff",
    custom: seeded.groups,
    period: currentQuarter(now),
    scale: "five",
    peopleText: "",
    selection: null,
    nextId: seeded.nextId,
    shareEdits: {},
    kpiFrom: true,
    kpiTable: "",
    raters: false,
  };
}

// ── forced distribution ──────────────────────────────────────────────────────────────────

export interface ShareRow {
  readonly code: string;
  readonly label: Text;
  readonly max: string;
  readonly min: string;
}

/** The scale's grades with their targets as shown: this form's edits, else 考核参数's. */
export function shareRows(form: AppraisalForm, settings: Settings): ShareRow[] {
  const scheme = form.scale === "five" ? settings.fivePoint : settings.hundredPoint;
  const fromSettings = form.scale === "five" ? settings.distribution.fivePoint : settings.distribution.hundredPoint;
  const edits = form.shareEdits[form.scale] ?? {};
  const pct = (x: number | undefined) => (x === undefined ? "" : percentText(x));
  return scheme.bands.map((b) => ({
    code: b.code,
    label: text(b.zh, b.en),
    max: edits[b.code]?.max ?? pct(fromSettings[b.code]?.atMost),
    min: edits[b.code]?.min ?? pct(fromSettings[b.code]?.atLeast),
  }));
}

export function setShare(
  form: AppraisalForm,
  settings: Settings,
  code: string,
  key: keyof ShareEdit,
  value: string,
): AppraisalForm {
  const row = shareRows(form, settings).find((r) => r.code === code);
  const current = { max: row?.max ?? "", min: row?.min ?? "" };
  const edits = { ...(form.shareEdits[form.scale] ?? {}), [code]: { ...current, [key]: value } };
  return { ...form, shareEdits: { ...form.shareEdits, [form.scale]: edits } };
}

/** The targets the rows give, or the first that cannot be read (naming the grade). */
export function shareTargets(
  form: AppraisalForm,
  settings: Settings,
): { targets: Record<string, GradeShareTarget> } | { error: Text } {
  const targets: Record<string, GradeShareTarget> = {};
  for (const row of shareRows(form, settings)) {
    const t: { atMost?: number; atLeast?: number } = {};
    for (const [key, field] of [
      ["max", "atMost"],
      ["min", "atLeast"],
    ] as const) {
      if (row[key].trim() === "") continue;
      const v = parsePercent(row[key]);
      if (v === null || v < 0 || v > 1)
        return { error: formatText(A.errors.share, { grade: row.code, value: row[key] }) };
      t[field] = v;
    }
    if (t.atMost !== undefined && t.atLeast !== undefined && t.atLeast > t.atMost)
      return { error: formatText(A.errors.shareOrder, { grade: row.code }) };
    if (t.atMost !== undefined || t.atLeast !== undefined) targets[row.code] = t;
  }
  return { targets };
}

// ── custom-template edits ────────────────────────────────────────────────────────────────

export function setGroup(
  form: AppraisalForm,
  groupId: number,
  patch: Partial<Pick<CustomGroup, "name" | "weight">>,
): AppraisalForm {
  return { ...form, custom: form.custom.map((g) => (g.id === groupId ? { ...g, ...patch } : g)) };
}

export function setIndicator(
  form: AppraisalForm,
  groupId: number,
  indicatorId: number,
  patch: Partial<Pick<CustomIndicator, "name" | "weight">>,
): AppraisalForm {
  return {
    ...form,
    custom: form.custom.map((g) =>
      g.id === groupId
        ? { ...g, indicators: g.indicators.map((i) => (i.id === indicatorId ? { ...i, ...patch } : i)) }
        : g,
    ),
  };
}

export function addGroup(form: AppraisalForm): AppraisalForm {
  const group: CustomGroup = {
    id: form.nextId,
    name: "",
    weight: "",
    indicators: [{ id: form.nextId + 1, name: "", weight: "100" }],
  };
  return { ...form, custom: [...form.custom, group], nextId: form.nextId + 2 };
}

export function removeGroup(form: AppraisalForm, groupId: number): AppraisalForm {
  return { ...form, custom: form.custom.filter((g) => g.id !== groupId) };
}

export function addIndicator(form: AppraisalForm, groupId: number): AppraisalForm {
  return {
    ...form,
    custom: form.custom.map((g) =>
      g.id === groupId ? { ...g, indicators: [...g.indicators, { id: form.nextId, name: "", weight: "" }] } : g,
    ),
    nextId: form.nextId + 1,
  };
}

export function removeIndicator(form: AppraisalForm, groupId: number, indicatorId: number): AppraisalForm {
  return {
    ...form,
    custom: form.custom.map((g) =>
      g.id === groupId ? { ...g, indicators: g.indicators.filter((i) => i.id !== indicatorId) } : g,
    ),
  };
}

export function resetCustom(form: AppraisalForm, locale: Locale): AppraisalForm {
  const seeded = customFromTemplate(STAFF_TEMPLATE, locale, form.nextId);
  return { ...form, custom: seeded.groups, nextId: seeded.nextId };
}

// ── validation ───────────────────────────────────────────────────────────────────────────

/** "60", "60%", " 60 % " → 0.6; anything else → null. The fields are percents. */
export function parsePercent(input: string): number | null {
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%?\s*$/.exec(
    input.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  );
  return m ? Number(m[1]) / 100 : null;
}

/** Indicator weights inside a group must total 100% within this many percentage points (9.09 × 11). */
const GROUP_TOTAL_TOLERANCE = 0.001;

/** The custom template as typed, or the first problem found (naming the group that is off). */
export function customTemplate(groups: readonly CustomGroup[]): { template: AppraisalTemplate } | { error: Text } {
  const out: AppraisalTemplate["groups"][number][] = [];
  for (const [gi, g] of groups.entries()) {
    const groupLabel = g.name.trim() || `#${gi + 1}`;
    const weight = parsePercent(g.weight);
    if (weight === null) return { error: formatText(A.errors.weight, { what: groupLabel, value: g.weight || "—" }) };
    const indicators = [];
    let total = 0;
    for (const [ii, ind] of g.indicators.entries()) {
      const w = parsePercent(ind.weight);
      if (w === null)
        return {
          error: formatText(A.errors.weight, {
            what: ind.name.trim() || `${groupLabel} #${ii + 1}`,
            value: ind.weight || "—",
          }),
        };
      total += w;
      indicators.push({ name: text(ind.name.trim(), ind.name.trim()), weight: w });
    }
    if (g.indicators.length > 0 && Math.abs(total - 1) > GROUP_TOTAL_TOLERANCE) {
      return { error: formatText(A.errors.groupTotal, { group: groupLabel, total: `${percentText(total)}%` }) };
    }
    out.push({ name: text(g.name.trim(), g.name.trim()), weight, indicators });
  }
  const template: AppraisalTemplate = { id: "custom", title: text("绩效考核表", "Appraisal form"), groups: out };
  const checked = validateTemplate(template);
  return checked.ok ? { template } : { error: checked.problem.message };
}

/** The people as the form currently gives them, with rows that could not be used. */
export function formPeople(form: AppraisalForm): { people: readonly Person[]; problems: readonly Problem[] } {
  if (form.selection) return readPeople(form.selection.rows, form.selection.firstRow);
  return readPeople(splitPeopleText(form.peopleText));
}

/** Everything `appraisalPlan` needs from the pane, or per-field errors (targets default to `settings`'). */
export function validateForm(
  form: AppraisalForm,
  settings: Settings = DEFAULT_SETTINGS,
): {
  value: ValidatedForm | null;
  errors: FormErrors;
  peopleProblems: readonly Problem[];
} {
  const errors: FormErrors = {};
  let template: AppraisalTemplate | null = null;
  if (form.template === "custom") {
    const t = customTemplate(form.custom);
    if ("error" in t) errors.template = t.error;
    else template = t.template;
  } else {
    template = TEMPLATES[form.template];
  }
  const period = parsePeriod(form.period);
  if (!period.ok) errors.period = period.problem.message;
  const { people, problems } = formPeople(form);
  if (people.length === 0) errors.people = A.errors.noPeople;
  const shares = shareTargets(form, settings);
  if ("error" in shares) errors.targets = shares.error;
  const value =
    template && period.ok && people.length > 0 && "targets" in shares
      ? {
          template,
          period: period.value,
          people,
          scale: form.scale,
          targets: shares.targets,
          ...(form.raters ? { raters: {} } : {}),
        }
      : null;
  return { value, errors, peopleProblems: problems };
}
