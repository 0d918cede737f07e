import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import { DEFAULT_SETTINGS } from "../settings";

/** Excel (and people) trust 15 significant digits of a double; the rest is binary noise. */
const SIGNIFICANT = 15;

/**
 * Rounds money half up to a step (RULES.md#bonuses: 0.01 yuan (default), settings.bonus.roundTo),
 * correctly in binary floating point: the value is first read at 15 significant digits
 * (what Excel shows), then rounded as a decimal — so 1.005 → 1.01 and 2.675 → 2.68, although
 * the doubles nearest to those are 1.00499999… and 2.67499999…. Halves of negative amounts
 * round away from zero (−1.005 → −1.01), like Excel's ROUND. Any step > 0 works (0.01, 1,
 * 0.05); powers of ten are rounded digit by digit, other steps via the quotient. Non-finite
 * values → problem "num"; a step that is not > 0 → problem "value".
 *
 * @example
 * roundMoney(1.005)        // → ok(1.01)
 * roundMoney(2.675)        // → ok(2.68)
 * roundMoney(1234.5, 1)    // → ok(1235)
 * roundMoney(0.125, 0.05)  // → ok(0.15)
 */
export function roundMoney(value: number, step: number = DEFAULT_SETTINGS.bonus.roundTo): Result<number> {
  if (typeof step !== "number" || !Number.isFinite(step) || !(step > 0)) {
    return fail(
      "value",
      text(
        `舍入单位必须大于 0（现为 ${formatNumber(step)}）`,
        `the rounding step must be above 0 (got ${formatNumber(step)})`,
      ),
    );
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return fail(
      "num",
      text(`金额不是有限数值（${String(value)}）`, `the amount is not a finite number (${String(value)})`),
    );
  }
  if (value === 0) return ok(0);
  const sign = value < 0 ? -1 : 1;
  const decimals = powerOfTenDecimals(step);
  let rounded: number;
  if (decimals !== null) rounded = roundDecimalHalfUp(Math.abs(value), decimals);
  else {
    const q = Number((Math.abs(value) / step).toPrecision(SIGNIFICANT));
    rounded = Number((Math.floor(q + 0.5) * step).toPrecision(SIGNIFICANT));
  }
  return ok(rounded === 0 ? 0 : sign * rounded);
}

/** k when step is exactly 10^-k (k may be negative: 100 → -2), else null. */
function powerOfTenDecimals(step: number): number | null {
  const k = Math.round(-Math.log10(step));
  return Number(`1e${-k}`) === step ? k : null;
}

/** Half-up rounding of a non-negative number to k decimals, on its 15-digit decimal form. */
function roundDecimalHalfUp(abs: number, k: number): number {
  const [mantissa, expPart] = abs.toPrecision(SIGNIFICANT).split("e");
  const exp = expPart === undefined ? 0 : Number(expPart);
  const [intPart, fracPart = ""] = mantissa.split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exp; // digits before the decimal point
  const keep = point + k; // digits kept
  if (keep >= digits.length) return Number(abs.toPrecision(SIGNIFICANT));
  if (keep < 0) return 0;
  let kept = digits.slice(0, keep);
  if (digits.charCodeAt(keep) >= 53 /* "5" */) kept = incrementDigits(kept);
  return Number(`${kept === "" ? "0" : kept}e${-k}`);
}

function incrementDigits(s: string): string {
  const chars = s.split("");
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === "9") {
      chars[i] = "0";
      i--;
    } else {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

export interface Reconciliation {
  readonly roundedParts: readonly number[];
  /** Σ of the rounded parts (itself exact to the step). */
  readonly sumOfRoundedParts: number;
  /** The whole, rounded once. */
  readonly roundedWhole: number;
  /** roundedWhole − sumOfRoundedParts: what the sheet must show, never hide (RULES.md#bonuses). */
  readonly difference: number;
}

/**
 * RULES.md#bonuses: sums of rounded parts must reconcile with the rounded whole. Rounds each part and
 * the whole (default: the exact sum of the parts) and returns the difference, exact to the
 * step (no 0.30000000000000004).
 *
 * @example
 * reconcileRounding([0.005, 0.005, 0.005]) // → ok({ roundedParts: [0.01, 0.01, 0.01], sumOfRoundedParts: 0.03, roundedWhole: 0.02, difference: -0.01 })
 */
export function reconcileRounding(
  parts: readonly number[],
  whole?: number,
  step: number = DEFAULT_SETTINGS.bonus.roundTo,
): Result<Reconciliation> {
  const roundedParts: number[] = [];
  let exactSum = 0;
  for (let i = 0; i < parts.length; i++) {
    const r = roundMoney(parts[i], step);
    if (!r.ok)
      return fail(
        r.problem.kind,
        text(`第 ${i + 1} 项：${r.problem.message.zh}`, `part ${i + 1}: ${r.problem.message.en}`),
      );
    roundedParts.push(r.value);
    exactSum += parts[i];
  }
  const w = roundMoney(whole ?? exactSum, step);
  if (!w.ok) return w;
  let s = 0;
  for (const p of roundedParts) s += p;
  const sum = roundMoney(s, step);
  if (!sum.ok) return sum;
  const diff = roundMoney(w.value - sum.value, step);
  if (!diff.ok) return diff;
  return ok({ roundedParts, sumOfRoundedParts: sum.value, roundedWhole: w.value, difference: diff.value });
}
