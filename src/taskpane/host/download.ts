export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** Characters Windows, macOS or Linux refuse in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

function safePart(s: string): string {
  return s.replace(UNSAFE, "_").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
}

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The download's file name: the opened workbook's name (if one was opened), the sheets just
 * written and the local date, e.g. `考核参数_2026-03-05.xlsx` or
 * `2026年考核_6S汇总_2026-03-05.xlsx`. Unsafe characters become "_"; long names are cut so
 * the result stays under about 120 characters. `extension`: the opened workbook's kind (.xlsm
 * for a workbook with macros: Excel refuses an .xlsx whose content is an .xlsm).
 */
export function downloadFileName(
  sheetNames: readonly string[],
  date: Date,
  openedFile?: string | null,
  extension = ".xlsx",
): string {
  const base = openedFile ? safePart(openedFile.replace(/\.xls[xm]?$/i, "")) : "";
  const sheets = [...new Set(sheetNames.map(safePart).filter((s) => s !== ""))];
  let middle = sheets.join("_");
  if (middle.length > 80) middle = `${middle.slice(0, 79)}…`;
  const parts = [base.slice(0, 30), middle, isoDate(date)].filter((p) => p !== "");
  return `${parts.join("_")}${extension}`;
}

/** Hands the bytes to the browser as a file download (an <a download> click on a blob URL). */
export function saveBytesAsFile(bytes: Uint8Array, fileName: string): void {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const type = /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME;
  const url = URL.createObjectURL(new Blob([copy.buffer], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
