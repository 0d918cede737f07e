/**
 * Forced distribution targets as people write them (RULES.md#ranking-and-distribution: "a target distribution such as
 * A ≤ 20%"): "A<=20%, D>=5%" — a grade code of the scheme, ≤ (at most) or ≥ (at least), a share in
 * percent (or as a fraction: 0.2). Used by the CLI's --targets and the pane's summary line.
 */
import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import type { GradeScheme, GradeShareTarget } from "../settings";
import { normalizeText } from "../values/text";

/**
 * Reads "A<=20%,D>=5%" (also ≤ ≥, full-width forms, 、 or ; between targets). "none" or a blank
 * text is no target at all. A code the scheme does not have, a share outside 0–100% or a
 * contradiction (at least above at most) is a problem naming the part.
 *
 * @example
 * parseShareTargets("A<=20%, D>=5%", FIVE_POINT) // → ok({ A: { atMost: 0.2 }, D: { atLeast: 0.05 } })
 */
export function parseShareTargets(input: string, scheme: GradeScheme): Result<Record<string, GradeShareTarget>> {
  const s = normalizeText(input);
  if (s === "" || /^(none|无|不设)$/i.test(s)) return ok({});
  const out: Record<string, { atMost?: number; atLeast?: number }> = {};
  for (const part of s
    .split(/[,，;；、]/)
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const m = /^(.+?)\s*(<=|≤|=<|>=|≥|=>)\s*([0-9.]+)\s*(%?)$/.exec(part);
    const code = m ? scheme.bands.find((b) => b.code.toLowerCase() === m[1].trim().toLowerCase())?.code : undefined;
    if (!m || code === undefined) {
      const codes = scheme.bands.map((b) => b.code).join("/");
      return fail(
        "value",
        text(
          `无法识别的分布目标“${part}”：应写成 等级<=百分比 或 等级>=百分比（等级为 ${codes}），如 A<=20%`,
          `cannot read the distribution target "${part}": write grade<=percent or grade>=percent (grades ${codes}), e.g. A<=20%`,
        ),
      );
    }
    const n = Number(m[3]);
    const share = m[4] === "%" || n > 1 ? n / 100 : n;
    if (!Number.isFinite(share) || share < 0 || share > 1) {
      return fail("num", text(`分布目标“${part}”的占比应在 0–100% 之间`, `the share in "${part}" must be 0–100%`));
    }
    const t = (out[code] ??= {});
    if (m[2] === "<=" || m[2] === "≤" || m[2] === "=<") t.atMost = share;
    else t.atLeast = share;
    if (t.atMost !== undefined && t.atLeast !== undefined && t.atLeast > t.atMost) {
      return fail(
        "value",
        text(`等级 ${code} 的占比下限高于上限`, `the share of grade ${code} has its minimum above its maximum`),
      );
    }
  }
  return ok(out);
}

/** The targets written back: "A≤20%, D≥5%" (the pane and the CLI's notes show them). */
export function formatShareTargets(targets: Readonly<Record<string, GradeShareTarget>>, scheme: GradeScheme): string {
  const pct = (x: number) => `${Number((x * 100).toPrecision(12))}%`;
  return scheme.bands
    .flatMap((b) => {
      const t = targets[b.code];
      if (!t) return [];
      return [
        ...(t.atMost !== undefined ? [`${b.code}≤${pct(t.atMost)}`] : []),
        ...(t.atLeast !== undefined ? [`${b.code}≥${pct(t.atLeast)}`] : []),
      ];
    })
    .join(", ");
}
