/**
 * The 回访与满意度调查 section's third source: the work orders in the user's selection (their own
 * export, or the register sheet the KPI pane generated). Read as the KPI pane reads its selection
 * (header row found, columns mapped automatically by `proposeMapping`, orders parsed with the same
 * per-cell problems), then drawn and generated exactly as the `return-visits` command does
 * (`drawFromOrders` + `drawnReturnVisitsOptions`, shared with the command). Pure, tested in Node.
 *
 * The month defaults to the one with the most completed orders: a selection may reach into the
 * neighbouring months (a register sheet holds its month's orders only, an export often several),
 * and the month the user wants to visit is the one the selection is mostly about. A month field
 * lets them choose another. The seed defaults to a fresh one from the clock (as the command's),
 * shown in the seed field and written on the sheets' parameters row, so the draw can be repeated.
 */
import { text, type Locale, type Text } from "../../../../core/i18n/text";
import { describeProblem, fail, ok, type Problem, type Result } from "../../../../core/problem";
import { DEFAULT_RETURN_VISIT_SHARE, MAX_SEED, type SampleSize } from "../../../../core/records/returnVisits";
import { monthKey, monthOfSerial, parseMonth, type Month } from "../../../../core/workorders/month";
import type { WorkOrder } from "../../../../core/workorders/parseOrders";
import type { RangeData } from "../../../../sheets/plan";
import {
  drawFromOrders,
  drawnReturnVisitsOptions,
  returnVisitsPlan,
  type ReturnVisitsBook,
} from "../../../../sheets/records/returnVisits";
import { proposeFor, readOrders, sourceTable } from "../../../../sheets/workorders/importRange";
import type { Generation } from "../../generateSheets";
import { recordPlan, writtenMessage } from "./recordForm";

export const RV_SELECTION = {
  source: text("回访工单来自", "Orders to visit"),
  sourceBlank: text("不抽样（手工填写回访）", "No draw (survey typed by hand)"),
  sourceSelection: text("从所选区域的工单抽样", "Draw from the work orders in the selection"),
  readSelection: text("读取所选区域", "Read the selection"),
  reading: text("正在读取所选区域…", "Reading the selection…"),
  month: text("回访月份", "Month"),
  monthHint: text(
    "按报修时间；默认为已完成工单最多的月份",
    "By reported date; default: the month with most completed orders",
  ),
  seed: text("抽样种子", "Seed"),
  seedHint: text("写在表上，同一种子可重现", "On the sheets; repeats the draw"),
  share: text("回访比例（%）", "Share visited (%)"),
  fixFirst: text("请先修正：", "Please fix first:"),
  noSelection: text(
    "请先选择工单区域并点击“读取所选区域”",
    "Select the work orders and click “Read the selection” first",
  ),
  noOrders: text(
    "所选区域中没有可读取的工单（每行需有报修时间）",
    "No work orders could be read from the selection (each row needs a reported date)",
  ),
  badMonth: text("回访月份应写成 2026-10 这样的年-月", "The month must be a year-month such as 2026-10"),
  badSeed: text(`抽样种子应为 0 到 ${MAX_SEED} 的整数`, `The seed must be a whole number from 0 to ${MAX_SEED}`),
  badShare: text("回访比例应为大于 0 且不超过 100 的百分数", "The share must be a percentage above 0 and at most 100"),
};

/** A month with completed orders (by month of 报修时间, as the draw counts them). */
export interface CompletedMonth {
  readonly month: Month;
  readonly key: string;
  readonly completed: number;
}

/** The selection as read: its orders, their problems and the months to offer. */
export interface VisitOrders {
  readonly address: string;
  readonly orders: readonly WorkOrder[];
  readonly rowsRead: number;
  readonly problems: readonly Problem[];
  readonly months: readonly CompletedMonth[];
}

/** Months with completed orders, newest first. */
export function completedMonths(orders: readonly WorkOrder[]): CompletedMonth[] {
  const counts = new Map<string, { month: Month; completed: number }>();
  for (const o of orders) {
    if (o.completedAt === null) continue;
    const m = monthOfSerial(o.reportedAt);
    if (!m) continue;
    const key = monthKey(m);
    const c = counts.get(key);
    if (c) c.completed++;
    else counts.set(key, { month: m, completed: 1 });
  }
  return [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([key, c]) => ({ key, month: c.month, completed: c.completed }));
}

/** The month with the most completed orders; on a tie the newest. */
export function defaultVisitMonth(months: readonly CompletedMonth[]): CompletedMonth | undefined {
  let best: CompletedMonth | undefined;
  for (const m of months) if (!best || m.completed > best.completed) best = m; // newest first: ties keep the newer
  return best;
}

/**
 * Reads the selected range: header row, automatic column mapping (the KPI pane's proposal; a
 * header that could be two fields stays unmapped, as there — return visits need neither), orders.
 */
export function readVisitOrders(range: RangeData): Result<VisitOrders> {
  const table = sourceTable(range);
  if (!table.ok) return table;
  const proposal = proposeFor(table.value);
  const parsed = readOrders(table.value, proposal.mapping);
  if (!parsed.ok) {
    const found = table.value.headers.filter((h) => h !== null && String(h).trim() !== "").join(", ");
    return fail(
      parsed.problem.kind,
      text(
        `${parsed.problem.message.zh}（找到的标题：${found}）`,
        `${parsed.problem.message.en} (headers found: ${found})`,
      ),
    );
  }
  if (parsed.value.orders.length === 0) return fail("na", RV_SELECTION.noOrders);
  return ok({
    address: `${range.sheetName}!${range.address}`,
    orders: parsed.value.orders,
    rowsRead: parsed.value.rowsRead,
    problems: parsed.value.problems,
    months: completedMonths(parsed.value.orders),
  });
}

/** At most this many data problems are listed in the message after reading (the rest counted). */
export const PROBLEMS_LISTED = 5;

/** The message after reading: address, orders, completed per month, the first data problems by row and column. */
export function readMessage(read: VisitOrders): Text {
  const months = read.months.slice(0, 6);
  const zhMonths = months.map((m) => `${m.key} ${m.completed} 张`).join("、");
  const enMonths = months.map((m) => `${m.key}: ${m.completed}`).join(", ");
  const listed = read.problems.slice(0, PROBLEMS_LISTED).map((p) => describeProblem(p));
  const more = read.problems.length - listed.length;
  const head = text(
    `已读取 ${read.address}：${read.orders.length} 张工单；已完成：${zhMonths || "无"}`,
    `Read ${read.address}: ${read.orders.length} work orders; completed: ${enMonths || "none"}`,
  );
  if (read.problems.length === 0) return head;
  const zhList = [...listed.map((l) => l.zh), ...(more > 0 ? [`另有 ${more} 个`] : [])].join("；");
  const enList = [...listed.map((l) => l.en), ...(more > 0 ? [`and ${more} more`] : [])].join("; ");
  return text(
    `${head.zh}。${read.problems.length} 个数据问题（有问题的单元格按空白处理）：${zhList}`,
    `${head.en}. ${read.problems.length} data problems (unreadable cells are treated as blank): ${enList}`,
  );
}

/** The selection source's fields as typed. */
export interface SelectionFields {
  readonly month: string;
  readonly seed: string;
  readonly share: string;
}

export type SelectionErrors = Partial<Record<"month" | "seed" | "share" | "source", Text>>;

/** The fields after a read: the default month, the seed kept (or a fresh one), the default share. */
export function fieldsAfterRead(read: VisitOrders, seed: string): SelectionFields {
  return {
    month: defaultVisitMonth(read.months)?.key ?? "",
    seed,
    share: String(Math.round(DEFAULT_RETURN_VISIT_SHARE * 100)),
  };
}

/** What the draw needs, checked. */
export interface SelectionDraw {
  readonly orders: readonly WorkOrder[];
  readonly problems: readonly Problem[];
  readonly month: Month;
  readonly seed: number;
  readonly size: SampleSize;
}

export function checkSelection(
  read: VisitOrders | null,
  fields: SelectionFields,
): { value: SelectionDraw | null; errors: SelectionErrors } {
  // Nothing read yet: the fields are not shown (they are filled in by the read), so only say to read.
  if (!read) return { value: null, errors: { source: RV_SELECTION.noSelection } };
  const errors: SelectionErrors = {};
  const m = parseMonth(fields.month.trim());
  if (!m.ok) errors.month = RV_SELECTION.badMonth;
  const seedText = fields.seed.trim();
  const seed = Number(seedText);
  if (seedText === "" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) errors.seed = RV_SELECTION.badSeed;
  const shareText = fields.share.trim().replace(/%$/, "");
  const share = Number(shareText) / 100;
  if (shareText === "" || !(share > 0 && share <= 1)) errors.share = RV_SELECTION.badShare;
  if (!m.ok || Object.keys(errors).length > 0) return { value: null, errors };
  return {
    value: { orders: read.orders, problems: read.problems, month: m.value, seed, size: { share } },
    errors,
  };
}

/** The generation: the command's draw, the workbook's CSAT threshold, the plan; the seed in the message. */
export function selectionGeneration(
  draw: SelectionDraw,
  o: { readonly station: string; readonly blankRows: number; readonly locale: Locale },
): Generation<ReturnVisitsBook> {
  const month = monthKey(draw.month);
  return {
    build: (workbook) => {
      const drawn = drawFromOrders(draw.orders, { month: draw.month, seed: draw.seed, size: draw.size });
      if (!drawn.ok) return drawn;
      return returnVisitsPlan(
        drawnReturnVisitsOptions(drawn.value, {
          month,
          station: o.station,
          threshold: workbook.settings.kpi.csatThreshold,
          locale: o.locale,
          blankRows: o.blankRows,
        }),
      );
    },
    plan: recordPlan,
    messages: (book, report) => {
      const t = book.figures.total;
      return [
        { intent: "success", body: writtenMessage(report.sheets.map((s) => s.actual)) },
        {
          intent: "info",
          body: text(
            `${month}：${t.completed} 张已完成工单，抽取 ${t.sampled} 张回访，抽样种子 ${draw.seed}（用同一种子可重现）`,
            `${month}: ${t.completed} completed orders, ${t.sampled} drawn for return visits, seed ${draw.seed} (the same seed draws the same)`,
          ),
        },
      ];
    },
    settingsAdded: text("", ""),
  };
}
