/**
 * The browser adapter of the .xlsx writer: the file as a Blob (browser mode downloads it). Chunks
 * are kept as they come and handed to the Blob, which may keep them outside the JS heap.
 */
import type { WorkbookPlan, WriteReport } from "../sheets/plan";
import { writeXlsx, type XlsxOptions } from "./writeXlsx";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function xlsxBlob(
  plans: WorkbookPlan | readonly WorkbookPlan[],
  options: XlsxOptions = {},
): Promise<{ blob: Blob; report: WriteReport }> {
  const parts: BlobPart[] = [];
  const report = await writeXlsx(
    plans,
    { write: (chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>) },
    options,
  );
  return { blob: new Blob(parts, { type: XLSX_MIME }), report };
}
