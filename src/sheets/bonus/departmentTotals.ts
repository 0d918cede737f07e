/**
 * Totals per department, each under the people table's column of the same name: head count and
 * SUMPRODUCTs over the people's rows (a department name is compared as text, never as a
 * criterion, so "*" or ">5" stay names).
 */
import type { Text } from "../../core/i18n/text";
import type { DepartmentTotal } from "../../core/bonus";
import { a1, rangeA1 } from "../common/address";
import { FORMATS, PALETTE, STYLES } from "../common/styles";
import { peopleColumn, type BonusSheet } from "./context";
import { TEXT } from "./strings";

/** One column of the block: where, its header, the people column it sums (null: it counts), the engine's value. */
interface DepartmentColumn {
  readonly column: number;
  readonly label: Text;
  readonly sums: string | null;
  readonly value: (d: DepartmentTotal) => number | null;
}

/** The column the department names go in (merged up to the people table's 部门 column). */
const LABEL_COLUMN = 2;

function departmentColumns(sheet: BonusSheet): DepartmentColumn[] {
  const { columns } = sheet.layout;
  const of = (column: number, label: Text, value: DepartmentColumn["value"]): DepartmentColumn => ({
    column,
    label,
    sums: peopleColumn(sheet, column),
    value,
  });
  return [
    { column: columns.standardPay, label: TEXT.people, sums: null, value: (d) => d.people },
    of(columns.annual, TEXT.annual, (d) => d.annual),
    of(columns.quarterAmount, sheet.hasPool ? TEXT.quarterRounded : TEXT.quarterPaid, (d) => d.quarter),
    ...(sheet.hasPool ? [of(columns.pooled, TEXT.pooled, (d) => d.pooled)] : []),
    ...(sheet.isQ4
      ? [
          of(columns.yearEndAmount, TEXT.yearEndPaid, (d) => d.yearEnd),
          of(columns.payable, TEXT.payable, (d) => d.payable),
        ]
      : []),
  ];
}

/** Writes the block from row `top`; returns its last row (the total). */
export function writeDepartmentTotals(sheet: BonusSheet, top: number): number {
  const { b, t, layout, result } = sheet;
  const { columns } = layout;
  const blockColumns = departmentColumns(sheet);
  const lastColumn = Math.max(...blockColumns.map((d) => d.column));
  b.set(top, 1, t(TEXT.departments), STYLES.section);
  const header = top + 1;
  b.set(header, LABEL_COLUMN, t(TEXT.department));
  b.merge(rangeA1(header, LABEL_COLUMN, header, columns.department));
  for (const { column, label } of blockColumns) b.set(header, column, t(label));
  b.format(rangeA1(header, LABEL_COLUMN, header, lastColumn), STYLES.header);
  b.height(header, sheet.locale === "zh-CN" ? 30 : 44);
  const departmentColumn = peopleColumn(sheet, columns.department);
  result.departments.forEach((d, i) => {
    const row = header + 1 + i;
    const name = d.department === "" ? '""' : a1(row, LABEL_COLUMN, true);
    b.set(row, LABEL_COLUMN, d.department === "" ? t(TEXT.noDepartment) : d.department);
    b.merge(rangeA1(row, LABEL_COLUMN, row, columns.department));
    for (const { column, sums, value } of blockColumns) {
      const inDepartment = `--(${departmentColumn}=${name})`;
      const f = sums === null ? `=SUMPRODUCT(${inDepartment})` : `=SUMPRODUCT(${inDepartment},${sums})`;
      b.set(row, column, { f, expect: value(d) ?? 0 });
    }
  });
  const totalRow = header + 1 + result.departments.length;
  b.set(totalRow, LABEL_COLUMN, t(TEXT.sum), { bold: true });
  b.merge(rangeA1(totalRow, LABEL_COLUMN, totalRow, columns.department));
  for (const { column, value } of blockColumns)
    b.set(totalRow, column, {
      f: `=SUM(${rangeA1(header + 1, column, totalRow - 1, column)})`,
      expect: sum(result.departments.map((d) => value(d) ?? 0)),
    });
  b.format(rangeA1(header + 1, LABEL_COLUMN, totalRow, lastColumn), { border: "thin" });
  for (const { column } of blockColumns) {
    const isCount = column === columns.standardPay;
    b.format(rangeA1(header + 1, column, totalRow, column), {
      numberFormat: isCount ? FORMATS.integer : FORMATS.money,
      horizontal: isCount ? "center" : "right",
    });
  }
  b.format(rangeA1(totalRow, LABEL_COLUMN, totalRow, lastColumn), { fill: PALETTE.headerFill, bold: true });
  return totalRow;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
