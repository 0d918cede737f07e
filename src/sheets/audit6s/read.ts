/**
 * Reads a generated 6S检查表 back (found by its marker, never by its name): the cells a
 * supervisor filled in, interpreted exactly as the sheet's formulas interpret them, and each
 * area scored again by the engine. The 6S汇总 generator uses the result for its expected values
 * and its layout references.
 */
import { pick, text, type Text } from "../../core/i18n/text";
import { problem, type Problem } from "../../core/problem";
import type { Settings } from "../../core/settings";
import { parseDateTime } from "../../core/dates";
import { isBlank } from "../../core/values/blank";
import {
  SCALES,
  readScoreCell,
  scaleMax,
  scoreArea,
  validateSWeights,
  type AreaAuditRecord,
  type CellValue,
  type SIndex,
} from "../../core/audit6s/engine";
import type { FoundPlan, RangeData, Scalar } from "../plan";
import type { RangesReader } from "../reader";
import { COL, HEADER, S_COL } from "./layout";
import { auditMarkerOf, type AuditAreaMeta, type AuditMeta } from "./marker";

/** One audit sheet as read: its name, its layout and one record per area that could be read. */
export interface AuditSheetReading {
  readonly sheetName: string;
  readonly meta: AuditMeta;
  readonly areas: readonly { readonly meta: AuditAreaMeta; readonly record: AreaAuditRecord }[];
}

const HEADERS: Readonly<Record<number, Text>> = {
  [COL.item]: text("检查区域", "Area"),
  [COL.score]: text("评分", "Score"),
  [COL.action]: text("检查日期", "Date"),
  [COL.owner]: text("权重", "Weight"),
};

/** The audit meta of a marker, or null when the marker is not one this version lays out (see auditMarkerOf). */
export function auditMetaOf(found: FoundPlan): AuditMeta | null {
  const marker = auditMarkerOf(found);
  return marker.ok ? marker.value.meta : null;
}

/** The rectangle a reader must fetch for an audit sheet: A1 to the helper columns of the last area. */
export function auditReadAddress(meta: AuditMeta): string {
  const last = meta.areas[meta.areas.length - 1].bottom;
  return `A1:N${last}`;
}

function cellOf(data: RangeData, row: number, column: number): Scalar {
  return data.values[row - data.firstRow]?.[column - data.firstColumn] ?? null;
}

/**
 * Reads one audit sheet. Never throws: a marker it cannot read, a score outside the scale, a
 * date that is not a date or a weight that is not a number become problems (with the sheet row
 * and column as the user sees them), and the cell is treated the way the sheet's formulas
 * treat it (not scored / undated).
 */
export function readAuditSheet(
  found: FoundPlan,
  data: RangeData,
  settings: Settings,
): { reading: AuditSheetReading | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const sheet = found.sheetName;
  const marker = auditMarkerOf(found);
  if (!marker.ok) {
    const why = marker.problem.message;
    problems.push(problem("value", text(`${why.zh}，已跳过`, `${why.en}; the sheet was skipped`)));
    return { reading: null, problems };
  }
  const meta = marker.value.meta;
  const scale = SCALES[meta.scale];
  const max = scaleMax(scale);
  const col = (c: number): string => pick(HEADERS[c] ?? text("", ""), meta.locale);
  const at = (where: Text, row: number, c: number, message: Text): Problem =>
    problem(
      "value",
      text(`工作表“${sheet}”${where.zh}：${message.zh}`, `sheet "${sheet}", ${where.en}: ${message.en}`),
      { row, column: col(c) },
    );

  const areas: { meta: AuditAreaMeta; record: AreaAuditRecord }[] = [];
  for (const am of meta.areas) {
    const nameCell = cellOf(data, am.top + HEADER.areaName.row, HEADER.areaName.col);
    const name = isBlank(nameCell) ? am.name : String(nameCell).trim();
    const where = text(`区域“${name}”`, `area "${name}"`);
    const dateRow = am.top + HEADER.date.row;
    const dateRaw = cellOf(data, dateRow, HEADER.date.col);
    // The summary's formulas take the date cell only when it is a number (a real date).
    let date: number | null = null;
    if (typeof dateRaw === "number") {
      const d = parseDateTime(dateRaw);
      if (d.ok) date = d.value;
      else problems.push(at(where, dateRow, HEADER.date.col, d.problem.message));
    } else {
      problems.push(
        at(
          where,
          dateRow,
          HEADER.date.col,
          isBlank(dateRaw)
            ? text("检查日期为空，该区域不计入汇总", "the audit date is blank; the area is left out of the summary")
            : text(
                `检查日期“${String(dateRaw)}”不是日期，该区域不计入汇总`,
                `the audit date "${String(dateRaw)}" is not a date; the area is left out of the summary`,
              ),
        ),
      );
    }

    let weights: readonly number[] = settings.audit6s.sWeights;
    if (meta.weights !== "settings") {
      const raw = am.sRows.map((r) => cellOf(data, r, S_COL.weight));
      const w = validateSWeights(raw);
      if (w.ok) weights = w.value;
      else {
        weights = meta.weights;
        problems.push(
          at(
            where,
            am.sRows[0],
            S_COL.weight,
            text(
              `${w.problem.message.zh}，按生成时的权重计算`,
              `${w.problem.message.en}; the weights it was generated with are used`,
            ),
          ),
        );
      }
    }

    const items = am.items.map(([s, critical], k) => {
      const row = am.itemsFirst + k;
      const raw = cellOf(data, row, COL.score);
      const r = readScoreCell(raw, scale);
      if (!r.ok)
        problems.push(
          at(
            where,
            row,
            COL.score,
            text(`${r.problem.message.zh}，按未评分处理`, `${r.problem.message.en}; counted as not scored`),
          ),
        );
      const due = cellOf(data, row, COL.due);
      return {
        s: s as SIndex,
        critical: critical === 1,
        score: r.ok ? r.value : null,
        // A blank item cell reads as "—", so the summary's rows never point at an empty cell (INDEX would give 0).
        text: isBlank(cellOf(data, row, COL.item)) ? "—" : String(cellOf(data, row, COL.item)),
        finding: cellOf(data, row, COL.finding) as CellValue,
        action: cellOf(data, row, COL.action) as CellValue,
        owner: cellOf(data, row, COL.owner) as CellValue,
        due: typeof due === "number" && Number.isFinite(due) ? due : null,
        status: cellOf(data, row, COL.status) as CellValue,
      };
    });
    const scored = scoreArea(items, scale, weights, settings.audit6s.rating);
    if (!scored.ok) {
      problems.push(
        problem(
          scored.problem.kind,
          text(
            `工作表“${sheet}”${where.zh}：${scored.problem.message.zh}，已跳过`,
            `sheet "${sheet}", ${where.en}: ${scored.problem.message.en}; skipped`,
          ),
        ),
      );
      continue;
    }
    areas.push({
      meta: am,
      record: {
        source: sheet,
        area: name,
        date,
        result: scored.value,
        items: items.map((it, k) => ({ ...it, max, needsAction: scored.value.needsAction[k] })),
      },
    });
  }
  return { reading: { sheetName: sheet, meta, areas }, problems };
}

/**
 * Every 6S audit sheet among the plans found in a workbook (by marker kind, never by name), all
 * read with one `read` call (in Excel one Excel.run whose syncs do not grow with the number of
 * sheets, nor with their size). Sheets whose marker cannot be read are reported and skipped.
 */
export async function readAudits(
  found: readonly FoundPlan[],
  read: RangesReader,
  settings: Settings,
): Promise<{ audits: AuditSheetReading[]; problems: Problem[] }> {
  const sheets = found.filter((f) => f.marker.kind === "audit6s").map((f) => ({ found: f, meta: auditMetaOf(f) }));
  const readable = sheets.filter((s) => s.meta !== null);
  const data = await read(readable.map((s) => ({ sheetName: s.found.sheetName, address: auditReadAddress(s.meta!) })));
  const audits: AuditSheetReading[] = [];
  const problems: Problem[] = [];
  for (const s of sheets) {
    const i = readable.indexOf(s);
    const r = readAuditSheet(
      s.found,
      i < 0 ? { sheetName: s.found.sheetName, address: "A1", firstRow: 1, firstColumn: 1, values: [] } : data[i]!,
      settings,
    );
    problems.push(...r.problems);
    if (r.reading && r.reading.areas.length > 0) audits.push(r.reading);
  }
  return { audits, problems };
}
