/**
 * The record books (记录, issue 12) from their bundled sample data, as the Records pane's
 * "sample records" builds them: the spare-parts book (ledger, movements, stock take), the 三包件
 * register (terms read from 考核参数 by name), the secondary claims and their per-supplier totals,
 * the call/letter log, the conduct log, and the return visits drawn from the sample orders with
 * their survey, summary and follow-up list. For the self-check, which compares every formula of
 * every kind with the engine (buildSampleWorkbook with `records`).
 */
import type { Locale } from "../../core/i18n/text";
import type { Settings } from "../../core/settings";
import { SAMPLE_COUNTS, SAMPLE_ITEMS, SAMPLE_MOVES } from "../../core/records/partsLedger";
import { SAMPLE_WARRANTY_LINES } from "../../core/records/warrantyParts";
import { SAMPLE_CLAIMS, SAMPLE_CLAIMS_AS_OF } from "../../core/records/claims";
import { sampleCalls } from "../../core/records/callLog";
import { sampleCards } from "../../core/records/conductLog";
import { serialOf } from "../../core/workorders";
import { partsLedgerPlan } from "../records/partsLedger";
import { warrantyPartsPlan } from "../records/warrantyParts";
import { claimsPlan } from "../records/claims";
import { callLogPlan } from "../records/callLog";
import { conductLogPlan } from "../records/conductLog";
import { SAMPLE_RETURN_VISITS, sampleReturnVisits } from "../../core/records/returnVisits";
import { monthKey } from "../../core/workorders/month";
import { drawnSurvey, returnVisitsPlan } from "../records/returnVisits";
import type { WorkbookPlan } from "../plan";

type Outcome<T> = { ok: true; value: T } | { ok: false; problem: { message: { en: string } } };

/** Each record book as one generation (what one section of the Records pane writes at once). */
export function sampleRecordPlans(
  year: number,
  options: { readonly locale: Locale; readonly settings: Settings; readonly warrantyNames?: boolean },
  must: <T>(r: Outcome<T>, what: string) => T,
): WorkbookPlan[] {
  const { locale, settings } = options;
  const station = "";
  const people =
    locale === "zh-CN" ? ["张伟", "李芳", "王强", "赵敏"] : ["Zhang Wei", "Li Fang", "Wang Qiang", "Zhao Min"];
  return [
    must(
      partsLedgerPlan({
        station,
        items: SAMPLE_ITEMS,
        moves: SAMPLE_MOVES,
        counts: SAMPLE_COUNTS,
        locale,
        blankItemRows: 3,
        blankMoveRows: 5,
      }),
      "parts ledger",
    ).plan,
    must(
      warrantyPartsPlan({
        station,
        lines: SAMPLE_WARRANTY_LINES,
        settings,
        namedTerms: options.warrantyNames !== false,
        locale,
        blankRows: 5,
      }),
      "warranty parts",
    ).plan,
    must(claimsPlan({ station, claims: SAMPLE_CLAIMS, asOf: SAMPLE_CLAIMS_AS_OF, locale, blankRows: 5 }), "claims")
      .plan,
    {
      sheets: [
        must(
          callLogPlan({
            calls: sampleCalls(year, 40, year, 10),
            asOf: serialOf(year, 11, 1),
            locale,
            settings,
            blankRows: 5,
          }),
          "call log",
        ).plan,
      ],
    },
    {
      sheets: [
        must(conductLogPlan({ cards: sampleCards(year, 24, year, people), locale, blankRows: 5 }), "conduct log").plan,
      ],
    },
    must(
      returnVisitsPlan({
        station,
        threshold: settings.kpi.csatThreshold,
        locale,
        blankRows: 5,
        month: monthKey(SAMPLE_RETURN_VISITS.month),
        ...drawnSurvey(sampleReturnVisits()),
      }),
      "return visits",
    ).plan,
  ];
}
