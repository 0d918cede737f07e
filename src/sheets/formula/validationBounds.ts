/**
 * Bounds of date validations as Excel accepts them. Excel's 1900 date system runs from
 * January 1, 1900 (serial 1) to December 31, 9999 (serial 2,958,465) ("How Microsoft Excel
 * performs date and time calculations"; https://support.microsoft.com/kb/210782: Excel "only
 * allows years in the range from 1900 to 9999", an earlier date "will evaluate to a text
 * string"). Office.js takes a date operand as an ISO 8601 string
 * (Excel.DateTimeDataValidation.formula1, https://learn.microsoft.com/javascript/api/excel/excel.datetimedatavalidation).
 *
 * Serials 1–59 are January 1 – February 28, 1900; 60 is the February 29, 1900 Excel keeps for
 * Lotus 1-2-3 compatibility (a day the calendar does not have); from 61 on, serial s is
 * 1899-12-30 + s days.
 */

/** The first and last serial of Excel's 1900 date system. */
export const FIRST_DATE_SERIAL = 1;
export const LAST_DATE_SERIAL = 2_958_465;

/** Clamps a date serial into the range Excel has. */
export function clampDateSerial(serial: number): number {
  return Math.min(LAST_DATE_SERIAL, Math.max(FIRST_DATE_SERIAL, serial));
}

/**
 * An Excel date serial as an ISO 8601 date (time too when it has one), in Excel's own calendar:
 * serial 1 → "1900-01-01", 61 → "1900-03-01", 46300 → "2026-10-05". Serial 60 (the fictitious
 * February 29, 1900) is given as March 1, the first real day after it. Serials outside
 * 1 … 2,958,465 are clamped first.
 */
export function excelDateIso(serial: number): string {
  const s = clampDateSerial(serial);
  const day = Math.floor(s);
  // Before March 1, 1900 Excel counts one day fewer than the real calendar (no Feb 29, 1900 there).
  const shifted = day < 60 ? s + 1 : day === 60 ? 61 + (s - day) : s;
  const ms = Math.round((shifted - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(s) ? iso.slice(0, 10) : iso.slice(0, 19);
}
