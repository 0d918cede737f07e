/**
 * The settings pane's form as a pure view model: Settings → editable strings → validated
 * Settings, with one message per field that names what is wrong ("must be below the band
 * above (4)", "a weight cannot be negative"). No React here, so every rule is unit-tested.
 */
import type { Text } from "../../../core/i18n/text";
import {
  KPI_KEYS,
  KPI_UNIT,
  type GradeBand,
  type GradeLevel,
  type GradeScheme,
  type GradeShareTarget,
  type KpiKey,
  type Settings,
  type TargetComparison,
} from "../../../core/settings";
import { checkKpiSettings } from "../../../core/workorders/aggregate";
import { formatText } from "../../i18n/format";
import { STRINGS, type StringKey } from "../../i18n/strings";

// ── fields ───────────────────────────────────────────────────────────────────────────────────

export type SectionId = "fivePoint" | "hundredPoint" | "raters" | "sla" | "kpi" | "bonus" | "audit6s" | "warranty";

export const SECTIONS: readonly { readonly id: SectionId; readonly title: StringKey }[] = [
  { id: "fivePoint", title: "sectionFivePoint" },
  { id: "hundredPoint", title: "sectionHundredPoint" },
  { id: "raters", title: "sectionRaters" },
  { id: "sla", title: "sectionSla" },
  { id: "kpi", title: "sectionKpi" },
  { id: "bonus", title: "sectionBonus" },
  { id: "audit6s", title: "sectionAudit6s" },
  { id: "warranty", title: "sectionWarranty" },
];

/**
 * How a single number is entered and checked:
 * weight ≥ 0 (only ratios matter; "60%" is read as 60) · nonNegative ≥ 0 · positive > 0 · percent 0–100 shown
 * with a % sign and stored as a fraction · count a whole number ≥ 1 · rating 1–10 · optionalRating 1–10 or
 * blank (no target).
 */
export type FieldKind = "weight" | "nonNegative" | "positive" | "percent" | "count" | "rating" | "optionalRating";

export const KPI_LABELS: Readonly<Record<KpiKey, StringKey>> = {
  responseTime: "kpiResponseTime",
  completionOnTime: "kpiCompletionOnTime",
  quality: "kpiQuality",
  satisfaction: "kpiSatisfaction",
  onTime: "kpiOnTime",
  csat: "kpiCsat",
  firstTimeFix: "kpiFirstTimeFix",
  complaintRate: "kpiComplaintRate",
};

const TARGET_KIND: Readonly<Record<KpiKey, FieldKind>> = Object.fromEntries(
  KPI_KEYS.map((k) => [
    k,
    KPI_UNIT[k] === "rate" ? "percent" : KPI_UNIT[k] === "rating" ? "optionalRating" : "nonNegative",
  ]),
) as Record<KpiKey, FieldKind>;

interface ScalarFieldDef {
  readonly id: string;
  readonly section: SectionId;
  readonly label: StringKey;
  readonly kind: FieldKind;
  /** Weights checked together: they must not all be 0. */
  readonly group?: "raters" | "kpi.weights" | "audit6s.sWeights";
  readonly get: (s: Settings) => number | null;
}

const SCALAR_FIELDS = [
  {
    id: "raters.supervisor",
    section: "raters",
    label: "raterSupervisor",
    kind: "weight",
    group: "raters",
    get: (s) => s.raters.supervisor,
  },
  {
    id: "raters.peers",
    section: "raters",
    label: "raterPeers",
    kind: "weight",
    group: "raters",
    get: (s) => s.raters.peers,
  },
  {
    id: "raters.subordinates",
    section: "raters",
    label: "raterSubordinates",
    kind: "weight",
    group: "raters",
    get: (s) => s.raters.subordinates,
  },
  {
    id: "raters.customers",
    section: "raters",
    label: "raterCustomers",
    kind: "weight",
    group: "raters",
    get: (s) => s.raters.customers,
  },
  {
    id: "sla.bodyOnSiteHours",
    section: "sla",
    label: "slaBodyOnSite",
    kind: "positive",
    get: (s) => s.sla.bodyOnSiteHours,
  },
  {
    id: "sla.bodyReplyHours",
    section: "sla",
    label: "slaBodyReply",
    kind: "positive",
    get: (s) => s.sla.bodyReplyHours,
  },
  {
    id: "sla.chassisReplyHours",
    section: "sla",
    label: "slaChassisReply",
    kind: "positive",
    get: (s) => s.sla.chassisReplyHours,
  },
  {
    id: "sla.otherReplyHours",
    section: "sla",
    label: "slaOtherReply",
    kind: "positive",
    get: (s) => s.sla.otherReplyHours,
  },
  { id: "sla.radiusKm", section: "sla", label: "slaRadius", kind: "positive", get: (s) => s.sla.radiusKm },
  { id: "warranty.months", section: "warranty", label: "warrantyMonths", kind: "count", get: (s) => s.warranty.months },
  { id: "warranty.km", section: "warranty", label: "warrantyKm", kind: "nonNegative", get: (s) => s.warranty.km },
  ...KPI_KEYS.map(
    (k) =>
      ({
        id: `kpi.targets.${k}`,
        section: "kpi",
        label: KPI_LABELS[k],
        kind: TARGET_KIND[k],
        get: (s: Settings) => s.kpi.targets[k],
      }) as const,
  ),
  ...KPI_KEYS.map(
    (k) =>
      ({
        id: `kpi.weights.${k}`,
        section: "kpi",
        label: KPI_LABELS[k],
        kind: "weight",
        group: "kpi.weights",
        get: (s: Settings) => s.kpi.weights[k],
      }) as const,
  ),
  {
    id: "kpi.completionLimitHours",
    section: "kpi",
    label: "kpiCompletionLimit",
    kind: "nonNegative",
    get: (s) => s.kpi.completionLimitHours,
  },
  {
    id: "kpi.csatThreshold",
    section: "kpi",
    label: "kpiCsatThreshold",
    kind: "rating",
    get: (s) => s.kpi.csatThreshold,
  },
  { id: "kpi.fullScore", section: "kpi", label: "kpiFullScore", kind: "positive", get: (s) => s.kpi.fullScore },
  {
    id: "bonus.quarterRate",
    section: "bonus",
    label: "bonusQuarterRate",
    kind: "percent",
    get: (s) => s.bonus.quarterRate,
  },
  {
    id: "bonus.yearEndRate",
    section: "bonus",
    label: "bonusYearEndRate",
    kind: "percent",
    get: (s) => s.bonus.yearEndRate,
  },
  {
    id: "bonus.forfeitFailedQuarters",
    section: "bonus",
    label: "bonusForfeitFailedQuarters",
    kind: "count",
    get: (s) => s.bonus.forfeitFailedQuarters,
  },
  {
    id: "bonus.forfeitYellowCards",
    section: "bonus",
    label: "bonusForfeitYellowCards",
    kind: "count",
    get: (s) => s.bonus.forfeitYellowCards,
  },
  {
    id: "bonus.forfeitRedCards",
    section: "bonus",
    label: "bonusForfeitRedCards",
    kind: "count",
    get: (s) => s.bonus.forfeitRedCards,
  },
  { id: "bonus.roundTo", section: "bonus", label: "bonusRoundTo", kind: "positive", get: (s) => s.bonus.roundTo },
  ...(["s1", "s2", "s3", "s4", "s5", "s6"] as const).map(
    (label, i) =>
      ({
        id: `audit6s.sWeights.${i}`,
        section: "audit6s",
        label,
        kind: "weight",
        group: "audit6s.sWeights",
        get: (s: Settings) => s.audit6s.sWeights[i],
      }) as const,
  ),
] as const satisfies readonly ScalarFieldDef[];

export type ScalarFieldId = (typeof SCALAR_FIELDS)[number]["id"];

export const SCALAR_FIELD_DEFS: readonly (ScalarFieldDef & { readonly id: ScalarFieldId })[] = SCALAR_FIELDS;

export function fieldDef(id: ScalarFieldId): ScalarFieldDef {
  const def = SCALAR_FIELD_DEFS.find((f) => f.id === id);
  if (!def) throw new Error(`unknown settings field ${id}`);
  return def;
}

export type BandTableId = "fivePoint" | "hundredPoint" | "audit6sRating";

export interface BandRow {
  readonly lower: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Forced distribution (five- and hundred-point tables): the share of people at most / at least, in %, "" = none. */
  readonly shareMax: string;
  readonly shareMin: string;
}

/** One row of 第九条's pairing: a grade word and the five-point level it counts as. */
export interface LevelRow {
  readonly word: string;
  readonly level: string;
}

export interface BandTable {
  readonly min: number;
  readonly max: number;
  readonly rows: readonly BandRow[];
}

export interface SettingsForm {
  readonly values: Readonly<Record<ScalarFieldId, string>>;
  readonly bands: Readonly<Record<BandTableId, BandTable>>;
  /** Quarter coefficient of each five-point band, aligned with `bands.fivePoint.rows`. */
  readonly coefficients: readonly string[];
  readonly failedGrade: string;
  /** How each KPI target is compared (≥ > ≤ <). */
  readonly comparisons: Readonly<Record<KpiKey, TargetComparison>>;
  /** 3.2.3: a phone reply to a chassis-engine fault does not count. */
  readonly chassisWrittenOnly: boolean;
  readonly levels: readonly LevelRow[];
}

/**
 * Where an error is: a scalar field id, "<table>.<row>.<lower|code|zh|en>", "<table>" for the
 * whole table, "bonus.coefficients.<row>", "bonus.failedGrade", or a weight group id.
 */
export type FieldErrors = Readonly<Record<string, Text>>;

// ── numbers ──────────────────────────────────────────────────────────────────────────────────

/** A number as a person would type it back: no float noise (0.235 × 100 → "23.5"). */
export function formatInput(n: number): string {
  if (!Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(12)));
}

/**
 * Reads what a person typed: trims, turns full-width digits, "．" and "％" (Chinese IME) into
 * ASCII, drops a trailing "%" where `allowPercentSign`. Returns null for blank, NaN for text
 * that is not a number. "1,5" is not a number (commas are ambiguous), nor is "1e".
 */
export function parseInput(raw: string, allowPercentSign: boolean): number | null {
  let s = raw
    .trim()
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/\uff0e/g, ".")
    .replace(/\uff05/g, "%")
    .replace(/\uff0d/g, "-")
    .replace(/\s+/g, "");
  if (s === "") return null;
  if (allowPercentSign && s.endsWith("%")) s = s.slice(0, -1);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN;
  return Number(s);
}

function toDisplay(kind: FieldKind, value: number | null): string {
  if (value === null) return "";
  return formatInput(kind === "percent" ? value * 100 : value);
}

function fromDisplay(kind: FieldKind, value: number): number {
  return kind === "percent" ? Number((value / 100).toPrecision(12)) : value;
}

// ── Settings → form ──────────────────────────────────────────────────────────────────────────

function bandTable(scheme: GradeScheme, shares: Readonly<Record<string, GradeShareTarget>> = {}): BandTable {
  const pct = (x: number | undefined): string => (x === undefined ? "" : formatInput(x * 100));
  return {
    min: scheme.min,
    max: scheme.max,
    rows: scheme.bands.map((b) => ({
      lower: formatInput(b.lower),
      code: b.code,
      zh: b.zh,
      en: b.en,
      shareMax: pct(shares[b.code]?.atMost),
      shareMin: pct(shares[b.code]?.atLeast),
    })),
  };
}

export function formFromSettings(s: Settings): SettingsForm {
  const values = Object.fromEntries(SCALAR_FIELD_DEFS.map((f) => [f.id, toDisplay(f.kind, f.get(s))])) as Record<
    ScalarFieldId,
    string
  >;
  return {
    values,
    bands: {
      fivePoint: bandTable(s.fivePoint, s.distribution.fivePoint),
      hundredPoint: bandTable(s.hundredPoint, s.distribution.hundredPoint),
      audit6sRating: bandTable(s.audit6s.rating),
    },
    coefficients: s.fivePoint.bands.map((b) => {
      const c = s.bonus.coefficients[b.code];
      return c === undefined ? "" : formatInput(c);
    }),
    failedGrade: s.bonus.failedGrade,
    comparisons: s.kpi.comparisons,
    chassisWrittenOnly: s.sla.chassisWrittenOnly,
    levels: s.bonus.levels.map((l) => ({ word: l.word, level: l.level })),
  };
}

// ── edits (immutable) ────────────────────────────────────────────────────────────────────────

export function setValue(form: SettingsForm, id: ScalarFieldId, value: string): SettingsForm {
  return { ...form, values: { ...form.values, [id]: value } };
}

export function setBandCell(
  form: SettingsForm,
  table: BandTableId,
  row: number,
  key: keyof BandRow,
  value: string,
): SettingsForm {
  const t = form.bands[table];
  const rows = t.rows.map((r, i) => (i === row ? { ...r, [key]: value } : r));
  let failedGrade = form.failedGrade;
  let levels = form.levels;
  // Renaming a five-point code renames the failed-grade choice and the levels that count as it.
  if (table === "fivePoint" && key === "code") {
    const old = t.rows[row]?.code;
    if (old === form.failedGrade) failedGrade = value;
    levels = levels.map((l) => (l.level === old ? { ...l, level: value } : l));
  }
  return { ...form, bands: { ...form.bands, [table]: { ...t, rows } }, failedGrade, levels };
}

/** Adds an empty band at the bottom (five-point: with an empty coefficient beside it). */
export function addBand(form: SettingsForm, table: BandTableId): SettingsForm {
  const t = form.bands[table];
  const rows = [...t.rows, { lower: "", code: "", zh: "", en: "", shareMax: "", shareMin: "" }];
  return {
    ...form,
    bands: { ...form.bands, [table]: { ...t, rows } },
    coefficients: table === "fivePoint" ? [...form.coefficients, ""] : form.coefficients,
  };
}

export function removeBand(form: SettingsForm, table: BandTableId, row: number): SettingsForm {
  const t = form.bands[table];
  const rows = t.rows.filter((_r, i) => i !== row);
  return {
    ...form,
    bands: { ...form.bands, [table]: { ...t, rows } },
    coefficients: table === "fivePoint" ? form.coefficients.filter((_c, i) => i !== row) : form.coefficients,
  };
}

export function setCoefficient(form: SettingsForm, row: number, value: string): SettingsForm {
  return { ...form, coefficients: form.coefficients.map((c, i) => (i === row ? value : c)) };
}

export function setFailedGrade(form: SettingsForm, code: string): SettingsForm {
  return { ...form, failedGrade: code };
}

export function setComparison(form: SettingsForm, key: KpiKey, c: TargetComparison): SettingsForm {
  return { ...form, comparisons: { ...form.comparisons, [key]: c } };
}

export function setChassisWrittenOnly(form: SettingsForm, on: boolean): SettingsForm {
  return { ...form, chassisWrittenOnly: on };
}

export function setLevel(form: SettingsForm, row: number, key: keyof LevelRow, value: string): SettingsForm {
  return { ...form, levels: form.levels.map((l, i) => (i === row ? { ...l, [key]: value } : l)) };
}

export function addLevel(form: SettingsForm): SettingsForm {
  return { ...form, levels: [...form.levels, { word: "", level: form.bands.fivePoint.rows[0]?.code ?? "" }] };
}

export function removeLevel(form: SettingsForm, row: number): SettingsForm {
  return { ...form, levels: form.levels.filter((_l, i) => i !== row) };
}

// ── validation ───────────────────────────────────────────────────────────────────────────────

export interface Validation {
  readonly errors: FieldErrors;
  /** The settings the form describes, when there is no error. */
  readonly settings: Settings | null;
}

/** The section a field or error path belongs to. */
export function sectionOf(path: string): SectionId {
  if (path.startsWith("audit6sRating")) return "audit6s";
  const head = path.split(".")[0];
  return (SECTIONS.some((s) => s.id === head) ? head : "bonus") as SectionId;
}

function checkNumber(kind: FieldKind, raw: string): { value: number | null } | { error: Text } {
  const n = parseInput(raw, kind === "percent" || kind === "weight");
  if (n === null) return kind === "optionalRating" ? { value: null } : { error: STRINGS.vRequired };
  if (Number.isNaN(n)) return { error: formatText(STRINGS.vNotNumber, { value: raw.trim() }) };
  switch (kind) {
    case "weight":
      if (n < 0) return { error: STRINGS.vWeightNegative };
      break;
    case "nonNegative":
      if (n < 0) return { error: STRINGS.vNegative };
      break;
    case "positive":
      if (!(n > 0)) return { error: STRINGS.vPositive };
      break;
    case "percent":
      if (n < 0 || n > 100) return { error: STRINGS.vPercentBetween };
      break;
    case "count":
      if (!Number.isInteger(n) || n < 1) return { error: formatText(STRINGS.vWhole, { min: 1 }) };
      break;
    case "rating":
    case "optionalRating":
      if (n < 1 || n > 10) return { error: formatText(STRINGS.vBetween, { min: 1, max: 10 }) };
      break;
  }
  return { value: fromDisplay(kind, n) };
}

function checkBands(id: BandTableId, table: BandTable, errors: Record<string, Text>): GradeBand[] | null {
  const bands: GradeBand[] = [];
  let ok = true;
  if (table.rows.length < 2) {
    errors[id] = STRINGS.vTooFewBands;
    ok = false;
  }
  const seen = new Map<string, number>();
  let previous: number | null = null;
  table.rows.forEach((row, i) => {
    const at = `${id}.${i}`;
    const n = parseInput(row.lower, false);
    let lower = NaN;
    if (n === null) errors[`${at}.lower`] = STRINGS.vRequired;
    else if (Number.isNaN(n)) errors[`${at}.lower`] = formatText(STRINGS.vNotNumber, { value: row.lower.trim() });
    else if (n < table.min || n > table.max)
      errors[`${at}.lower`] = formatText(STRINGS.vBetween, { min: table.min, max: table.max });
    else if (previous !== null && !(n < previous))
      errors[`${at}.lower`] = formatText(STRINGS.vBandsDecreasing, { prev: formatInput(previous) });
    else if (i === table.rows.length - 1 && n !== table.min)
      errors[`${at}.lower`] = formatText(STRINGS.vLastBand, { min: table.min });
    else lower = n;
    // Later rows are compared with the last bound that was a number, so one typo gives one error.
    if (n !== null && !Number.isNaN(n)) previous = n;

    const code = row.code.trim();
    if (code === "") errors[`${at}.code`] = STRINGS.vCodeRequired;
    else {
      // Excel compares text case-insensitively (MATCH, COUNTIF), so "a" and "A" would collide.
      const key = code.toLowerCase();
      if (seen.has(key)) errors[`${at}.code`] = formatText(STRINGS.vCodeDuplicate, { code });
      seen.set(key, i);
    }
    if (row.zh.trim() === "") errors[`${at}.zh`] = STRINGS.vLabelRequired;
    if (row.en.trim() === "") errors[`${at}.en`] = STRINGS.vLabelRequired;
    for (const key of ["shareMax", "shareMin"] as const) {
      const r = checkNumber("percent", row[key]);
      if (row[key].trim() !== "" && "error" in r) errors[`${at}.${key}`] = r.error;
    }
    if ([`${at}.lower`, `${at}.code`, `${at}.zh`, `${at}.en`].some((k) => k in errors)) ok = false;
    else bands.push({ lower, code, zh: row.zh.trim(), en: row.en.trim() });
  });
  return ok ? bands : null;
}

/** The share targets a band table's rows give (blank = none), by grade code. */
function sharesOf(table: BandTable): Record<string, GradeShareTarget> {
  const out: Record<string, GradeShareTarget> = {};
  for (const row of table.rows) {
    const [max, min] = [parseInput(row.shareMax, true), parseInput(row.shareMin, true)];
    const t: { atMost?: number; atLeast?: number } = {};
    if (max !== null && !Number.isNaN(max)) t.atMost = Number((max / 100).toPrecision(12));
    if (min !== null && !Number.isNaN(min)) t.atLeast = Number((min / 100).toPrecision(12));
    if (t.atMost !== undefined || t.atLeast !== undefined) out[row.code.trim()] = t;
  }
  return out;
}

/** Checks every field; `settings` is non-null only when nothing is wrong. */
export function validateForm(form: SettingsForm): Validation {
  const errors: Record<string, Text> = {};
  const numbers = new Map<ScalarFieldId, number | null>();
  for (const f of SCALAR_FIELD_DEFS) {
    const r = checkNumber(f.kind, form.values[f.id]);
    if ("error" in r) errors[f.id] = r.error;
    else numbers.set(f.id, r.value);
  }
  for (const group of ["raters", "kpi.weights", "audit6s.sWeights"] as const) {
    const members = SCALAR_FIELD_DEFS.filter((f) => "group" in f && f.group === group);
    if (members.every((f) => numbers.get(f.id) === 0)) errors[group] = STRINGS.vWeightsAllZero;
  }

  const five = checkBands("fivePoint", form.bands.fivePoint, errors);
  const hundred = checkBands("hundredPoint", form.bands.hundredPoint, errors);
  const rating = checkBands("audit6sRating", form.bands.audit6sRating, errors);

  const codes = form.bands.fivePoint.rows.map((r) => r.code.trim());
  const coefficients: Record<string, number> = {};
  form.bands.fivePoint.rows.forEach((_row, i) => {
    const r = checkNumber("nonNegative", form.coefficients[i] ?? "");
    if ("error" in r) errors[`bonus.coefficients.${i}`] = r.error;
    else coefficients[codes[i]] = r.value as number;
  });
  const levels: GradeLevel[] = [];
  form.levels.forEach((l, i) => {
    if (l.word.trim() === "") errors[`bonus.levels.${i}.word`] = STRINGS.vLabelRequired;
    else if (!codes.includes(l.level.trim()))
      errors[`bonus.levels.${i}.level`] = formatText(STRINGS.vFailedGrade, {
        code: l.level,
        codes: codes.filter((c) => c !== "").join(" / "),
      });
    else levels.push({ word: l.word.trim(), level: l.level.trim() });
  });
  if (!codes.includes(form.failedGrade.trim())) {
    errors["bonus.failedGrade"] = formatText(STRINGS.vFailedGrade, {
      code: form.failedGrade,
      codes: codes.filter((c) => c !== "").join(" / "),
    });
  }

  if (Object.keys(errors).length > 0 || !five || !hundred || !rating) return { errors, settings: null };

  const v = (id: ScalarFieldId): number => numbers.get(id) as number;
  const kpiTargets = Object.fromEntries(
    KPI_KEYS.map((k) => [k, numbers.get(`kpi.targets.${k}` as ScalarFieldId) ?? null]),
  ) as Record<KpiKey, number | null>;
  const kpiWeights = Object.fromEntries(KPI_KEYS.map((k) => [k, v(`kpi.weights.${k}` as ScalarFieldId)])) as Record<
    KpiKey,
    number
  >;
  const t = form.bands;
  const settings: Settings = {
    fivePoint: { min: t.fivePoint.min, max: t.fivePoint.max, bands: five },
    hundredPoint: { min: t.hundredPoint.min, max: t.hundredPoint.max, bands: hundred },
    distribution: { fivePoint: sharesOf(t.fivePoint), hundredPoint: sharesOf(t.hundredPoint) },
    raters: {
      supervisor: v("raters.supervisor"),
      peers: v("raters.peers"),
      subordinates: v("raters.subordinates"),
      customers: v("raters.customers"),
    },
    sla: {
      bodyOnSiteHours: v("sla.bodyOnSiteHours"),
      bodyReplyHours: v("sla.bodyReplyHours"),
      chassisReplyHours: v("sla.chassisReplyHours"),
      otherReplyHours: v("sla.otherReplyHours"),
      radiusKm: v("sla.radiusKm"),
      chassisWrittenOnly: form.chassisWrittenOnly,
    },
    kpi: {
      targets: kpiTargets,
      comparisons: form.comparisons,
      weights: kpiWeights,
      completionLimitHours: v("kpi.completionLimitHours"),
      csatThreshold: v("kpi.csatThreshold"),
      fullScore: v("kpi.fullScore"),
    },
    bonus: {
      quarterRate: v("bonus.quarterRate"),
      yearEndRate: v("bonus.yearEndRate"),
      coefficients,
      failedGrade: form.failedGrade.trim(),
      levels,
      forfeitFailedQuarters: v("bonus.forfeitFailedQuarters"),
      forfeitYellowCards: v("bonus.forfeitYellowCards"),
      forfeitRedCards: v("bonus.forfeitRedCards"),
      roundTo: v("bonus.roundTo"),
    },
    audit6s: {
      rating: { min: t.audit6sRating.min, max: t.audit6sRating.max, bands: rating },
      sWeights: [
        v("audit6s.sWeights.0"),
        v("audit6s.sWeights.1"),
        v("audit6s.sWeights.2"),
        v("audit6s.sWeights.3"),
        v("audit6s.sWeights.4"),
        v("audit6s.sWeights.5"),
      ],
    },
    warranty: { months: v("warranty.months"), km: v("warranty.km") },
  };
  // Targets a comparison cannot work with (a higher-is-better target of 0, "< 0" …), named by the core check.
  const kpiCheck = checkKpiSettings(settings);
  if (!kpiCheck.ok) return { errors: { "kpi.targets": kpiCheck.problem.message }, settings: null };
  return { errors: {}, settings };
}

/** Sections with at least one error, in pane order (for the summary next to the button). */
export function sectionsWithErrors(errors: FieldErrors): SectionId[] {
  const hit = new Set(Object.keys(errors).map(sectionOf));
  return SECTIONS.map((s) => s.id).filter((id) => hit.has(id));
}

/** 4 × quarterly + year-end, as a fraction (the policy's total is 1), or null if unreadable. */
export function bonusRateTotal(form: SettingsForm): number | null {
  const q = parseInput(form.values["bonus.quarterRate"], true);
  const y = parseInput(form.values["bonus.yearEndRate"], true);
  if (q === null || y === null || Number.isNaN(q) || Number.isNaN(y)) return null;
  return Number(((4 * q + y) / 100).toPrecision(12));
}
