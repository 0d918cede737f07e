import { text, type Text } from "../i18n/text";

const MAX_SHOWN = 40;

/**
 * How a cell value is named inside a message, in both languages, so a problem can say
 * exactly what it found: `text "abc"`, `TRUE`, `a blank cell`, `12.5`.
 *
 * @example
 * describeValue("abc").en // → 'text "abc"'
 * describeValue(true).zh // → "逻辑值 TRUE"
 */
export function describeValue(value: unknown): Text {
  if (value === null || value === undefined) return text("空白单元格", "a blank cell");
  if (typeof value === "string") {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    if (value.trim() === "") return text("空白单元格", "a blank cell");
    return text(`文本“${shown}”`, `text "${shown}"`);
  }
  if (typeof value === "boolean") {
    const b = value ? "TRUE" : "FALSE";
    return text(`逻辑值 ${b}`, b);
  }
  if (typeof value === "number") {
    const n = formatNumber(value);
    return text(n, n);
  }
  return text("无法识别的值", "an unrecognised value");
}

/**
 * A number as people read it in a message: at most 10 significant digits, no binary noise.
 *
 * @example
 * formatNumber(0.1 + 0.2) // → "0.3"
 * formatNumber(NaN) // → "NaN"
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}
