/** Number-format codes: which ones show dates (the reader moves 1904 dates, the graft writes them). */

/** Whether a custom number format code shows a date or time (y, m, d, h, s outside quotes, brackets and escapes). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0];
  return /[ymdhs]/i.test(bare ?? "") && !/^[#0.,%\s]*$/.test(bare ?? "");
}
