/**
 * The replaced-parts export as CSV (UTF-8 with a BOM, so Chinese Excel opens it as UTF-8; CRLF).
 * papaparse writes it — quoting, separators and line breaks inside cells — with `escapeFormulae`,
 * so a cell starting with = + - @ tab or CR is written with a leading ' and never becomes a formula
 * when the file is opened in Excel (RULES.md#text-stays-text, for a file we write).
 */
import Papa from "papaparse";
import type { PartsExport } from "../../sheets/workorders";

export function partsCsv(parts: PartsExport): string {
  const rows = [parts.headers, ...parts.rows.map((r) => r.map((c) => (c === null ? "" : c)))];
  return `\ufeff${Papa.unparse(rows as unknown[][], { escapeFormulae: true, newline: "\r\n" })}\r\n`;
}
