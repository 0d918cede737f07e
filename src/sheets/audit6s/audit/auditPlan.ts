/**
 * The 6S检查表 (6S audit sheet, RULES.md#6s-audits): one block per area, each printed on its own A4 page.
 *
 * Per area: a header (area, date, inspector, audited unit, items scored, items needing action),
 * the check items grouped by S with a large score cell (dropdown: the scale's points or
 * 合格/不合格, and 不适用), the finding and corrective-action cells (问题描述, 整改措施, 责任人,
 * 整改期限, 状态 — red while empty for an item scored below the scale's middle), the S table
 * (per-S subtotals with a text bar, the weighted total and the rating), a radar and a bar chart
 * of the six S, and signature lines.
 *
 * Everything is computed by native formulas (RULES.md#portable-formulas). Hidden helper columns J–N turn each
 * score cell into a number the way the engine's `readScoreCell` does, so blanks and 不适用 stay
 * out of both the numerator and the denominator; a critical item scored 0 sets its S to 0 (the
 * rule is written at the top of the sheet). Weights come from 考核参数 (SVC_6S_Weights) unless
 * the supervisor chose others for this audit; the rating always comes from SVC_6S_Rating_*.
 * Every formula cell carries the engine's value as `expect`.
 *
 * This file checks the options, scores every area with the engine and lays the blocks out
 * (areaLayout.ts: rows, heights, widths that fit one page); then, per area, the sections write
 * it top to bottom: areaHeader, areaItems (items, helper columns, red for actions), sTable,
 * areaFooter (charts, signatures); sheetSetup.ts writes the title rows, validations and print
 * setup. They share an AuditSheet (context.ts); the words are in strings.ts.
 */
import { pick, text, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import { formatSerial } from "../../../core/dates/serial";
import {
  S_NAMES,
  SCALES,
  itemText,
  readScoreCell,
  scaleMax,
  scoreArea,
  validateAreas,
  validateChecklist,
  validateSWeights,
  type AreaResult,
  type ChecklistItem,
  type ScaleId,
} from "../../../core/audit6s/engine";
import { SheetBuilder } from "../../common/builder";
import { a1 } from "../../common/address";
import type { SheetPlan } from "../../plan";
import { COL, scoreCell, type ScoreEntry, type StatusId } from "../layout";
import { AUDIT_MARKER_VERSION, type AuditAreaMeta, type AuditMarker, type AuditMeta } from "../marker";
import { writeAreaCharts, writeSignatures } from "./areaFooter";
import { writeAreaHeader } from "./areaHeader";
import { formatItems, highlightActions, writeHelperColumns, writeItems } from "./areaItems";
import { FIRST_AREA_ROW, areaRows, fitToPage, itemRowHeight, rowHeights, type AreaRows } from "./areaLayout";
import type { Area, AuditSheet, SheetItem } from "./context";
import { setUpPage, validateInputs, writeTitleRows } from "./sheetSetup";
import { formatSTable, writeSRows, writeTotalAndRating } from "./sTable";
import { TEXT, ruleNote } from "./strings";

/** What a supervisor (or a test, or the demo) has already filled in for one item. */
export interface ItemEntry {
  readonly score?: ScoreEntry;
  readonly finding?: string | null;
  readonly action?: string | null;
  readonly owner?: string | null;
  /** 整改期限 as a date serial. */
  readonly due?: number | null;
  readonly status?: StatusId | null;
}

export interface Audit6sOptions {
  readonly areas: readonly string[];
  /** The audit date as a date serial. */
  readonly date: number;
  readonly inspector?: string;
  readonly unit?: string;
  readonly scale: ScaleId;
  readonly checklist: readonly ChecklistItem[];
  /** "settings" = SVC_6S_Weights of 考核参数; or six weights of this audit's own. */
  readonly weights: "settings" | readonly number[];
  readonly locale: Locale;
  /** The workbook's settings (weights and rating) — used for the expected values. */
  readonly settings: Settings;
  /** Entries already known, per area then per checklist item (demo data, tests). */
  readonly entries?: readonly (readonly (ItemEntry | undefined)[] | undefined)[];
}

/** The engine's result for each area, in area order (what the sheet will compute). */
export interface Audit6sPlanResult {
  readonly plan: SheetPlan<AuditMarker>;
  readonly results: readonly AreaResult[];
}

/**
 * Builds the audit sheet. Fails (never throws) on no or duplicate areas, an invalid checklist
 * or weights, a date that is not a date, or entries that do not fit the scale or the areas.
 */
export function audit6sPlan(options: Audit6sOptions): Result<Audit6sPlanResult> {
  const checked = checkOptions(options);
  if (!checked.ok) return checked;
  const { items, weights } = checked.value;
  const scored = scoreAreas(options, items, weights);
  if (!scored.ok) return scored;
  const { results, scoreCells } = scored.value;
  const { sheet, meta, note, widths } = startSheet(options, items, weights);
  writeTitleRows(sheet, note.text, note.height);
  meta.areas.forEach((areaMeta, a) =>
    writeArea(sheet, {
      meta: areaMeta,
      result: results[a],
      scoreCells: scoreCells[a],
      entries: options.entries?.[a] ?? [],
    }),
  );
  validateInputs(sheet);
  const tops = meta.areas.map((m) => m.top);
  setUpPage(sheet, widths, tops, meta.areas[meta.areas.length - 1].bottom);
  return ok({ plan: sheet.b.build(), results });
}

/** One area block, top to bottom. */
function writeArea(sheet: AuditSheet, area: Area): void {
  sheet.heights.forEach((h, offset) => sheet.b.height(area.meta.top + offset, h));
  writeAreaHeader(sheet, area);
  writeItems(sheet, area);
  formatItems(sheet, area);
  writeHelperColumns(sheet, area);
  highlightActions(sheet, area);
  writeSRows(sheet, area);
  writeTotalAndRating(sheet, area);
  formatSTable(sheet, area);
  writeAreaCharts(sheet, area);
  writeSignatures(sheet, area);
}

/** The layout (rows, heights, the rule note and the widths that fit a page), the marker and the builder. */
function startSheet(
  options: Audit6sOptions,
  items: readonly SheetItem[],
  weights: readonly number[],
): { sheet: AuditSheet; meta: AuditMeta; note: { text: string; height: number }; widths: Record<number, number> } {
  const t = (x: Text): string => pick(x, options.locale);
  const scale = SCALES[options.scale];
  const max = scaleMax(scale);
  const rows = areaRows(items.length);
  const itemHeights = items.map(({ it }) =>
    itemRowHeight(`${it.critical ? TEXT.critical : ""}${itemText(it, options.locale)}`),
  );
  const heights = rowHeights(rows, itemHeights);
  const noteText = t(ruleNote(options.scale, max));
  const { noteHeight, widths } = fitToPage(noteText, heights);
  const meta = auditMeta(options, items, weights, rows);
  const b = new SheetBuilder<AuditMarker>(
    `${t(TEXT.sheet)} ${formatSerial(options.date, true).slice(0, 10)}`,
    { kind: "audit6s", version: AUDIT_MARKER_VERSION, meta },
    a1(1, COL.marker),
  );
  const sheet: AuditSheet = {
    b,
    t,
    locale: options.locale,
    settings: options.settings,
    options,
    scaleId: options.scale,
    scale,
    max,
    weights,
    ownWeights: options.weights !== "settings",
    items,
    rows,
    heights,
    validations: [],
  };
  return { sheet, meta, note: { text: noteText, height: noteHeight }, widths };
}

/** The areas, checklist, weights, date and entries checked; the items in sheet order (grouped by S) and the weights. */
function checkOptions(options: Audit6sOptions): Result<{ items: SheetItem[]; weights: readonly number[] }> {
  const areas = validateAreas(options.areas);
  if (!areas.ok) return areas;
  const checklist = validateChecklist(options.checklist, S_NAMES);
  if (!checklist.ok) return checklist;
  let weights: readonly number[] = options.settings.audit6s.sWeights;
  if (options.weights !== "settings") {
    const w = validateSWeights(options.weights);
    if (!w.ok) return w;
    weights = w.value;
  }
  if (!Number.isFinite(options.date) || options.date < 1)
    return fail("value", text("检查日期无效", "the audit date is not a valid date"));
  const given = options.entries?.length ?? 0;
  if (given > options.areas.length) {
    return fail(
      "value",
      text(
        `填写内容有 ${given} 个区域，检查表只有 ${options.areas.length} 个`,
        `entries are given for ${given} areas, the audit has ${options.areas.length}`,
      ),
    );
  }
  // Items grouped by S (stable), so each S is one run of rows.
  const items = [...checklist.value].map((it, i) => ({ it, i })).sort((a, b) => a.it.s - b.it.s || a.i - b.i);
  return ok({ items, weights });
}

/** Every entry read exactly as the sheet will read it, and each area scored by the engine. */
function scoreAreas(
  options: Audit6sOptions,
  items: readonly SheetItem[],
  weights: readonly number[],
): Result<{ results: AreaResult[]; scoreCells: (string | number | null)[][] }> {
  const scale = SCALES[options.scale];
  const results: AreaResult[] = [];
  const scoreCells: (string | number | null)[][] = [];
  for (let a = 0; a < options.areas.length; a++) {
    const area = options.areas[a];
    const entries = options.entries?.[a] ?? [];
    if (entries.length > items.length) {
      return fail(
        "value",
        text(
          `区域“${area}”有 ${entries.length} 项填写内容，检查表只有 ${items.length} 项`,
          `area "${area}" has ${entries.length} entries for ${items.length} items`,
        ),
      );
    }
    const cells = items.map(({ i }) => scoreCell(entries[i]?.score ?? null, options.locale));
    const scores: (number | null)[] = [];
    for (let k = 0; k < items.length; k++) {
      const r = readScoreCell(cells[k], scale);
      if (!r.ok) return fail(r.problem.kind, itemProblem(area, items[k].it, r.problem.message));
      scores.push(r.value);
    }
    const scoredItems = items.map(({ it }, k) => ({ s: it.s, critical: it.critical === true, score: scores[k] }));
    const result = scoreArea(scoredItems, scale, weights, options.settings.audit6s.rating);
    if (!result.ok) return result;
    results.push(result.value);
    scoreCells.push(cells);
  }
  return ok({ results, scoreCells });
}

/** "维修车间：整理“…”：<why>" — which area and item an entry that does not fit the scale belongs to. */
function itemProblem(area: string, it: ChecklistItem, why: Text): Text {
  return text(
    `${area}：${S_NAMES[it.s].zh}“${itemText(it, "zh-CN")}”：${why.zh}`,
    `${area}: ${S_NAMES[it.s].en} "${itemText(it, "en-US")}": ${why.en}`,
  );
}

/** Where every area block is, for the marker: the summary and the reader find the cells by it. */
function auditMeta(
  options: Audit6sOptions,
  items: readonly SheetItem[],
  weights: readonly number[],
  rows: AreaRows,
): AuditMeta {
  return {
    locale: options.locale,
    scale: options.scale,
    weights: options.weights === "settings" ? "settings" : weights,
    date: options.date,
    areas: options.areas.map((name, a): AuditAreaMeta => {
      const top = FIRST_AREA_ROW + a * (rows.count + 1);
      return {
        name,
        top,
        bottom: top + rows.count - 1,
        itemsFirst: top + rows.items,
        itemsLast: top + rows.items + items.length - 1,
        items: items.map(({ it }) => [it.s, it.critical ? 1 : 0] as const),
        sRows: [0, 1, 2, 3, 4, 5].map((s) => top + rows.sTable + 1 + s),
        totalRow: top + rows.total,
        ratingRow: top + rows.rating,
      };
    }),
  };
}

export { pageFit, columnPoints } from "./areaLayout";
export { percentBar } from "./sTable";
