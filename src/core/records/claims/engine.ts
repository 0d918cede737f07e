/**
 * 二次索赔 (secondary claims against suppliers, RULES.md#secondary-claims; policy 3.8): per claim
 * the amount outstanding (claimed − recovered − refused), its state and, while outstanding, its
 * age in days as of a given date; per supplier the totals recovered and outstanding. These are
 * the values the sheets' formulas must compute.
 */
import { text, type Text } from "../../i18n/text";

export interface Claim {
  readonly claimNo: string;
  readonly supplier: string;
  readonly orderId: string;
  /** The 三包件 line (领料单号) the claim comes from. */
  readonly reqNo: string;
  readonly partName: string;
  readonly fault: string;
  readonly amount: number | null;
  readonly submitted: number | null;
  readonly recovered: number | null;
  readonly recoveredDate: number | null;
  readonly refused: number | null;
  readonly note: string;
}

export type ClaimStatus = "noAmount" | "over" | "notSubmitted" | "awaiting" | "partial" | "settled" | "refused";
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, Text>> = {
  noAmount: text("缺金额", "No amount"),
  over: text("超额", "Over-recovered"),
  notSubmitted: text("待提交", "Not submitted"),
  awaiting: text("待回款", "Awaiting payment"),
  partial: text("部分回款", "Partly paid"),
  settled: text("已结清", "Settled"),
  refused: text("拒赔", "Refused"),
};
export const CLAIM_STATUSES = Object.keys(CLAIM_STATUS_LABELS) as ClaimStatus[];

/** Rounded to cents the way Excel's ROUND(x,2) rounds (half away from zero), for comparisons only. */
export function cents(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
}

export interface ClaimResult {
  readonly outstanding: number;
  readonly status: ClaimStatus;
  /** Days since submission while something is outstanding, else null. */
  readonly ageDays: number | null;
}

export function assessClaim(c: Claim, asOf: number): ClaimResult {
  const outstanding = (c.amount ?? 0) - (c.recovered ?? 0) - (c.refused ?? 0);
  const out = cents(outstanding);
  const recovered = (c.recovered ?? 0) > 0;
  const status: ClaimStatus =
    (c.amount ?? 0) <= 0
      ? "noAmount"
      : out < 0
        ? "over"
        : c.submitted === null
          ? "notSubmitted"
          : out > 0
            ? recovered
              ? "partial"
              : "awaiting"
            : recovered
              ? "settled"
              : "refused";
  const ageDays = c.submitted !== null && out > 0 ? asOf - c.submitted : null;
  return { outstanding, status, ageDays };
}

export interface SupplierTotals {
  readonly supplier: string;
  readonly claims: number;
  readonly amount: number;
  readonly recovered: number;
  readonly refused: number;
  readonly outstanding: number;
  /** Recovered ÷ claimed, or null when nothing is claimed. */
  readonly rate: number | null;
}

/** Suppliers in order of first appearance (compared as Excel's = compares text: ignoring case). */
export function supplierTotals(claims: readonly Claim[], results: readonly ClaimResult[]): SupplierTotals[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    const key = c.supplier.toLowerCase();
    if (c.supplier === "" || seen.has(key)) continue;
    seen.add(key);
    order.push(c.supplier);
  }
  return order.map((supplier) => totalsOf(supplier, claims, results));
}

export function totalsOf(supplier: string, claims: readonly Claim[], results: readonly ClaimResult[]): SupplierTotals {
  const key = supplier.toLowerCase();
  let n = 0;
  let amount = 0;
  let recovered = 0;
  let refused = 0;
  let outstanding = 0;
  claims.forEach((c, i) => {
    if (c.supplier.toLowerCase() !== key) return;
    n += 1;
    amount += c.amount ?? 0;
    recovered += c.recovered ?? 0;
    refused += c.refused ?? 0;
    outstanding += results[i]!.outstanding;
  });
  return {
    supplier,
    claims: n,
    amount,
    recovered,
    refused,
    outstanding,
    rate: amount === 0 ? null : recovered / amount,
  };
}
