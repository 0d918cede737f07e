/**
 * From the cells a user has (an Excel selection, a file's used range) to work orders: find
 * the header row, propose the column mapping, and — once the user confirmed or corrected it —
 * parse the rows below. Row numbers stay those the user sees.
 */
import { text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import {
  checkMapping,
  findHeaderRow,
  parseOrders,
  proposeMapping,
  type ColumnMapping,
  type MappingProposal,
  type ParsedOrders,
} from "../../core/workorders";
import { isLazyRows, lazyRows, rowsWidth } from "../formula/lazyRows";
import type { RangeData, Scalar } from "../plan";

export interface SourceTable {
  /** Sheet row number (as the user sees it) of the header row. */
  readonly headerRow: number;
  readonly headers: readonly Scalar[];
  /** The rows below the header. */
  readonly rows: readonly (readonly Scalar[])[];
  /** Sheet row number of `rows[0]`. */
  readonly firstDataRow: number;
  readonly sheetName: string;
  readonly address: string;
}

/** Splits a range into header and data rows (the header may sit below a title line). */
export function sourceTable(range: RangeData): Result<SourceTable> {
  const values = range.values;
  if (
    values.length === 0 ||
    values.every((r) => r.every((c) => c === null || (typeof c === "string" && c.trim() === "")))
  ) {
    return fail(
      "na",
      text(
        "所选区域是空的：请选择含标题行的工单数据",
        "the range is empty: select the work orders with their header row",
      ),
    );
  }
  const h = findHeaderRow(values);
  if (values.length <= h + 1) {
    return fail("na", text("标题行下面没有数据行", "there are no data rows below the header row"));
  }
  return ok({
    headerRow: range.firstRow + h,
    headers: values[h],
    // A view, not a copy: a lazy range (a CSV file's, lazyRows) stays lazy.
    rows: isLazyRows(values)
      ? lazyRows(values.length - h - 1, (i) => values[h + 1 + i]!, rowsWidth(values))
      : values.slice(h + 1),
    firstDataRow: range.firstRow + h + 1,
    sheetName: range.sheetName,
    address: range.address,
  });
}

export function proposeFor(table: SourceTable): MappingProposal {
  return proposeMapping(table.headers);
}

/** Parses the table with a confirmed mapping; fails with a message when the mapping cannot work. */
export function readOrders(table: SourceTable, mapping: ColumnMapping): Result<ParsedOrders> {
  const checked = checkMapping(mapping, table.headers);
  if (!checked.ok) return checked;
  return ok(parseOrders(table.rows, checked.value, { firstRow: table.firstDataRow, headers: table.headers }));
}
