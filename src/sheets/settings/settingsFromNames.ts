/**
 * Reads the department's scheme back from the workbook names of the 考核参数 sheet (the values
 * a host read with `readNames(Object.values(SETTING_NAMES))`). Anything missing or unreadable
 * falls back to the default for that one setting and is reported — the pane shows the problems
 * so nobody computes bonuses on a silently substituted number.
 */
import { text, type Text } from "../../core/i18n/text";
import { problem, type Problem } from "../../core/problem";
import {
  DEFAULT_SETTINGS,
  KPI_KEYS,
  KPI_UNIT,
  SETTING_NAMES,
  kpiSettingKeys,
  type GradeBand,
  type GradeLevel,
  type GradeScheme,
  type GradeShareTarget,
  type KpiKey,
  type Settings,
  type TargetComparison,
} from "../../core/settings";
import { validateGradeScheme } from "../../core/grading";
import { parseComparison } from "../../core/scoring/comparison";
import { isBlank } from "../../core/values/blank";
import { normalizeText } from "../../core/values/text";
import { toNumber } from "../../core/values/toNumber";
import type { Scalar } from "../plan";

export type NamedValues = Readonly<Record<string, readonly (readonly Scalar[])[] | undefined>>;

export interface SettingsReadBack {
  readonly settings: Settings;
  /** True when the workbook holds at least one settings name (a 考核参数 sheet exists). */
  readonly found: boolean;
  readonly problems: readonly Problem[];
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** min excluded (e.g. a rounding step must be above 0). */
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
}

/** Reason code of a setting that could not be read; params.name is the workbook name. */
export const DEFAULT_USED = "settings.defaultUsed";
/** Reason code of a grade without a quarter coefficient (0 is used); params.name, params.grade. */
export const NO_COEFFICIENT = "settings.noCoefficient";

/**
 * Names added after the first 考核参数 sheets: a sheet without them is not damaged but older, and
 * its defaults are used. A generator referencing one checks first (`settingsHaveNames`).
 */
export const LATER_NAMES: ReadonlySet<string> = new Set([SETTING_NAMES.warrantyMonths, SETTING_NAMES.warrantyKm]);

/** The 三包 terms' names, which the 三包件 sheet reads (LATER_NAMES: an older 考核参数 lacks them). */
export const WARRANTY_NAMES: readonly string[] = [SETTING_NAMES.warrantyMonths, SETTING_NAMES.warrantyKm];

/** Whether the workbook has every one of `names` (one read). */
export async function settingsHaveNames(
  reader: { readNames(names: readonly string[]): Promise<NamedValues> },
  names: readonly string[],
): Promise<boolean> {
  const found = await reader.readNames(names);
  return names.every((n) => found[n] !== undefined);
}

export function settingsFromNames(values: NamedValues): SettingsReadBack {
  const problems: Problem[] = [];
  const found = Object.values(SETTING_NAMES).some((n) => values[n] !== undefined);
  if (!found) return { settings: DEFAULT_SETTINGS, found, problems };

  const reported = new Set<string>();
  // The message names the setting; the reason carries it for callers (a workbook name is no table column).
  const report = (name: string, message: Text): void => {
    reported.add(name);
    problems.push(
      problem("value", text(`${name}：${message.zh}，已使用默认值`, `${name}: ${message.en}; the default is used`), {
        reason: { code: DEFAULT_USED, params: { name } },
      }),
    );
  };

  const num = (name: string, fallback: number, rule: NumberRule = {}): number => {
    const cells = values[name];
    if (cells === undefined) {
      report(name, text("名称不存在", "the name is missing"));
      return fallback;
    }
    const cell = cells[0]?.[0] ?? null;
    const parsed = toNumber(cell, text(name, name));
    if (!parsed.ok || parsed.value === null) {
      report(name, parsed.ok ? text("单元格为空", "the cell is blank") : parsed.problem.message);
      return fallback;
    }
    const v = parsed.value;
    const below = rule.min !== undefined && (rule.minExclusive ? v <= rule.min : v < rule.min);
    const above = rule.max !== undefined && v > rule.max;
    if (below || above || (rule.integer && !Number.isInteger(v))) {
      const range = `${rule.min ?? "-∞"}${rule.minExclusive ? " (excl.)" : ""} – ${rule.max ?? "∞"}`;
      report(name, text(`数值 ${v} 超出允许范围 ${range}`, `the value ${v} is outside ${range}`));
      return fallback;
    }
    return v;
  };

  /** A number, or null for a blank cell (a setting that may be left empty). */
  const optionalNum = (name: string, fallback: number | null, rule: NumberRule = {}): number | null => {
    const cells = values[name];
    if (cells !== undefined && isBlank(cells[0]?.[0] ?? null)) return null;
    const v = num(name, NaN, rule);
    return Number.isNaN(v) ? fallback : v;
  };

  const comparison = (name: string, fallback: TargetComparison): TargetComparison => {
    const cell = values[name]?.[0]?.[0];
    if (cell === undefined) {
      report(name, text("名称不存在", "the name is missing"));
      return fallback;
    }
    const c = parseComparison(cell);
    if (!c.ok) {
      report(name, c.problem.message);
      return fallback;
    }
    return c.value;
  };

  /** A switch: 1 = on, 0 = off — exactly what the formulas test (`=1`); anything else is reported. */
  const onOff = (name: string, fallback: boolean): boolean =>
    num(name, fallback ? 1 : 0, { min: 0, max: 1, integer: true }) === 1;

  const str = (name: string, fallback: string): string => {
    const cell = values[name]?.[0]?.[0];
    if (cell === undefined || isBlank(cell)) {
      report(name, text("缺少内容", "no value"));
      return fallback;
    }
    return String(cell).trim();
  };

  const scheme = (name: string, fallback: GradeScheme): GradeScheme => {
    const rows = values[name];
    if (rows === undefined) {
      report(name, text("名称不存在", "the name is missing"));
      return fallback;
    }
    const bands: GradeBand[] = [];
    for (const [i, row] of rows.entries()) {
      if (row.every((c) => isBlank(c))) continue;
      const [bound, code, zh, en] = row;
      const lower = toNumber(bound, text(`第 ${i + 1} 行下限`, `row ${i + 1} lower bound`));
      if (!lower.ok || lower.value === null || isBlank(code)) {
        report(name, text(`第 ${i + 1} 行需要数字下限和等级`, `row ${i + 1} needs a numeric lower bound and a grade`));
        return fallback;
      }
      const c = String(code).trim();
      bands.push({
        lower: lower.value,
        code: c,
        zh: isBlank(zh) ? c : String(zh).trim(),
        en: isBlank(en) ? c : String(en).trim(),
      });
    }
    const checked = validateGradeScheme({ bands, min: fallback.min, max: fallback.max });
    if (!checked.ok) {
      report(name, checked.problem.message);
      return fallback;
    }
    return checked.value;
  };

  const weight = { min: 0 };
  const rate = { min: 0, max: 1 };
  const hours = { min: 0 };
  const count = { min: 0, integer: true };
  const d = DEFAULT_SETTINGS;
  const N = SETTING_NAMES;

  const fivePoint = scheme(N.grades5, d.fivePoint);
  const hundredPoint = scheme(N.grades100, d.hundredPoint);

  /** Share targets per grade code, aligned with the bands of `bands` (forced distribution). */
  const shares = (
    bands: GradeScheme,
    maxName: string,
    minName: string,
    fallback: Readonly<Record<string, GradeShareTarget>>,
  ): Readonly<Record<string, GradeShareTarget>> => {
    const [max, min] = [values[maxName], values[minName]];
    if (max === undefined || min === undefined) {
      report(max === undefined ? maxName : minName, text("名称不存在", "the name is missing"));
      return fallback;
    }
    const out: Record<string, GradeShareTarget> = {};
    for (const [i, band] of bands.bands.entries()) {
      const read = (cells: typeof max, name: string): number | undefined => {
        const cell = cells[i]?.[0] ?? null;
        if (isBlank(cell)) return undefined;
        const n = toNumber(cell, text(name, name));
        if (!n.ok || n.value === null || n.value < 0 || n.value > 1) {
          report(
            name,
            text(`等级 ${band.code} 的占比应在 0–100% 之间`, `the share of grade ${band.code} must be 0–100%`),
          );
          return undefined;
        }
        return n.value;
      };
      const atMost = read(max, maxName);
      const atLeast = read(min, minName);
      if (atMost !== undefined || atLeast !== undefined)
        out[band.code] = { ...(atMost !== undefined ? { atMost } : {}), ...(atLeast !== undefined ? { atLeast } : {}) };
    }
    return out;
  };

  const levels = ((): readonly GradeLevel[] => {
    const rows = values[N.gradeLevels];
    if (rows === undefined) {
      report(N.gradeLevels, text("名称不存在", "the name is missing"));
      return d.bonus.levels;
    }
    const codes = new Map(fivePoint.bands.map((b) => [normalizeText(b.code).toLowerCase(), b.code]));
    const out: GradeLevel[] = [];
    for (const [i, row] of rows.entries()) {
      if (row.every((c) => isBlank(c))) continue;
      const level = isBlank(row[1]) ? undefined : codes.get(normalizeText(String(row[1])).toLowerCase());
      if (isBlank(row[0]) || level === undefined) {
        report(
          N.gradeLevels,
          text(
            `第 ${i + 1} 行需要等级用语和五分制等级（${fivePoint.bands.map((b) => b.code).join("/")}）`,
            `row ${i + 1} needs a grade word and a five-point grade (${fivePoint.bands.map((b) => b.code).join("/")})`,
          ),
        );
        continue;
      }
      out.push({ word: String(row[0]).trim(), level });
    }
    return out;
  })();

  const kpiRecord = <V>(read: (key: KpiKey) => V): Record<KpiKey, V> =>
    Object.fromEntries(KPI_KEYS.map((k) => [k, read(k)])) as Record<KpiKey, V>;
  const targetRule = (key: KpiKey): NumberRule =>
    KPI_UNIT[key] === "rate" ? { min: 0, max: 1 } : KPI_UNIT[key] === "rating" ? { min: 1, max: 10 } : { min: 0 };

  const coefficients: Record<string, number> = {};
  const coefRows = values[N.bonusCoefficients];
  if (coefRows === undefined) {
    report(N.bonusCoefficients, text("名称不存在", "the name is missing"));
    Object.assign(coefficients, d.bonus.coefficients);
  } else {
    for (const [i, row] of coefRows.entries()) {
      if (row.every((c) => isBlank(c))) continue;
      const value = toNumber(row[1], text(`第 ${i + 1} 行系数`, `row ${i + 1} coefficient`));
      if (isBlank(row[0]) || !value.ok || value.value === null || value.value < 0) {
        report(
          N.bonusCoefficients,
          text(`第 ${i + 1} 行需要等级和不小于 0 的系数`, `row ${i + 1} needs a grade and a coefficient of 0 or more`),
        );
        continue;
      }
      coefficients[String(row[0]).trim()] = value.value;
    }
  }

  const weightRows = values[N.audit6sWeights];
  let sWeights = d.audit6s.sWeights;
  if (weightRows === undefined || weightRows.length !== 6) {
    report(N.audit6sWeights, text("需要 6 个权重", "six weights are needed"));
  } else {
    const parsed = weightRows.map((r) => toNumber(r[0]));
    if (
      parsed.every((p) => p.ok && p.value !== null && p.value >= 0) &&
      parsed.some((p) => p.ok && (p.value as number) > 0)
    ) {
      sWeights = parsed.map((p) => (p.ok ? (p.value as number) : 0)) as unknown as Settings["audit6s"]["sWeights"];
    } else {
      report(
        N.audit6sWeights,
        text("权重必须是不小于 0 的数字且不能全为 0", "weights must be numbers of 0 or more, not all 0"),
      );
    }
  }

  const settings: Settings = {
    fivePoint,
    hundredPoint,
    raters: {
      supervisor: num(N.raterSupervisor, d.raters.supervisor, weight),
      peers: num(N.raterPeers, d.raters.peers, weight),
      subordinates: num(N.raterSubordinates, d.raters.subordinates, weight),
      customers: num(N.raterCustomers, d.raters.customers, weight),
    },
    distribution: {
      fivePoint: shares(fivePoint, N.grades5ShareMax, N.grades5ShareMin, d.distribution.fivePoint),
      hundredPoint: shares(hundredPoint, N.grades100ShareMax, N.grades100ShareMin, d.distribution.hundredPoint),
    },
    sla: {
      bodyOnSiteHours: num(N.slaBodyOnSiteHours, d.sla.bodyOnSiteHours, hours),
      bodyReplyHours: num(N.slaBodyReplyHours, d.sla.bodyReplyHours, hours),
      chassisReplyHours: num(N.slaChassisReplyHours, d.sla.chassisReplyHours, hours),
      otherReplyHours: num(N.slaOtherReplyHours, d.sla.otherReplyHours, hours),
      radiusKm: num(N.slaRadiusKm, d.sla.radiusKm, hours),
      chassisWrittenOnly: onOff(N.slaChassisWrittenOnly, d.sla.chassisWrittenOnly),
    },
    kpi: {
      // A rating's target may be blank (mean ÷ 10 × full score); every other target is a number.
      targets: kpiRecord((k) =>
        KPI_UNIT[k] === "rating"
          ? optionalNum(N[kpiSettingKeys(k).target], d.kpi.targets[k], targetRule(k))
          : num(N[kpiSettingKeys(k).target], d.kpi.targets[k] as number, targetRule(k)),
      ),
      comparisons: kpiRecord((k) => comparison(N[kpiSettingKeys(k).compare], d.kpi.comparisons[k])),
      weights: kpiRecord((k) => num(N[kpiSettingKeys(k).weight], d.kpi.weights[k], weight)),
      completionLimitHours: num(N.kpiCompletionLimitHours, d.kpi.completionLimitHours, hours),
      csatThreshold: num(N.kpiCsatThreshold, d.kpi.csatThreshold, { min: 1, max: 10 }),
      fullScore: num(N.kpiFullScore, d.kpi.fullScore, { min: 0, minExclusive: true }),
    },
    bonus: {
      quarterRate: num(N.bonusQuarterRate, d.bonus.quarterRate, rate),
      yearEndRate: num(N.bonusYearEndRate, d.bonus.yearEndRate, rate),
      coefficients,
      failedGrade: str(N.bonusFailedGrade, d.bonus.failedGrade),
      levels,
      forfeitFailedQuarters: num(N.bonusForfeitFailedQuarters, d.bonus.forfeitFailedQuarters, count),
      forfeitYellowCards: num(N.bonusForfeitYellowCards, d.bonus.forfeitYellowCards, count),
      forfeitRedCards: num(N.bonusForfeitRedCards, d.bonus.forfeitRedCards, count),
      roundTo: num(N.bonusRoundTo, d.bonus.roundTo, { min: 0, minExclusive: true }),
    },
    audit6s: { rating: scheme(N.audit6sRating, d.audit6s.rating), sWeights },
    // Added after the first 考核参数 sheets: an older sheet without them has the defaults (no problem).
    warranty: {
      months:
        values[N.warrantyMonths] === undefined ? d.warranty.months : num(N.warrantyMonths, d.warranty.months, count),
      km: values[N.warrantyKm] === undefined ? d.warranty.km : num(N.warrantyKm, d.warranty.km, hours),
    },
  };
  // Names read only by the generated formulas (the bands' bounds and codes for lookups): a
  // missing one would show #NAME? in every sheet that uses it, so it is reported like the others.
  for (const name of Object.values(N))
    if (values[name] === undefined && !reported.has(name) && !LATER_NAMES.has(name))
      report(name, text("名称不存在", "the name is missing"));
  for (const band of fivePoint.bands) {
    if (!(band.code in coefficients)) {
      problems.push(
        problem(
          "value",
          text(`等级 ${band.code} 没有季度系数，按 0 计算`, `grade ${band.code} has no quarter coefficient; 0 is used`),
          { reason: { code: NO_COEFFICIENT, params: { name: N.bonusCoefficients, grade: band.code } } },
        ),
      );
      coefficients[band.code] = 0;
    }
  }
  return { settings, found, problems };
}
