import { text, type Text } from "../i18n/text";

/**
 * The text of a cell that holds an identifier or a name (工单号, 工号, 身份证号, 姓名): exactly
 * what the user sees in the cell, never a rounded or E-notation number.
 * - text is trimmed, nothing else;
 * - a whole number is written in plain digits: 20261005001 → "20261005001" (not "2.026e10",
 *   not "20261005000"). A number of 16 or more digits has already lost its last digits in
 *   Excel, which keeps 15 significant digits; it is written as Excel shows it (15 digits, then
 *   zeros), and {@link idPrecisionLost} says so;
 * - other numbers as Excel's General format shows them (at most 15 significant digits).
 *
 * @example
 * cellText(20261005001) // → "20261005001"
 * cellText(" WO-7 ")    // → "WO-7"
 * cellText(2.02610050001234e17) // → "202610050001234000"
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A number in plain digits as Excel shows it (15 significant digits), never in E-notation for |n| < 1e21. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  if (Math.abs(p) >= 1e21 || (Math.abs(p) < 1e-6 && p !== 0)) return String(p);
  if (Number.isInteger(p)) {
    // toPrecision gives the 15 digits Excel keeps; write them out with zeros, not the binary tail.
    const [mantissa, exp] = Math.abs(p).toExponential(14).split("e");
    const digits = mantissa!.replace(".", "").replace(/0+$/, "");
    const e = Number(exp);
    return (p < 0 ? "-" : "") + digits.padEnd(e + 1, "0");
  }
  return String(p);
}

/**
 * Whether a numeric ID cell lost digits: a whole number of 16 or more digits cannot be held
 * exactly (Excel keeps 15 significant digits), so two different IDs may have become one.
 */
export function idPrecisionLost(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) >= 1e15;
}

/** The message for {@link idPrecisionLost}, naming the field. */
export function precisionLostMessage(what: Text, shown: string): Text {
  return text(
    `${what.zh}“${shown}”以数字保存，超过 Excel 能保存的 15 位有效数字，末尾几位可能已丢失：请把该列设为“文本”格式后重新输入`,
    `${what.en} "${shown}" is stored as a number with more than the 15 significant digits Excel keeps, so its last digits may be lost: format the column as Text and enter the IDs again`,
  );
}

/** Excel's error values, as a cell shows them (Office.js and .xlsx files give them as this text). */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/**
 * The Excel error a cell shows (`#DIV/0!`, `#N/A` …), or null. A formula that failed in the
 * user's sheet must not become a name, an order number or a customer.
 */
export function excelErrorOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const t = value.trim().toUpperCase();
  return EXCEL_ERRORS.has(t) ? t : null;
}

/** "the cell shows the error #DIV/0!" — for a problem's message. */
export function errorCellMessage(what: Text, error: string): Text {
  return text(
    `${what.zh}单元格显示错误值 ${error}（公式出错），不是数据`,
    `${what.en} shows the error ${error} (a formula that failed), not data`,
  );
}

/** The most characters an Excel cell holds (learn.microsoft.com: Excel specifications and limits). */
export const MAX_CELL_CHARS = 32_767;

export function tooLongMessage(what: Text, length: number): Text {
  return text(
    `${what.zh}有 ${length.toLocaleString("en-US")} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS.toLocaleString("en-US")}`,
    `${what.en} has ${length.toLocaleString("en-US")} characters, more than the ${MAX_CELL_CHARS.toLocaleString("en-US")} an Excel cell holds`,
  );
}
