/**
 * `service-appraisal kpi --orders FILE(.xlsx|.csv) --month 2026-10 [--as-of 2026-11-01T00:00]
 * [--sheet NAME] --out FILE.xlsx [--json FILE.json] [--freeze] [--force]`
 *
 * Reads the department's work orders (RULES.md#work-order-register rules: every row used or listed), and writes a
 * new workbook with 考核参数 (the input's own settings when it has a 考核参数 sheet), the
 * register, 数据问题 and the 月度KPI sheet; `--json` writes the same KPIs as a contract other
 * tools call (keys below, rates as fractions 0–1, null for no data, rows as the user sees them).
 * `--parts FILE.csv` writes the month's replaced parts for the spare-parts ledger (layout in
 * sheets/workorders/partsExport.ts and docs/RULES.md).
 * `--call-log FILE.xlsx` proves written contact for chassis-engine faults from that file's call
 * log (found by marker; copied into the new workbook): two more register columns.
 * As-of defaults to the end of the month or now, whichever is earlier. The input is only read;
 * an existing --out or --json file is never overwritten without --force.
 */
import { extname } from "node:path";
import { pick, text, type Locale } from "../../core/i18n/text";
import { dateToSerial, parseDateTime, serialToDateTime } from "../../core/dates";
import { formatSerial } from "../../core/dates/serial";
import {
  fieldDef,
  defaultAsOf,
  monthKey,
  parseMonth,
  KPI_VALUE_KEYS,
  type ColumnMapping,
  type KpiReport,
  type KpiRow,
  type OrderProblem,
  type ParsedOrders,
} from "../../core/workorders";
import type { RangeData } from "../../sheets/plan";
import type { Settings } from "../../core/settings";
import { describeProblem } from "../../core/problem";
import { kpiWorkbookPlan, partsExport, proposeFor, readOrders, sourceTable } from "../../sheets/workorders";
import { readTableFile } from "../../xlsx/readFile";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command, type CommandContext } from "../command";
import { decideColumns } from "./kpiColumns";
import { partsCsv } from "./partsCsv";
import { KPI } from "./specs";
import {
  bytesOutput,
  checkOut,
  checkOutput,
  jsonOutput,
  loadInputBook,
  notesOf,
  resolvePath,
  writeWorkbook,
} from "../io";
import { printTextNotes } from "../notes";
import { readCallLogFile } from "../records/callLogFile";
import { baseName, chooseSheet, workbookSettings } from "../workbook";

/** The JSON written by --json (the contract of issue 4). */
export interface KpiJson {
  readonly month: string;
  readonly asOf: string;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly department: KpiJsonValues;
  readonly technicians: readonly ({ readonly technician: string } & KpiJsonValues)[];
  readonly problems: readonly { readonly row: number; readonly column: string | null; readonly message: string }[];
}

export type KpiJsonValues = Readonly<Record<(typeof KPI_VALUE_KEYS)[number], number | string | null>>;

/** What the JSON calls an order without a technician (the rules' word, RULES.md#work-order-register, whatever --lang). */
export const UNASSIGNED_JSON = "未指派";

export const kpiCommand: Command = {
  ...KPI,
  async run(ctx) {
    const input = resolvePath(ctx, requireString(ctx, "orders"));
    const monthText = requireString(ctx, "month");
    const out = resolvePath(ctx, requireString(ctx, "out"));
    const jsonText = optionalString(ctx, "json");
    const json = jsonText === undefined ? undefined : resolvePath(ctx, jsonText);
    const partsText = optionalString(ctx, "parts");
    const parts = partsText === undefined ? undefined : resolvePath(ctx, partsText);
    const force = flag(ctx, "force");
    const callLogText = optionalString(ctx, "call-log");
    const callLogPath = callLogText === undefined ? undefined : resolvePath(ctx, callLogText);
    if (callLogPath === out)
      throw new CliError(text("--out 不能是 --call-log 文件", "--out must not be the --call-log file"), 2);
    // Every refusal comes before any work, so nothing is half-written.
    checkOut(out, { force, input });
    if (json !== undefined)
      checkOutput(json, { force, inputs: [input], others: [out], option: "--json", extension: null });
    if (parts !== undefined)
      checkOutput(parts, {
        force,
        inputs: [input],
        others: json === undefined ? [out] : [out, json],
        option: "--parts",
        extension: null,
      });
    const month = parseMonth(monthText);
    if (!month.ok)
      throw new CliError(text(`--month：${month.problem.message.zh}`, `--month: ${month.problem.message.en}`), 2);
    const now = nowSerial(ctx);
    const asOfText = optionalString(ctx, "as-of");
    const asOf = asOfText === undefined ? defaultAsOf(month.value, now) : asOfOption(asOfText);

    const { parsed, source, settings } = await readParsedOrders(ctx, input);

    const log = callLogPath === undefined ? undefined : await readCallLogFile(callLogPath, asOf, settings);
    const frozenAt = flag(ctx, "freeze") ? now : undefined;
    const wb = kpiWorkbookPlan({
      parsed,
      month: month.value,
      asOf,
      locale: ctx.locale,
      settings,
      source,
      includeSettings: true,
      ...(frozenAt !== undefined ? { frozenAt } : {}),
      ...(log ? { callLog: log.callLog } : {}),
    });
    if (!wb.ok) throw new CliError(describeProblem(wb.problem), 1);
    const plan = log ? { ...wb.value.plan, sheets: [...wb.value.plan.sheets, log.sheet] } : wb.value.plan;

    const body = kpiJson(wb.value.report, parsed, ctx.locale);
    const replaced = partsExport(parsed.orders, month.value, ctx.locale);
    // --out, --json and --parts: all written or none.
    const extra = [
      ...(json === undefined ? [] : [jsonOutput(json, body)]),
      ...(parts === undefined ? [] : [bytesOutput(parts, partsCsv(replaced))]),
    ];
    const sheets = await writeWorkbook(null, plan, out, extra);
    const p = parsed;
    const dept = wb.value.report.current.department.values;
    const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
    const say = (zh: string, en: string) => ctx.out(pick(text(zh, en), ctx.locale));
    say(
      `读取 ${p.rowsRead} 行，使用 ${p.rowsUsed} 行；${p.problems.length} 个数据问题（见“数据问题”表）`,
      `${p.rowsRead} rows read, ${p.rowsUsed} used; ${p.problems.length} data problems (see the Data problems sheet)`,
    );
    const fixed = (x: number | null, digits: number) => (x === null ? "—" : x.toFixed(digits));
    const composite = `${fixed(dept.compositeScore, 2)} ${dept.grade ?? ""}`;
    say(
      `${monthKey(month.value)}（截至 ${formatSerial(asOf)}）：${dept.orders} 张工单，维修响应 ${fixed(dept.avgResponseHours, 1)} 小时，维修及时率 ${pct(dept.completionOnTimeRate)}，维修质量 ${fixed(dept.avgQuality, 1)}，客户满意度 ${fixed(dept.avgSatisfaction, 1)}，用户抱怨率 ${pct(dept.complaintRate)}，综合得分 ${composite}`,
      `${monthKey(month.value)} (as of ${formatSerial(asOf)}): ${dept.orders} orders, response ${fixed(dept.avgResponseHours, 1)} h, completed on time ${pct(dept.completionOnTimeRate)}, quality ${fixed(dept.avgQuality, 1)}, satisfaction ${fixed(dept.avgSatisfaction, 1)}, complaints ${pct(dept.complaintRate)}, composite ${composite}`,
    );
    if (log) {
      say(
        `书面联系按“${log.sheetName}”核对（${log.callLog.calls.length} 条来电来函）`,
        `written contact checked against "${log.sheetName}" (${log.callLog.calls.length} calls and letters)`,
      );
      for (const p of log.problems) ctx.out(pick(describeProblem(p), ctx.locale));
    }
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
    if (parts !== undefined)
      say(
        `已写入 ${parts}：${replaced.rows.length} 条换件记录（供备用件台账销帐）`,
        `wrote ${parts}: ${replaced.rows.length} replaced parts (for the spare-parts ledger)`,
      );
  },
};

/**
 * The input's orders, parsed, with where they came from and the settings to use. Its cells are
 * not returned: they are garbage once parsed (100,000 orders: about 80 MB of cells the write
 * phase no longer carries).
 */
export async function readParsedOrders(
  ctx: CommandContext,
  input: string,
): Promise<{ parsed: ParsedOrders; source: { name: string; address: string }; settings: Settings }> {
  const { range, settings } = await readInput(ctx, input);
  const table = sourceTable(range);
  if (!table.ok)
    throw new CliError(text(`${input}：${table.problem.message.zh}`, `${input}: ${table.problem.message.en}`), 1);
  const proposal = proposeFor(table.value);
  const mapping = decideColumns(ctx, proposal, table.value.headers, range.firstColumn);
  const parsed = readOrders(table.value, mapping);
  if (!parsed.ok) {
    const found = table.value.headers.filter((h) => h !== null && String(h).trim() !== "").join(", ");
    throw new CliError(
      text(
        `${parsed.problem.message.zh}（找到的标题：${found}）`,
        `${parsed.problem.message.en} (headers found: ${found})`,
      ),
      1,
    );
  }
  printMapping(ctx, mapping, table.value.headers, proposal.matches);
  return { parsed: parsed.value, source: { name: range.sheetName, address: range.address }, settings };
}

function nowSerial(ctx: CommandContext): number {
  const r = dateToSerial(ctx.now(), "local");
  if (!r.ok) throw new CliError(text("系统时间无效", "the system clock gives an invalid date"), 1);
  return r.value;
}

function asOfOption(value: string): number {
  const r = parseDateTime(value, text("--as-of", "--as-of"));
  if (!r.ok || r.value === null) {
    throw new CliError(
      text(
        `--as-of 不是日期时间：“${value}”（例如 2026-11-01T00:00）`,
        `--as-of is not a date-time: "${value}" (e.g. 2026-11-01T00:00)`,
      ),
      2,
    );
  }
  return r.value;
}

/**
 * The orders' cells, and the settings: the input workbook's 考核参数 when it has one (refused,
 * a ProblemError main() prints, when a value of it cannot be read), else the defaults.
 */
async function readInput(ctx: CommandContext, input: string): Promise<{ range: RangeData; settings: Settings }> {
  const sheet = optionalString(ctx, "sheet");
  const ext = extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    const book = await loadInputBook(input);
    const ws = chooseSheet(book, sheet, input);
    const { settings } = await workbookSettings(book, ctx.locale);
    const read = book.readUsedRange(ws.name, { fillMerged: true });
    printTextNotes(ctx, notesOf(book, ws.name, sheet === undefined, read.notes));
    return {
      range: { ...read, sheetName: `${baseName(input)} › ${ws.name}` },
      settings,
    };
  }
  if (sheet !== undefined)
    throw new CliError(text("--sheet 只适用于 .xlsx 文件", "--sheet applies to .xlsx files only"), 2);
  // A file that cannot be read rejects with TableReadError, a ProblemError main() prints.
  const range = await readTableFile(input, { kind: "csv" });
  printTextNotes(ctx, range.notes);
  const { settings } = await workbookSettings(null, ctx.locale);
  return { range: { ...range, sheetName: baseName(input) }, settings };
}

function printMapping(
  ctx: CommandContext,
  mapping: ColumnMapping,
  headers: readonly unknown[],
  matches: readonly { field: string; confidence: number }[],
): void {
  const low = matches.filter((m) => m.confidence < 0.9);
  const parts = Object.entries(mapping)
    .sort((a, b) => (a[1] as number) - (b[1] as number))
    .map(([field, col]) => {
      const label = fieldDef(field as Parameters<typeof fieldDef>[0]).label;
      return `${String(headers[col as number])} → ${pick(label, ctx.locale)}`;
    });
  ctx.out(pick(text(`列对应：${parts.join("；")}`, `columns: ${parts.join("; ")}`), ctx.locale));
  if (low.length > 0) {
    const names = low
      .map((m) => pick(fieldDef(m.field as Parameters<typeof fieldDef>[0]).label, ctx.locale))
      .join(", ");
    ctx.out(
      pick(
        text(
          `注意：以下列按关键字推测，请核对：${names}`,
          `note: these columns were guessed from a keyword, check them: ${names}`,
        ),
        ctx.locale,
      ),
    );
  }
}

/** The --json body: exactly the contract's keys, rates as fractions, null for no data. */
export function kpiJson(report: KpiReport, parsed: ParsedOrders, locale: Locale): KpiJson {
  const values = (row: KpiRow): KpiJsonValues =>
    Object.fromEntries(KPI_VALUE_KEYS.map((k) => [k, row.values[k]])) as KpiJsonValues;
  return {
    month: monthKey(report.current.month),
    asOf: isoOf(report.current.asOf),
    rowsRead: parsed.rowsRead,
    rowsUsed: parsed.rowsUsed,
    department: values(report.current.department),
    technicians: report.current.technicians.map((r) => ({ technician: r.technician ?? UNASSIGNED_JSON, ...values(r) })),
    problems: parsed.problems.map((p: OrderProblem) => ({
      row: p.row,
      column: p.column ?? null,
      message: pick(p.message, locale),
    })),
  };
}

/** A serial as "2026-11-01T00:00:00" (wall-clock time, no zone — as the register holds it). */
export function isoOf(serial: number): string {
  const dt = serialToDateTime(serial);
  if (!dt.ok) return String(serial);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const { year, month, day, hour, minute, second } = dt.value;
  return `${p(year, 4)}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}:${p(second)}`;
}
