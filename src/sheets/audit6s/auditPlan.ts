/**
 * The 6S检查表 (6S audit sheet, SPEC 3): one block per area, each printed on its own A4 page.
 *
 * Per area: a header (area, date, inspector, audited unit, items scored, items needing action),
 * the check items grouped by S with a large score cell (dropdown: the scale's points or
 * 合格/不合格, and 不适用), the finding and corrective-action cells (问题描述, 整改措施, 责任人,
 * 整改期限, 状态 — red while empty for an item scored below the scale's middle), the S table
 * (per-S subtotals with a text bar, the weighted total and the rating), a radar and a bar chart
 * of the six S, and signature lines.
 *
 * Everything is computed by native formulas (SPEC 5.1). Hidden helper columns J–N turn each
 * score cell into a number the way the engine's `readScoreCell` does, so blanks and 不适用 stay
 * out of both the numerator and the denominator; a critical item scored 0 sets its S to 0 (the
 * rule is written at the top of the sheet). Weights come from 考核参数 (SVC_6S_Weights) unless
 * the supervisor chose others for this audit; the rating always comes from SVC_6S_Rating_*.
 * Every formula cell carries the engine's value as `expect`.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import { SETTING_NAMES, type Settings } from "../../core/settings";
import { formatSerial } from "../../core/dates/serial";
import {
  S_NAMES,
  SCALES,
  SCALE_LABELS,
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
  type SIndex,
} from "../../core/audit6s/engine";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import { roundHalfUp15, roundSmallWholeFormula } from "../formula/round";
import type { CellStyle, Expected, SheetPlan } from "../plan";
import {
  COL,
  HEADER,
  LAST_VISIBLE,
  S_COL,
  STATUS_IDS,
  scoreCell,
  scoreChoices,
  statusWord,
  type ScoreEntry,
  type StatusId,
} from "./layout";
import { AUDIT_MARKER_VERSION, type AuditAreaMeta, type AuditMarker, type AuditMeta } from "./marker";

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

// Row heights in points; the page-fit check below relies on every row having one.
const H = {
  title: 26,
  note: 44,
  columns: 22,
  gap: 6,
  header: 24,
  itemMin: 24,
  line: 15,
  sHeader: 20,
  sRow: 18,
  chartRow: 16,
  sign: 26,
} as const;
const CHART_ROWS = 11;
const FIRST_AREA_ROW = 5;

/** A4 portrait in points with the margins below (inches × 72). */
const PAGE = { width: (8.27 - 0.8) * 72, height: (11.69 - 1.1) * 72 } as const;
/** Share of the page height an area may fill: room for the writers' and viewers' rounding. */
const PAGE_FILL = 0.92;
const BASE_WIDTHS: Readonly<Record<number, number>> = { 1: 5, 2: 14, 3: 36, 4: 10, 5: 28, 6: 24, 7: 12, 8: 12, 9: 10 };

/** Excel's width in characters → pixels (Calibri 11: 7 px per digit + 5 px padding) → points. */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7 + 5) * 3) / 4;
}

/** Display width of text in "digit widths": CJK and full-width characters count two. */
function textUnits(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return n;
}

/** Height of an item row: tall enough for its text in column C, at least a tablet-sized row. */
function itemRowHeight(s: string): number {
  const lines = Math.max(1, Math.ceil(textUnits(s) / (BASE_WIDTHS[COL.item] - 3)));
  return Math.max(H.itemMin, lines * H.line + 6);
}

/** "$M7": column fixed, row relative (for conditional formats filled over a range). */
function colFixed(row: number, column: number): string {
  return `$${columnLetter(column)}${row}`;
}

/** The text bar of an S percent (■ per 10 %). */
export function percentBar(percent: number | null): string {
  return percent === null ? "" : "■".repeat(roundHalfUp15(percent / 10));
}

const T = {
  sheet: text("6S检查表", "6S audit"),
  title: text("售后服务现场 6S 检查表", "After-sales service 6S audit"),
  cols: [
    text("序号", "No."),
    text("6S", "6S"),
    text("检查项目", "Check item"),
    text("评分", "Score"),
    text("问题描述", "Finding"),
    text("整改措施", "Corrective action"),
    text("责任人", "Owner"),
    text("整改期限", "Due date"),
    text("状态", "Status"),
  ],
  area: text("检查区域", "Area"),
  date: text("检查日期", "Date"),
  inspector: text("检查人", "Inspector"),
  unit: text("被检查单位", "Audited unit"),
  scored: (n: number) => text(`已评分项（共 ${n}）`, `Items scored (of ${n})`),
  needs: text("待整改项", "Need action"),
  sHeader: [
    text("6S", "6S"),
    text("得分率图示", "Chart"),
    text("得分率%", "Score %"),
    text("得分", "Points"),
    text("满分", "Out of"),
    text("权重", "Weight"),
    text("已评项", "Scored"),
    text("关键项0分", "Critical 0s"),
  ],
  total: text("总分(%)", "Total (%)"),
  rating: text("评级", "Rating"),
  ratingNote: text(
    "按“考核参数”的 6S 评级（SVC_6S_Rating）",
    "per the 6S rating on the Settings sheet (SVC_6S_Rating)",
  ),
  weightsNote: (custom: boolean) =>
    custom
      ? text("权重为本次检查自定，可修改黄色单元格", "weights chosen for this audit: edit the yellow cells")
      : text("权重取自“考核参数”（SVC_6S_Weights）", "weights from the Settings sheet (SVC_6S_Weights)"),
  charts: text(
    "（此处为六项得分的雷达图和柱状图：在 Excel 中用加载项生成时显示；导出的 .xlsx 文件不含图表。）",
    "(Radar and bar charts of the six S appear here when the sheet is generated in Excel with the add-in; exported .xlsx files have no charts.)",
  ),
  radar: (area: string) => text(`${area}：6S 雷达图`, `${area}: 6S radar`),
  bars: (area: string) => text(`${area}：6S 得分率`, `${area}: 6S scores`),
  inspectorSign: text("检查人（签字）", "Inspector (signature)"),
  headSign: text("被检查部门负责人（签字）", "Head of audited unit (signature)"),
  signDate: text("日期", "Date"),
  critical: "★ ",
};

function ruleNote(scale: ScaleId, max: number): Text {
  const mid = scale === "passFail" ? text("不合格", "a fail") : text(`低于 ${max / 2} 分`, `below ${max / 2}`);
  return text(
    `评分：${SCALE_LABELS[scale].zh}；不适用选“不适用”，空白表示未评分，二者都不计入得分和满分。S 得分率 = Σ得分 ÷ Σ满分 × 100；★ 为关键项：关键项得 0 分（不合格）时该 S 计 0 分。总分 = 各 S 得分率的加权平均（无评分的 S 不计入，其余权重按比例折算），评级见“考核参数”。${mid.zh}的项目须填写问题描述、整改措施、责任人、整改期限和状态，未填时标红。`,
    `Scores: ${SCALE_LABELS[scale].en}; choose N/A when an item does not apply. Blank = not scored; neither counts in points or maximum. S score = Σ points ÷ Σ maximum × 100. ★ marks a critical item: scored 0 (fail), it sets its S to 0. Total = weighted mean of the S scores (an S without scores is left out and the weights renormalised); rating per the Settings sheet. Items scored ${mid.en} need a finding, corrective action, owner, due date and status (red until filled).`,
  );
}

/**
 * Builds the audit sheet. Fails (never throws) on no or duplicate areas, an invalid checklist
 * or weights, a date that is not a date, or entries that do not fit the scale or the areas.
 */
export function audit6sPlan(options: Audit6sOptions): Result<Audit6sPlanResult> {
  const { locale, settings, scale: scaleId } = options;
  const t = (x: Text): string => pick(x, locale);
  const areas = validateAreas(options.areas);
  if (!areas.ok) return areas;
  const checklist = validateChecklist(options.checklist, S_NAMES);
  if (!checklist.ok) return checklist;
  let weights: readonly number[] = settings.audit6s.sWeights;
  if (options.weights !== "settings") {
    const w = validateSWeights(options.weights);
    if (!w.ok) return w;
    weights = w.value;
  }
  if (!Number.isFinite(options.date) || options.date < 1)
    return fail("value", text("检查日期无效", "the audit date is not a valid date"));
  if ((options.entries?.length ?? 0) > options.areas.length) {
    return fail(
      "value",
      text(
        `填写内容有 ${options.entries!.length} 个区域，检查表只有 ${options.areas.length} 个`,
        `entries are given for ${options.entries!.length} areas, the audit has ${options.areas.length}`,
      ),
    );
  }
  const scale = SCALES[scaleId];
  const max = scaleMax(scale);
  // Items grouped by S (stable), so each S is one run of rows.
  const items = [...checklist.value].map((it, i) => ({ it, i })).sort((a, b) => a.it.s - b.it.s || a.i - b.i);

  // Read every entry exactly as the sheet will, and score each area with the engine.
  const results: AreaResult[] = [];
  const written: (string | number | null)[][] = [];
  for (let a = 0; a < options.areas.length; a++) {
    const entries = options.entries?.[a] ?? [];
    if (entries.length > checklist.value.length) {
      return fail(
        "value",
        text(
          `区域“${options.areas[a]}”有 ${entries.length} 项填写内容，检查表只有 ${checklist.value.length} 项`,
          `area "${options.areas[a]}" has ${entries.length} entries for ${checklist.value.length} items`,
        ),
      );
    }
    const cells = items.map(({ i }) => scoreCell(entries[i]?.score ?? null, locale));
    const scores: (number | null)[] = [];
    for (let k = 0; k < items.length; k++) {
      const r = readScoreCell(cells[k], scale);
      if (!r.ok) {
        const { it } = items[k];
        return fail(
          r.problem.kind,
          text(
            `${options.areas[a]}：${S_NAMES[it.s].zh}“${itemText(it, "zh-CN")}”：${r.problem.message.zh}`,
            `${options.areas[a]}: ${S_NAMES[it.s].en} "${itemText(it, "en-US")}": ${r.problem.message.en}`,
          ),
        );
      }
      scores.push(r.value);
    }
    const result = scoreArea(
      items.map(({ it }, k) => ({ s: it.s, critical: it.critical === true, score: scores[k] })),
      scale,
      weights,
      settings.audit6s.rating,
    );
    if (!result.ok) return result;
    results.push(result.value);
    written.push(cells);
  }

  // Row plan of one area (offsets from its top row).
  const itemHeights = items.map(({ it }) => itemRowHeight(`${it.critical ? T.critical : ""}${itemText(it, locale)}`));
  const itemsOffset = 2;
  const sTableOffset = itemsOffset + items.length + 1;
  const totalOffset = sTableOffset + 7;
  const ratingOffset = totalOffset + 1;
  const chartOffset = ratingOffset + 2;
  const signOffset = chartOffset + CHART_ROWS + 1;
  const areaRows = signOffset + 2; // rows of a block; one spacer row follows
  const rowHeights: number[] = [];
  const heightAt = (off: number): number => {
    if (off < itemsOffset) return H.header;
    if (off < itemsOffset + items.length) return itemHeights[off - itemsOffset];
    if (off === sTableOffset) return H.sHeader;
    if (off > sTableOffset && off <= ratingOffset) return H.sRow;
    if (off >= chartOffset && off < chartOffset + CHART_ROWS) return H.chartRow;
    if (off >= signOffset && off < signOffset + 2) return H.sign;
    return 8; // spacers
  };
  for (let off = 0; off <= areaRows; off++) rowHeights.push(heightAt(off));

  // Column widths: an area (with the repeated title rows) must fit one page when the sheet is
  // scaled to the page width, so the finding/action columns widen when the checklist is long.
  const noteText = t(ruleNote(scaleId, max));
  const baseChars = Object.values(BASE_WIDTHS).reduce((s, w) => s + w, 0);
  // The note is 9 pt (11 pt is the width unit), wrapped across the merged title row.
  const noteHeight = Math.max(H.note, Math.ceil(textUnits(noteText) / (baseChars * 1.15)) * 12 + 8);
  const titleHeight = H.title + noteHeight + H.columns;
  const areaHeight = titleHeight + H.gap + rowHeights.reduce((s, h) => s + h, 0);
  const widths: Record<number, number> = { ...BASE_WIDTHS };
  const widthPoints = (): number => Object.values(widths).reduce((s, w) => s + columnPoints(w), 0);
  const neededWidth = (areaHeight * PAGE.width) / (PAGE.height * PAGE_FILL);
  while (widthPoints() < neededWidth) {
    widths[COL.finding] += 1;
    if (widthPoints() < neededWidth) widths[COL.action] += 1;
  }

  const meta: AuditMeta = {
    locale,
    scale: scaleId,
    weights: options.weights === "settings" ? "settings" : weights,
    date: options.date,
    areas: options.areas.map((name, a): AuditAreaMeta => {
      const top = FIRST_AREA_ROW + a * (areaRows + 1);
      return {
        name,
        top,
        bottom: top + areaRows - 1,
        itemsFirst: top + itemsOffset,
        itemsLast: top + itemsOffset + items.length - 1,
        items: items.map(({ it }) => [it.s, it.critical ? 1 : 0] as const),
        sRows: [0, 1, 2, 3, 4, 5].map((s) => top + sTableOffset + 1 + s),
        totalRow: top + totalOffset,
        ratingRow: top + ratingOffset,
      };
    }),
  };
  const dateText = formatSerial(options.date, true);
  const b = new SheetBuilder<AuditMarker>(
    `${t(T.sheet)} ${dateText.slice(0, 10)}`,
    { kind: "audit6s", version: AUDIT_MARKER_VERSION, meta },
    a1(1, COL.marker),
  );
  const full = (row: number): string => rangeA1(row, 1, row, LAST_VISIBLE);

  // Title rows (repeated on every printed page), frozen on screen.
  b.set(1, 1, t(T.title), STYLES.title).merge(full(1)).height(1, H.title);
  b.set(2, 1, noteText, { ...STYLES.note, vertical: "middle" })
    .merge(full(2))
    .height(2, noteHeight);
  T.cols.forEach((c, i) => b.set(3, i + 1, t(c)));
  b.format(full(3), STYLES.header).height(3, H.columns).height(4, H.gap);

  const label: CellStyle = {
    bold: true,
    fill: PALETTE.headerFill,
    border: "thin",
    vertical: "middle",
    horizontal: "center",
    wrap: true,
  };
  const input: CellStyle = { ...STYLES.input, vertical: "middle", wrap: true, numberFormat: FORMATS.text };
  const validations: { range: string; kind: "score" | "date" | "status" | "weight" }[] = [];

  meta.areas.forEach((m, a) => {
    const top = m.top;
    const result = results[a];
    rowHeights.forEach((h, off) => b.height(top + off, h));
    const cells = written[a];
    const entries = options.entries?.[a] ?? [];

    // Header block.
    b.set(top, 1, t(T.area), { ...label, fill: PALETTE.brand, fontColor: "FFFFFF" }).merge(rangeA1(top, 1, top, 2));
    b.set(top, HEADER.areaName.col, m.name, {
      bold: true,
      fontSize: 13,
      border: "thin",
      vertical: "middle",
      numberFormat: FORMATS.text,
    }).merge(rangeA1(top, 3, top, 4));
    b.set(top, 5, t(T.date), label);
    b.set(top, HEADER.date.col, options.date, {
      ...STYLES.input,
      numberFormat: FORMATS.date,
      horizontal: "center",
      vertical: "middle",
    });
    b.set(top, 7, t(T.inspector), label);
    b.set(top, HEADER.inspector.col, options.inspector?.trim() ? options.inspector : null, input).merge(
      rangeA1(top, 8, top, 9),
    );
    b.set(top + 1, 1, t(T.unit), label).merge(rangeA1(top + 1, 1, top + 1, 2));
    b.set(top + 1, HEADER.unit.col, options.unit?.trim() ? options.unit : null, input).merge(
      rangeA1(top + 1, 3, top + 1, 4),
    );
    b.set(top + 1, 5, t(T.scored(items.length)), label);
    const valueCol = rangeA1(m.itemsFirst, COL.value, m.itemsLast, COL.value);
    b.set(
      top + 1,
      HEADER.scored.col,
      { f: `=COUNT(${valueCol})`, expect: result.scored },
      { ...STYLES.computed, horizontal: "center", vertical: "middle", bold: true },
    );
    b.set(top + 1, 7, t(T.needs), label);
    b.set(
      top + 1,
      HEADER.needs.col,
      {
        f: `=SUM(${rangeA1(m.itemsFirst, COL.needs, m.itemsLast, COL.needs)})`,
        expect: result.needsAction.filter(Boolean).length,
      },
      { ...STYLES.computed, horizontal: "center", vertical: "middle", bold: true },
    ).merge(rangeA1(top + 1, 8, top + 1, 9));
    validations.push({ range: a1(top, HEADER.date.col), kind: "date" });

    // Items, grouped by S.
    b.block(
      m.itemsFirst,
      1,
      items.map(({ it, i }, k) => {
        const e = entries[i];
        return [
          k + 1,
          null,
          `${it.critical ? T.critical : ""}${itemText(it, locale)}`,
          cells[k],
          e?.finding ?? null,
          e?.action ?? null,
          e?.owner ?? null,
          e?.due ?? null,
          e?.status ? statusWord(e.status, locale) : null,
        ];
      }),
    );
    b.block(
      m.itemsFirst,
      COL.critical,
      items.map(({ it }) => [it.critical ? 1 : 0]),
    );
    const rows = (c1: number, c2: number): string => rangeA1(m.itemsFirst, c1, m.itemsLast, c2);
    b.format(rows(1, LAST_VISIBLE), { border: "thin", vertical: "middle" });
    let run = 0;
    for (const s of [0, 1, 2, 3, 4, 5] as SIndex[]) {
      const n = items.filter(({ it }) => it.s === s).length;
      if (n === 0) continue;
      const from = m.itemsFirst + run;
      b.set(from, COL.s, t(S_NAMES[s]));
      if (n > 1) b.merge(rangeA1(from, COL.s, from + n - 1, COL.s));
      b.format(rangeA1(from, 1, from + n - 1, LAST_VISIBLE), { outline: "medium" });
      run += n;
    }
    b.format(rows(COL.no, COL.no), { horizontal: "center", fontColor: PALETTE.note });
    b.format(rows(COL.s, COL.s), { ...STYLES.group, wrap: true });
    b.format(rows(COL.item, COL.item), { wrap: true, numberFormat: FORMATS.text });
    b.format(rows(COL.score, COL.score), {
      fill: PALETTE.inputFill,
      locked: false,
      bold: true,
      fontSize: 14,
      horizontal: "center",
    });
    b.format(rows(COL.finding, COL.action), {
      fill: PALETTE.inputFill,
      locked: false,
      wrap: true,
      numberFormat: FORMATS.text,
    });
    b.format(rows(COL.owner, COL.owner), {
      fill: PALETTE.inputFill,
      locked: false,
      numberFormat: FORMATS.text,
      horizontal: "center",
    });
    b.format(rows(COL.due, COL.due), {
      fill: PALETTE.inputFill,
      locked: false,
      numberFormat: FORMATS.date,
      horizontal: "center",
    });
    b.format(rows(COL.status, COL.status), {
      fill: PALETTE.inputFill,
      locked: false,
      numberFormat: FORMATS.text,
      horizontal: "center",
    });
    validations.push(
      { range: rows(COL.score, COL.score), kind: "score" },
      { range: rows(COL.due, COL.due), kind: "date" },
      { range: rows(COL.status, COL.status), kind: "status" },
    );

    // Helper columns, filled down the area's items.
    const d = a1(m.itemsFirst, COL.score);
    const j = a1(m.itemsFirst, COL.value);
    const values: Expected[] = [];
    const maxima: Expected[] = [];
    const zeros: Expected[] = [];
    items.forEach(({ it }, k) => {
      const r = readScoreCell(cells[k], scale);
      const v = r.ok ? r.value : null;
      values.push(v ?? "");
      maxima.push(v === null ? 0 : max);
      zeros.push(it.critical && v === 0 ? 1 : 0);
    });
    const valueFormula =
      scaleId === "passFail"
        ? `=IF(OR(${d}="${scoreChoices(scaleId, max, "zh-CN")[0]}",${d}="${scoreChoices(scaleId, max, "en-US")[0]}"),1,IF(OR(${d}="${scoreChoices(scaleId, max, "zh-CN")[1]}",${d}="${scoreChoices(scaleId, max, "en-US")[1]}"),0,""))`
        : `=IF(AND(ISNUMBER(${d}),${d}>=0,${d}<=${max}),${d},"")`;
    b.fill({ range: rows(COL.value, COL.value), formula: valueFormula, expect: values.map((v) => [v]) });
    b.fill({ range: rows(COL.max, COL.max), formula: `=IF(ISNUMBER(${j}),${max},0)`, expect: maxima.map((v) => [v]) });
    b.fill({
      range: rows(COL.criticalZero, COL.criticalZero),
      formula: `=IF(AND(${a1(m.itemsFirst, COL.critical)}=1,ISNUMBER(${j}),${j}=0),1,0)`,
      expect: zeros.map((v) => [v]),
    });
    b.fill({
      range: rows(COL.needs, COL.needs),
      formula: `=IF(AND(ISNUMBER(${j}),${j}<${max / 2}),1,0)`,
      expect: result.needsAction.map((v) => [v ? 1 : 0]),
    });

    // Corrective action required: red while empty; the low score itself in red.
    const m1 = colFixed(m.itemsFirst, COL.needs);
    b.conditional({
      range: rows(COL.finding, COL.status),
      rule: { type: "expression", formula: `=AND(${m1}=1,${a1(m.itemsFirst, COL.finding)}="")` },
      style: CONDITIONAL.bad,
    });
    b.conditional({
      range: rows(COL.score, COL.score),
      rule: { type: "expression", formula: `=${m1}=1` },
      style: { ...CONDITIONAL.bad, bold: true },
    });

    // S table: per-S subtotals, total and rating.
    const sTop = top + sTableOffset;
    T.sHeader.forEach((h, i) => b.set(sTop, S_COL.name + i, t(h)));
    b.format(rangeA1(sTop, S_COL.name, sTop, S_COL.criticalZeros), STYLES.header);
    run = 0;
    for (const s of [0, 1, 2, 3, 4, 5] as SIndex[]) {
      const r = m.sRows[s];
      const n = items.filter(({ it }) => it.s === s).length;
      const from = m.itemsFirst + run;
      const to = from + n - 1;
      run += n;
      const col = (c: number): string => rangeA1(from, c, to, c);
      const res = result.s[s];
      const cell = (c: number): string => a1(r, c);
      b.set(r, S_COL.name, t(S_NAMES[s]));
      b.set(r, S_COL.score, { f: n > 0 ? `=SUM(${col(COL.value)})` : "=0", expect: res.score });
      b.set(r, S_COL.max, { f: n > 0 ? `=SUM(${col(COL.max)})` : "=0", expect: res.max });
      b.set(r, S_COL.applicable, { f: n > 0 ? `=COUNT(${col(COL.value)})` : "=0", expect: res.applicable });
      b.set(r, S_COL.criticalZeros, { f: n > 0 ? `=SUM(${col(COL.criticalZero)})` : "=0", expect: res.criticalZeros });
      b.set(r, S_COL.percent, {
        f: `=IF(${cell(S_COL.max)}=0,"",IF(${cell(S_COL.criticalZeros)}>0,0,${cell(S_COL.score)}/${cell(S_COL.max)}*100))`,
        expect: res.percent ?? "",
      });
      b.set(r, S_COL.bar, {
        f: `=IF(ISNUMBER(${cell(S_COL.percent)}),REPT("■",${roundSmallWholeFormula(`${cell(S_COL.percent)}/10`)}),"")`,
        expect: percentBar(res.percent),
      });
      b.set(
        r,
        S_COL.weight,
        options.weights === "settings"
          ? { f: `=INDEX(${SETTING_NAMES.audit6sWeights},${s + 1})`, expect: weights[s] }
          : weights[s],
      );
      b.set(r, S_COL.weighted, {
        f: `=IF(ISNUMBER(${cell(S_COL.percent)}),${cell(S_COL.percent)}*${cell(S_COL.weight)},0)`,
        expect: res.percent === null ? 0 : res.percent * weights[s],
      });
      b.set(r, S_COL.used, {
        f: `=IF(ISNUMBER(${cell(S_COL.percent)}),${cell(S_COL.weight)},0)`,
        expect: res.percent === null ? 0 : weights[s],
      });
    }
    const s1 = m.sRows[0];
    const s6 = m.sRows[5];
    const tr = m.totalRow;
    const used = rangeA1(s1, S_COL.used, s6, S_COL.used);
    b.set(tr, S_COL.name, t(T.total));
    b.set(tr, S_COL.percent, {
      f: `=IF(SUM(${used})=0,"",SUM(${rangeA1(s1, S_COL.weighted, s6, S_COL.weighted)})/SUM(${used}))`,
      expect: result.total ?? "",
    });
    b.set(tr, S_COL.bar, {
      f: `=IF(ISNUMBER(${a1(tr, S_COL.percent)}),REPT("■",${roundSmallWholeFormula(`${a1(tr, S_COL.percent)}/10`)}),"")`,
      expect: percentBar(result.total),
    });
    b.set(tr, S_COL.score, t(T.weightsNote(options.weights !== "settings")), { ...STYLES.note, vertical: "middle" });
    b.merge(rangeA1(tr, S_COL.score, tr, S_COL.criticalZeros));
    const total = a1(tr, S_COL.percent);
    const rr = m.ratingRow;
    b.set(rr, S_COL.name, t(T.rating));
    b.set(rr, S_COL.percent, {
      f: `=IF(${total}="","",INDEX(${SETTING_NAMES.audit6sRatingCodes},SUMPRODUCT(--(${SETTING_NAMES.audit6sRatingBounds}>${total}+1E-9))+1))`,
      expect: result.rating ?? "",
    });
    b.set(rr, S_COL.score, t(T.ratingNote), { ...STYLES.note, vertical: "middle" });
    b.merge(rangeA1(rr, S_COL.score, rr, S_COL.criticalZeros));
    b.format(rangeA1(s1, S_COL.name, rr, S_COL.criticalZeros), { border: "thin", vertical: "middle" });
    b.format(rangeA1(s1, S_COL.name, rr, S_COL.name), { ...STYLES.group });
    b.format(rangeA1(s1, S_COL.bar, tr, S_COL.bar), { fontColor: PALETTE.brand, fontSize: 9 });
    b.format(rangeA1(s1, S_COL.percent, tr, S_COL.percent), {
      bold: true,
      numberFormat: FORMATS.number1,
      horizontal: "center",
      fill: PALETTE.computedFill,
    });
    // General, not "0.##": Excel shows a whole number as "10." under "0.##".
    b.format(rangeA1(s1, S_COL.score, s6, S_COL.criticalZeros), { horizontal: "center", numberFormat: "General" });
    b.format(
      rangeA1(s1, S_COL.weight, s6, S_COL.weight),
      options.weights === "settings" ? { fill: PALETTE.computedFill } : { fill: PALETTE.inputFill, locked: false },
    );
    b.format(a1(rr, S_COL.percent), { bold: true, fontSize: 13, horizontal: "center", border: "medium" });
    if (options.weights !== "settings")
      validations.push({ range: rangeA1(s1, S_COL.weight, s6, S_COL.weight), kind: "weight" });
    b.conditional({
      range: rangeA1(s1, S_COL.criticalZeros, s6, S_COL.criticalZeros),
      rule: { type: "cellValue", operator: "greaterThan", formula1: "0" },
      style: CONDITIONAL.bad,
    });
    b.conditional({
      range: rangeA1(s1, S_COL.percent, s6, S_COL.percent),
      rule: { type: "expression", formula: `=${colFixed(s1, S_COL.criticalZeros)}>0` },
      style: CONDITIONAL.bad,
    });
    const bands = settings.audit6s.rating.bands.length;
    for (let i = 0; i < bands; i++) {
      const style = i === 0 ? CONDITIONAL.good : i === bands - 1 ? CONDITIONAL.bad : CONDITIONAL.neutral;
      b.conditional({
        range: a1(rr, S_COL.percent),
        rule: {
          type: "expression",
          formula: `=AND(${a1(rr, S_COL.percent)}<>"",${a1(rr, S_COL.percent)}=INDEX(${SETTING_NAMES.audit6sRatingCodes},${i + 1}))`,
        },
        style,
      });
    }

    // Charts of the six S (the Office.js writer draws them; the note under them shows otherwise).
    const cTop = top + chartOffset;
    const values6 = rangeA1(s1, S_COL.percent, s6, S_COL.percent, true);
    const names6 = rangeA1(s1, S_COL.name, s6, S_COL.name, true);
    b.set(cTop, 1, t(T.charts), { ...STYLES.note, fontColor: "A6A6A6" });
    b.merge(rangeA1(cTop, 1, cTop + 1, LAST_VISIBLE));
    b.chart({
      type: "radar",
      title: t(T.radar(m.name)),
      series: [{ name: m.name, values: values6, categories: names6 }],
      from: a1(cTop, 1),
      to: a1(cTop + CHART_ROWS - 1, COL.score),
      yAxis: { min: 0, max: 100 },
    });
    b.chart({
      type: "column",
      title: t(T.bars(m.name)),
      series: [{ name: m.name, values: values6, categories: names6 }],
      from: a1(cTop, COL.finding),
      to: a1(cTop + CHART_ROWS - 1, LAST_VISIBLE),
      yAxis: { min: 0, max: 100 },
    });

    // Signatures: a box to sign in and a box for the date, for each side.
    const sg = top + signOffset;
    [T.inspectorSign, T.signDate].forEach((x, i) => {
      b.set(sg + i, 1, t(x), { bold: true, vertical: "middle", wrap: true, fontSize: 9 }).merge(
        rangeA1(sg + i, 1, sg + i, 2),
      );
      b.merge(rangeA1(sg + i, COL.item, sg + i, COL.score));
      b.format(rangeA1(sg + i, COL.item, sg + i, COL.score), { outline: "thin" });
    });
    [T.headSign, T.signDate].forEach((x, i) => {
      b.set(sg + i, COL.finding, t(x), {
        bold: true,
        vertical: "middle",
        horizontal: "right",
        wrap: true,
        fontSize: 9,
      });
      b.merge(rangeA1(sg + i, COL.action, sg + i, LAST_VISIBLE));
      b.format(rangeA1(sg + i, COL.action, sg + i, LAST_VISIBLE), { outline: "thin" });
    });
  });

  const choices = scoreChoices(scaleId, max, locale);
  const mid = max / 2;
  for (const v of validations) {
    if (v.kind === "score") {
      b.validate({
        range: v.range,
        rule: { type: "list", values: choices },
        allowBlank: true,
        prompt: {
          title: t(text("评分", "Score")),
          message: t(
            scaleId === "passFail"
              ? text("选择 合格、不合格 或 不适用", "Choose Pass, Fail or N/A")
              : text(`0–${max} 分（低于 ${mid} 须整改），或“不适用”`, `0–${max} (below ${mid} needs action), or N/A`),
          ),
        },
        error: {
          title: t(text("评分无效", "Invalid score")),
          message: t(text(`请从列表中选择：${choices.join("、")}`, `Choose from the list: ${choices.join(", ")}`)),
        },
      });
    } else if (v.kind === "date") {
      b.validate({
        range: v.range,
        rule: { type: "date", min: 1 },
        allowBlank: true,
        error: {
          title: t(text("日期无效", "Invalid date")),
          message: t(text("请输入日期，例如 2026-11-30。", "Enter a date, e.g. 2026-11-30.")),
        },
      });
    } else if (v.kind === "status") {
      const words = STATUS_IDS.map((s) => statusWord(s, locale));
      b.validate({
        range: v.range,
        rule: { type: "list", values: words },
        allowBlank: true,
        error: {
          title: t(text("状态无效", "Invalid status")),
          message: t(text(`请选择：${words.join("、")}`, `Choose: ${words.join(", ")}`)),
        },
      });
    } else {
      b.validate({
        range: v.range,
        rule: { type: "decimal", min: 0 },
        allowBlank: false,
        error: {
          title: t(text("权重无效", "Invalid weight")),
          message: t(text("权重不能为负数（只看比例）。", "Weights cannot be negative (only their ratio matters).")),
        },
      });
    }
  }

  for (const [c, w] of Object.entries(widths)) b.width(Number(c), w);
  for (let c = COL.value; c <= COL.critical; c++) b.hideColumn(c);
  b.hideColumn(COL.marker);
  b.freeze(3, 0);
  b.tabColor("548235");
  const last = meta.areas[meta.areas.length - 1].bottom;
  b.print({
    orientation: "portrait",
    paper: "A4",
    fitToWidth: true,
    fitToHeight: 0,
    titleRows: "1:3",
    printArea: rangeA1(1, 1, last, LAST_VISIBLE),
    pageBreaksBefore: meta.areas.slice(1).map((m) => m.top),
    footer: `${t(T.sheet)} ${dateText} — &P / &N`,
    margins: { top: 0.55, bottom: 0.55, left: 0.4, right: 0.4 },
    centerHorizontally: true,
  });
  b.note(
    text(
      `已生成 ${options.areas.length} 个区域的 6S 检查表，每个区域打印为一页 A4。`,
      `6S audit sheet for ${options.areas.length} area(s), one A4 page per area.`,
    ),
  );
  return ok({ plan: b.build(), results });
}

/** Page-fit facts for tests and the README: each printed page's height at the sheet's print scale. */
export function pageFit(plan: SheetPlan): { scale: number; pageHeights: number[]; limit: number } {
  const visible = new Set(Array.from({ length: LAST_VISIBLE }, (_, i) => columnLetter(i + 1)));
  const widthPt = (plan.columns ?? [])
    .filter((c) => visible.has(c.column) && c.width !== undefined)
    .reduce((s, c) => s + columnPoints(c.width!), 0);
  const scale = Math.min(1, PAGE.width / widthPt);
  const heights = new Map((plan.rows ?? []).map((r) => [r.row, r.height ?? 15]));
  const title = [1, 2, 3].reduce((s, r) => s + (heights.get(r) ?? 15), 0);
  const breaks = plan.print?.pageBreaksBefore ?? [];
  const lastRow = Math.max(...heights.keys());
  const starts = [1, ...breaks];
  const pageHeights = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : lastRow;
    let h = start === 1 ? 0 : title;
    for (let r = start; r <= end; r++) h += heights.get(r) ?? 15;
    return h * scale;
  });
  return { scale, pageHeights, limit: PAGE.height };
}
