/**
 * `service-appraisal claims [--station NAME] (--claims FILE.csv|.xlsx | --demo) [--as-of 2026-12-01]
 * [--blank-rows 100] --out FILE.xlsx [--json FILE.json] [--force]`
 *
 * 二次索赔 against suppliers (policy 3.8; RULES.md#secondary-claims): the register with each
 * claim's outstanding amount, state and age, and the per-supplier totals recovered and
 * outstanding; `--json` writes the same figures. --as-of defaults to today.
 */
import { pick, text } from "../../core/i18n/text";
import { describeProblem } from "../../core/problem";
import { SAMPLE_CLAIMS, readClaims } from "../../core/records/claims";
import { claimsPlan } from "../../sheets/records/claims";
import { optionalString, requireString } from "../args";
import { CliError, type Command } from "../command";
import { CLAIMS } from "./specs";
import { dateOption, jsonOutput, todaySerial, writeWorkbook } from "../io";
import { blankRowsOption, recordOutputs, recordsOrSample } from "../records";

export const claimsCommand: Command = {
  ...CLAIMS,
  async run(ctx) {
    const { out, json } = recordOutputs(ctx, ["claims"]);
    const asOf =
      optionalString(ctx, "as-of") === undefined ? todaySerial(ctx) : dateOption(requireString(ctx, "as-of"), "as-of");
    const blankRows = blankRowsOption(ctx, "blank-rows", 100);
    const claims = await recordsOrSample(ctx, "claims", SAMPLE_CLAIMS, readClaims);
    const station = optionalString(ctx, "station") ?? "";
    const r = claimsPlan({ station, claims, asOf, locale: ctx.locale, blankRows });
    if (!r.ok) throw new CliError(describeProblem(r.problem), 1);
    const { results, suppliers, total } = r.value;
    const firstRow = 6;
    const body = {
      station,
      asOf,
      claims: claims.map((c, i) => ({ row: firstRow + i, claimNo: c.claimNo, supplier: c.supplier, ...results[i]! })),
      suppliers,
      total: { ...total, supplier: undefined },
    };
    const sheets = await writeWorkbook(null, r.value.plan, out, json === undefined ? [] : [jsonOutput(json, body)]);
    const say = (zh: string, en: string) => ctx.out(pick(text(zh, en), ctx.locale));
    const money = (x: number) => x.toFixed(2);
    say(
      `${claims.length} 笔索赔，${suppliers.length} 个供应商：索赔 ${money(total.amount)} 元，已回款 ${money(total.recovered)}，拒赔 ${money(total.refused)}，未回收 ${money(total.outstanding)}`,
      `${claims.length} claims, ${suppliers.length} suppliers: claimed ${money(total.amount)} yuan, recovered ${money(total.recovered)}, refused ${money(total.refused)}, outstanding ${money(total.outstanding)}`,
    );
    for (const s of suppliers)
      say(
        `  ${s.supplier}：已回款 ${money(s.recovered)}，未回收 ${money(s.outstanding)}`,
        `  ${s.supplier}: recovered ${money(s.recovered)}, outstanding ${money(s.outstanding)}`,
      );
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};
