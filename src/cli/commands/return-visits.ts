/**
 * `service-appraisal return-visits (--orders FILE --month 2026-10 | --demo) [--seed N]
 * [--share 30%|--count N] [--threshold 8] [--station NAME] [--blank-rows 10] --out FILE.xlsx
 * [--json FILE.json] [--force]`
 *
 * The month's return visits (issue 12 point 7; policy 二、5 客户反馈回访, 五、1 随机挑选部分客户):
 * reads the work orders as `kpi` does (same columns, same problems), draws a random sample of the
 * month's completed orders — stratified by technician, reproducible from `--seed` (printed, and
 * shown on the sheets) — and writes 回访记录 (the survey form), 回访汇总 and 跟进清单 into a new
 * workbook. `--demo` uses the bundled sample orders with sample answers. The low-score threshold
 * defaults to the CSAT threshold of the input workbook's 考核参数 (RULES.md#monthly-kpis: 8).
 * `--json` writes the sample and the figures the sheets compute (rates as fractions, null = no data;
 * an order without a technician is 未指派, as in `kpi --json`).
 */
import { pick, text } from "../../core/i18n/text";
import { formatSerial } from "../../core/dates/serial";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { parseMonth, monthKey } from "../../core/workorders";
import {
  MAX_SEED,
  SAMPLE_RETURN_VISITS,
  sampleReturnVisits,
  type ReturnVisitSample,
  type SampleSize,
  type SurveyLine,
  type TechnicianFigures,
} from "../../core/records/returnVisits";
import { describeProblem } from "../../core/problem";
import {
  drawFromOrders,
  drawnReturnVisitsOptions,
  nothingToVisit,
  returnVisitsPlan,
  seedFromClock,
} from "../../sheets/records/returnVisits";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command, type CommandContext } from "../command";
import { jsonOutput, resolvePath, writeWorkbook } from "../io";
import { blankRowsOption, recordOutputs } from "../records";
import { readParsedOrders, UNASSIGNED_JSON } from "./kpi";
import { RETURN_VISITS } from "./specs";

/** What --json holds about a technician (and the department, technician null). */
type FiguresJson = Omit<TechnicianFigures, "technician">;

export const returnVisitsCommand: Command = {
  ...RETURN_VISITS,
  async run(ctx) {
    const demo = flag(ctx, "demo");
    const { out, json } = recordOutputs(ctx, ["orders"]);
    const blankRows = blankRowsOption(ctx, "blank-rows", 10);
    const station = optionalString(ctx, "station") ?? "";
    const seed = seedOption(ctx);
    const size = sizeOption(ctx);
    const say = (zh: string, en: string) => ctx.out(pick(text(zh, en), ctx.locale));

    let sample: ReturnVisitSample;
    let lines: readonly SurveyLine[];
    let month: string;
    let threshold = DEFAULT_SETTINGS.kpi.csatThreshold;
    if (demo) {
      if (optionalString(ctx, "orders") !== undefined)
        throw new CliError(text("--demo 与 --orders 只能选一个", "give either --demo or --orders, not both"), 2);
      ({ sample, lines } = sampleReturnVisits(seed ?? SAMPLE_RETURN_VISITS.seed, size));
      month = monthKey(SAMPLE_RETURN_VISITS.month);
    } else {
      const input = resolvePath(ctx, requireString(ctx, "orders"));
      const m = parseMonth(requireString(ctx, "month"));
      if (!m.ok) throw new CliError(text(`--month：${m.problem.message.zh}`, `--month: ${m.problem.message.en}`), 2);
      month = monthKey(m.value);
      const { parsed, settings } = await readParsedOrders(ctx, input);
      threshold = settings.kpi.csatThreshold;
      if (parsed.problems.length > 0) {
        say(
          `${parsed.problems.length} 个数据问题（有问题的单元格按空白处理；用 kpi 命令可生成“数据问题”表）：`,
          `${parsed.problems.length} data problems (unreadable cells are treated as blank; the kpi command lists them on a Data problems sheet):`,
        );
        for (const p of parsed.problems.slice(0, 5)) {
          const where = describeProblem(p);
          say(`  ${where.zh}`, `  ${where.en}`);
        }
      }
      // The same draw as the Records pane's "draw from the selection" (fromOrders.ts).
      const drawn = drawFromOrders(parsed.orders, {
        month: m.value,
        seed: seed ?? seedFromClock(ctx.now()),
        ...(size !== undefined ? { size } : {}),
      });
      if (!drawn.ok) throw new CliError(drawn.problem.message, drawn.problem.kind === "na" ? 1 : 2);
      ({ sample, lines } = drawn.value);
    }
    if (sample.picked.length === 0) throw new CliError(nothingToVisit(month), 1);
    threshold = thresholdOption(ctx) ?? threshold;

    const r = returnVisitsPlan(
      drawnReturnVisitsOptions({ sample, lines }, { station, month, threshold, locale: ctx.locale, blankRows }),
    );
    if (!r.ok) throw new CliError(describeProblem(r.problem), 1);
    const { figures } = r.value;
    const figuresOf = ({ technician: _t, ...rest }: TechnicianFigures): FiguresJson => rest;
    const body = {
      month,
      seed: sample.seed,
      size: sample.size,
      threshold,
      station,
      completedWithoutId: sample.withoutId,
      sample: lines.map((l, i) => ({
        orderId: l.orderId,
        customer: l.customer,
        technician: l.technician ?? UNASSIGNED_JSON,
        completedOn: l.completedOn === null ? null : formatSerial(l.completedOn, true),
        sourceRow: sample.picked[i]!.row,
        visited: figures.rows[i]!.visited,
        followUp: figures.rows[i]!.followUp,
      })),
      technicians: figures.technicians.map((f) => ({ technician: f.technician ?? UNASSIGNED_JSON, ...figuresOf(f) })),
      department: figuresOf(figures.total),
    };
    const sheets = await writeWorkbook(null, r.value.plan, out, json === undefined ? [] : [jsonOutput(json, body)]);
    const t = figures.total;
    say(
      `${month}：${t.completed} 张已完成工单，抽取 ${t.sampled} 张回访（${sample.strata.length} 位服务人员各至少一张），抽样种子 ${sample.seed}（用 --seed ${sample.seed} 可重现）`,
      `${month}: ${t.completed} completed orders, ${t.sampled} drawn for return visits (at least one for each of ${sample.strata.length} technicians), seed ${sample.seed} (--seed ${sample.seed} draws the same)`,
    );
    if (sample.withoutId > 0)
      say(
        `${sample.withoutId} 张已完成工单没有工单号，未参加抽样`,
        `${sample.withoutId} completed orders have no order ID and were not drawn`,
      );
    if (t.visited > 0) {
      const pct = t.visitRate === null ? "—" : `${(t.visitRate * 100).toFixed(1)}%`;
      const mean = t.meanSatisfaction === null ? "—" : t.meanSatisfaction.toFixed(2);
      say(
        `已回访 ${t.visited}，回访率 ${pct}，满意度均分 ${mean}，需跟进 ${t.followUps}（满意度低于 ${threshold} 或问题未解决）`,
        `${t.visited} visited, visit rate ${pct}, mean satisfaction ${mean}, ${t.followUps} to follow up (scored below ${threshold} or unresolved)`,
      );
    }
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};

function seedOption(ctx: CommandContext): number | undefined {
  const v = optionalString(ctx, "seed");
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isInteger(n) || n < 0 || n > MAX_SEED)
    throw new CliError(
      text(
        `--seed 应为 0 到 ${MAX_SEED} 的整数（是“${v}”）`,
        `--seed must be a whole number from 0 to ${MAX_SEED} (it is “${v}”)`,
      ),
      2,
    );
  return n;
}

/** --share 30% / 0.3, or --count 40; not both. */
function sizeOption(ctx: CommandContext): SampleSize | undefined {
  const share = optionalString(ctx, "share");
  const count = optionalString(ctx, "count");
  if (share !== undefined && count !== undefined)
    throw new CliError(text("--share 与 --count 只能选一个", "give either --share or --count, not both"), 2);
  if (share !== undefined) {
    const s = share.trim();
    const n = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
    if (s === "" || s === "%" || !(n > 0 && n <= 1))
      throw new CliError(
        text(
          `--share 应为大于 0 且不超过 100% 的比例，例如 30% 或 0.3（是“${share}”）`,
          `--share must be a share above 0 and at most 100%, e.g. 30% or 0.3 (it is “${share}”)`,
        ),
        2,
      );
    return { share: n };
  }
  if (count !== undefined) {
    const n = Number(count.trim());
    if (count.trim() === "" || !Number.isInteger(n) || n < 1)
      throw new CliError(
        text(
          `--count 应为不小于 1 的整数（是“${count}”）`,
          `--count must be a whole number of 1 or more (it is “${count}”)`,
        ),
        2,
      );
    return { count: n };
  }
  return undefined;
}

function thresholdOption(ctx: CommandContext): number | undefined {
  const v = optionalString(ctx, "threshold");
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isInteger(n) || n < 1 || n > 10)
    throw new CliError(
      text(
        `--threshold 应为 1 到 10 的整数分（是“${v}”）`,
        `--threshold must be a whole score from 1 to 10 (it is “${v}”)`,
      ),
      2,
    );
  return n;
}
