/**
 * Structured references to a table column, valid for any header. Excel's syntax rules
 * ("Using structured references with Excel tables", section "Structured reference syntax
 * rules": https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e):
 * - a column header holding any of  tab, line feed, carriage return, comma, colon, period,
 *   [ ] # ' " { } $ ^ & * + = - > < /  must be enclosed in an extra pair of brackets
 *   (`DeptSales[[Total$Amount]]`); a space alone does not need them;
 * - [ ] # ' inside a specifier are escaped with a single quotation mark (`DeptSales['#OfItems]`).
 */

/** Characters that force the column specifier into its own brackets (space excepted). */
const NEEDS_BRACKETS = /[\t\n\r,:.[\]#'"{}$^&*+=\-><\/]/;

/** A header as it appears inside a column specifier: [ ] # ' get their "'" escape. */
export function escapeColumnSpecifier(header: string): string {
  return header.replace(/['[\]#]/g, "'$&");
}

/**
 * `Table[Header]`, or `Table[[Header]]` when the header holds a special character, with the
 * characters that must be escaped escaped: `SVC_WorkOrders[报修时间]`,
 * `SVC_WorkOrders[[First-time fix]]`, `T[['#Items]]`.
 */
export function tableColumnRef(table: string, header: string): string {
  const spec = escapeColumnSpecifier(header);
  return NEEDS_BRACKETS.test(header) ? `${table}[[${spec}]]` : `${table}[${spec}]`;
}
