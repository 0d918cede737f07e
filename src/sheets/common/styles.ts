/**
 * The look shared by every generated sheet, so a department's workbook reads as one product:
 * a title, grey headers, yellow input cells (the only cells a user is meant to type in),
 * light grey computed cells, and the traffic-light fills Excel users know from
 * "Good / Bad / Neutral" cell styles.
 */
import type { CellStyle, ConditionalStyle } from "../plan";

export const PALETTE = {
  brand: "0F5257",
  headerFill: "DCE6F1",
  groupFill: "B7CCE4",
  inputFill: "FFF2CC",
  computedFill: "F2F2F2",
  note: "595959",
  goodFill: "C6EFCE",
  goodFont: "006100",
  badFill: "FFC7CE",
  badFont: "9C0006",
  neutralFill: "FFEB9C",
  neutralFont: "9C5700",
} as const;

export const STYLES = {
  title: { bold: true, fontSize: 16, fontColor: PALETTE.brand } satisfies CellStyle,
  subtitle: { fontSize: 10, fontColor: PALETTE.note } satisfies CellStyle,
  section: { bold: true, fontSize: 12, fontColor: PALETTE.brand } satisfies CellStyle,
  header: {
    bold: true,
    fill: PALETTE.headerFill,
    border: "thin",
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  } satisfies CellStyle,
  group: {
    bold: true,
    fill: PALETTE.groupFill,
    border: "thin",
    horizontal: "center",
    vertical: "middle",
  } satisfies CellStyle,
  label: { border: "thin", vertical: "middle" } satisfies CellStyle,
  input: { fill: PALETTE.inputFill, border: "thin", locked: false } satisfies CellStyle,
  computed: { fill: PALETTE.computedFill, border: "thin" } satisfies CellStyle,
  note: { italic: true, fontSize: 9, fontColor: PALETTE.note, wrap: true, vertical: "top" } satisfies CellStyle,
} as const;

export const CONDITIONAL = {
  good: { fill: PALETTE.goodFill, fontColor: PALETTE.goodFont } satisfies ConditionalStyle,
  bad: { fill: PALETTE.badFill, fontColor: PALETTE.badFont } satisfies ConditionalStyle,
  neutral: { fill: PALETTE.neutralFill, fontColor: PALETTE.neutralFont } satisfies ConditionalStyle,
} as const;

/** Number formats used across sheets (Excel format codes understood by LibreOffice and WPS). */
export const FORMATS = {
  percent1: "0.0%",
  percent0: "0%",
  score2: "0.00",
  number1: "0.0",
  integer: "0",
  hours1: "0.0",
  money: "#,##0.00",
  dateTime: "yyyy-mm-dd hh:mm",
  date: "yyyy-mm-dd",
  text: "@",
} as const;
