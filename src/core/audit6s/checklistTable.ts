/**
 * A department's own checklist as a table (a CSV or a sheet): one row per item with the S, the
 * item text and, optionally, whether it is critical. Headers in Chinese or English are
 * recognised; without a header row the columns are taken in that order.
 */
import { text } from "../i18n/text";
import { fail, ok, problem, type Problem, type Result } from "../problem";
import { isBlank } from "../values/blank";
import { normalizeText } from "../values/text";
import { parseYesNo } from "../values/yesNo";
import { S_NAMES, validateChecklist, type ChecklistItem, type SIndex } from "./checklist";

const S_HEADERS = ["6s", "s", "类别", "项目类别", "category"];
const ITEM_HEADERS = ["检查项目", "检查内容", "项目", "item", "check item", "text"];
const CRITICAL_HEADERS = ["关键", "关键项", "一票否决", "critical", "veto"];

/** 整理 / Sort / 1 / 1S … → the S index. */
export function parseS(value: unknown): SIndex | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 6) return (value - 1) as SIndex;
  if (typeof value !== "string") return null;
  const k = normalizeText(value).toLowerCase().replace(/\s+/g, " ");
  const i = S_NAMES.findIndex((n) => n.zh === k || n.en.toLowerCase() === k);
  if (i >= 0) return i as SIndex;
  if (k === "清新") return 3;
  const m = /^([1-6])\s*s?$/.exec(k);
  return m ? ((Number(m[1]) - 1) as SIndex) : null;
}

/**
 * Reads checklist rows. Rows without an item text are skipped; an unknown S or an unreadable
 * critical flag is a problem naming the row (as the user sees it, first row = 1) and column.
 *
 * @example
 * readChecklistTable([["6S", "检查项目", "关键"], ["安全", "消防通道畅通", "是"]])
 *   // → ok([{ s: 5, text: "消防通道畅通", critical: true }])
 */
export function readChecklistTable(rows: readonly (readonly unknown[])[]): Result<readonly ChecklistItem[]> {
  const norm = (v: unknown) => (typeof v === "string" ? normalizeText(v).toLowerCase() : "");
  const head = rows[0]?.map(norm) ?? [];
  const find = (names: readonly string[]) => head.findIndex((h) => names.includes(h));
  const hasHeader = find(S_HEADERS) >= 0 && find(ITEM_HEADERS) >= 0;
  const cols = hasHeader
    ? { s: find(S_HEADERS), item: find(ITEM_HEADERS), critical: find(CRITICAL_HEADERS) }
    : { s: 0, item: 1, critical: 2 };
  const items: ChecklistItem[] = [];
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    if (hasHeader && i === 0) return;
    const itemText = row[cols.item];
    if (isBlank(itemText)) return;
    const s = parseS(row[cols.s]);
    if (s === null) {
      problems.push(
        problem(
          "value",
          text(
            `第 ${i + 1} 行：无法识别 6S 类别“${String(row[cols.s] ?? "")}”（整理、整顿、清扫、清洁、素养、安全 或 1–6）`,
            `row ${i + 1}: unknown S "${String(row[cols.s] ?? "")}" (Sort, Set in order, Shine, Standardize, Sustain, Safety or 1–6)`,
          ),
          { row: i + 1, column: "6S" },
        ),
      );
      return;
    }
    const critical = cols.critical >= 0 ? parseYesNo(row[cols.critical], "no") : ok(false);
    if (!critical.ok) {
      problems.push(
        problem(
          "value",
          text(
            `第 ${i + 1} 行关键项：${critical.problem.message.zh}`,
            `row ${i + 1}, critical: ${critical.problem.message.en}`,
          ),
          { row: i + 1, column: "关键" },
        ),
      );
      return;
    }
    items.push({ s, text: String(itemText).trim(), critical: critical.value === true });
  });
  if (problems.length > 0) return { ok: false, problem: problems[0] };
  if (items.length === 0) return fail("value", text("检查表文件中没有检查项", "the checklist file has no items"));
  return validateChecklist(items);
}
