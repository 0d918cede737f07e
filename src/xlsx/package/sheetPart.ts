/**
 * A worksheet part (xl/worksheets/sheetN.xml) from a prepared sheet plan, as a sequence of XML
 * text chunks produced row by row: memory holds one row (and the styles seen so far), never the
 * sheet. Element order follows CT_Worksheet (ECMA-376 Part 1, §18.3.1.99).
 *
 * - Strings are inline strings (`t="inlineStr"`): always text, whatever they start with (= + -
 *   @ tab CR), never formulas (RULES: user text never becomes a formula); inline rather than
 *   shared so that no table of every distinct string has to be kept until the end.
 * - A fill is one shared formula (`<f t="shared" ref si>`): the top-left cell holds the formula,
 *   every other cell only the group index, and Excel and LibreOffice shift the relative
 *   references themselves — the fill-down the plan describes. A fill whose top-left cell is
 *   overwritten, or whose formula has a structured reference (Excel itself never shares those),
 *   is written one formula per cell.
 * - Every formula carries the plan's `expect` as its cached value, so a viewer that does not
 *   recalculate shows the engine's numbers; the workbook asks for a full recalculation on load.
 */
import { formatRange, MAX_COLUMNS, MAX_ROWS, numberToColumn, parseRange, type Rect } from "../../sheets/formula/a1";
import type { PreparedSheet } from "../../sheets/formula/prepare";
import {
  conditionalFormatOrder,
  listValidationSource,
  markerColumn,
  pageBreakRows,
  TEXT_LENGTH_OPERATOR,
  validationBounds,
} from "../../sheets/formula/writeDecisions";
import type { DataValidation, Expected } from "../../sheets/plan";
import type { CellContent, SheetContent } from "./sheetContent";
import { resolveStyle, type PlacedFormat, type StyleRegistry } from "./styles";
import { attr, escapeXml, NS, numberText, textElement, XML_DECLARATION } from "./xml";

export interface SheetPartOptions {
  readonly styles: StyleRegistry;
  /** Relationship id of the sheet's drawing part (charts), if it has one. */
  readonly drawingRelId?: string;
  /** Relationship ids of the sheet's table parts, in plan order. */
  readonly tableRelIds: readonly string[];
  /** This sheet is the active one (its tab is selected). */
  readonly selected: boolean;
  /**
   * Days subtracted from numbers in date-formatted cells (values and cached results): 1462 when
   * the sheet goes into a workbook of the 1904 date system, whose serial 0 is 1904-01-01.
   */
  readonly dateOffset?: number;
  /** Roughly how many characters of XML to gather before yielding a chunk. */
  readonly chunkChars?: number;
  /** Told the last row written each time a chunk of rows is yielded (for the rows-written progress). */
  readonly onRows?: (lastRow: number) => void;
}

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };

/** Formats on whole columns or rows reach as far as the sheet's content (see XLSX_LIMITATIONS). */
function clampToContent(rect: Rect, extent: { rows: number; columns: number }): Rect {
  const bottom = rect.bottom === MAX_ROWS && rect.top === 1 ? Math.max(1, extent.rows) : rect.bottom;
  const right = rect.right === MAX_COLUMNS && rect.left === 1 ? Math.max(1, extent.columns) : rect.right;
  return { ...rect, bottom, right };
}

function stripEq(f: string): string {
  return f.startsWith("=") ? f.slice(1) : f;
}

/** The cached value of a formula: its `<v>` and the cell type it needs. */
function cached(expect: Expected | undefined, dateShift = 0): { t: string; v: string } {
  if (expect === undefined || expect === null) return { t: "", v: "" };
  if (typeof expect === "number") return { t: "", v: `<v>${numberText(expect - dateShift)}</v>` };
  if (typeof expect === "boolean") return { t: ' t="b"', v: `<v>${expect ? 1 : 0}</v>` };
  if (typeof expect === "string") return { t: ' t="str"', v: `<v>${escapeXml(expect)}</v>` };
  return { t: ' t="e"', v: `<v>${escapeXml(expect.error)}</v>` };
}

function validationXml(v: DataValidation, dateOffset: number): string {
  const r = v.rule;
  let type: string;
  let operator: string | undefined;
  let f1: string;
  let f2: string | undefined;
  switch (r.type) {
    case "list":
      type = "list";
      f1 = `"${listValidationSource(r.values)}"`;
      break;
    case "listSource":
      type = "list";
      f1 = stripEq(r.source);
      break;
    case "textLength":
      type = "textLength";
      operator = TEXT_LENGTH_OPERATOR;
      f1 = numberText(r.max);
      break;
    default: {
      const b = validationBounds(r);
      const shift = r.type === "date" ? dateOffset : 0;
      type = r.type;
      operator = b.operator;
      f1 = numberText(b.formula1 - shift);
      f2 = b.formula2 === undefined ? undefined : numberText(b.formula2 - shift);
    }
  }
  return (
    `<dataValidation${attr("type", type)}${attr("operator", operator === "between" ? undefined : operator)}` +
    `${attr("allowBlank", v.allowBlank ?? true)}${attr("showInputMessage", v.prompt ? true : undefined)}` +
    `${attr("showErrorMessage", true)}${attr("errorTitle", v.error.title)}${attr("error", v.error.message)}` +
    `${attr("promptTitle", v.prompt?.title)}${attr("prompt", v.prompt?.message)}${attr("sqref", formatRange(parseRange(v.range)))}>` +
    `<formula1>${escapeXml(f1)}</formula1>${f2 === undefined ? "" : `<formula2>${escapeXml(f2)}</formula2>`}</dataValidation>`
  );
}

/**
 * The column styles of one row: formats covering the row, resolved per column. Rows with the same
 * covering formats and the same outline edges share one answer (a 100,000-row register has a
 * handful of distinct rows).
 */
function rowStyler(formats: readonly PlacedFormat[], styles: StyleRegistry) {
  const byRow = [...formats.keys()].sort((a, b) => formats[a]!.rect.top - formats[b]!.rect.top);
  const cache = new Map<string, readonly (readonly [number, number])[]>();
  return (row: number): readonly (readonly [number, number])[] => {
    let key = "";
    const covering: number[] = [];
    for (const i of byRow) {
      const f = formats[i]!;
      if (f.rect.top > row) break;
      if (row > f.rect.bottom) continue;
      covering.push(i);
      key +=
        f.style.outline !== undefined ? `${i}:${row === f.rect.top ? 1 : 0}${row === f.rect.bottom ? 1 : 0},` : `${i},`;
    }
    if (covering.length === 0) return [];
    let out = cache.get(key);
    if (!out) {
      covering.sort((a, b) => a - b);
      const left = Math.min(...covering.map((i) => formats[i]!.rect.left));
      const right = Math.max(...covering.map((i) => formats[i]!.rect.right));
      const list: (readonly [number, number])[] = [];
      for (let c = left; c <= right; c++) {
        const here = covering.filter((i) => c >= formats[i]!.rect.left && c <= formats[i]!.rect.right);
        if (here.length === 0) continue;
        list.push([
          c,
          styles.cellXf(
            resolveStyle(
              here.map((i) => formats[i]!),
              row,
              c,
            ),
          ),
        ]);
      }
      out = list;
      cache.set(key, out);
    }
    return out;
  };
}

/** The XML of the worksheet, in chunks. */
export function* worksheetXml(prepared: PreparedSheet, content: SheetContent, o: SheetPartOptions): Generator<string> {
  const plan = prepared.plan;
  // Well under V8's large-object size (128 KB) once flattened, even as two-byte text: a larger
  // chunk is allocated straight into the old generation and stays there, garbage, until the next
  // full GC (100,000 orders: about 45 MB more peak memory). The zip still compresses 64 KB at a time.
  const chunkChars = o.chunkChars ?? 1 << 14;
  const { extent } = content;
  const formats: PlacedFormat[] = (plan.formats ?? []).map((f) => ({
    rect: clampToContent(parseRange(f.range), extent),
    style: f.style,
  }));
  const rowSpecs = new Map<number, { height?: number; hidden?: boolean }>();
  for (const r of plan.rows ?? []) rowSpecs.set(r.row, { ...rowSpecs.get(r.row), ...r });
  let lastRow = extent.rows;
  for (const f of formats) lastRow = Math.max(lastRow, f.rect.bottom);
  for (const r of rowSpecs.keys()) lastRow = Math.max(lastRow, r);

  // --- head: sheetPr, dimension, sheetViews, sheetFormatPr, cols
  let head = `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`;
  const fit = plan.print?.fitToWidth ?? false;
  if (plan.tabColor || fit) {
    head += `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.toUpperCase()}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`;
  }
  head += `<dimension ref="${formatRange({ top: 1, left: 1, bottom: Math.max(1, extent.rows), right: Math.max(1, extent.columns) })}"/>`;
  head += `<sheetViews><sheetView${o.selected ? ' tabSelected="1"' : ""} workbookViewId="0">`;
  const fr = plan.freeze;
  if (fr && (fr.rows > 0 || fr.columns > 0)) {
    const pane = fr.rows > 0 && fr.columns > 0 ? "bottomRight" : fr.rows > 0 ? "bottomLeft" : "topRight";
    const topLeft = `${numberToColumn(fr.columns + 1)}${fr.rows + 1}`;
    head +=
      `<pane${attr("xSplit", fr.columns > 0 ? fr.columns : undefined)}${attr("ySplit", fr.rows > 0 ? fr.rows : undefined)}` +
      ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
  const cols = new Map<number, { width?: number; hidden?: boolean }>();
  for (const c of plan.columns ?? []) {
    const n = parseRange(`${c.column}1`).left;
    cols.set(n, {
      ...cols.get(n),
      ...(c.width !== undefined ? { width: c.width } : {}),
      ...(c.hidden !== undefined ? { hidden: c.hidden } : {}),
    });
  }
  const mc = markerColumn(plan);
  cols.set(mc, { ...cols.get(mc), hidden: true });
  if (cols.size) {
    head += "<cols>";
    for (const [n, c] of [...cols.entries()].sort((a, b) => a[0] - b[0])) {
      head += `<col min="${n}" max="${n}"${c.width !== undefined ? ` width="${numberText(c.width)}" customWidth="1"` : ""}${c.hidden ? ' hidden="1"' : ""}/>`;
    }
    head += "</cols>";
  }
  head += "<sheetData>";
  yield head;

  // --- sheetData, row by row
  const styleOf = rowStyler(formats, o.styles);
  const dateOffset = o.dateOffset ?? 0;
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= numberToColumn(c));
  let buf = "";
  for (let r = 1; r <= lastRow; r++) {
    const cells = r <= extent.rows ? content.row(r) : new Map<number, CellContent>();
    const styled = styleOf(r);
    const spec = rowSpecs.get(r);
    if (cells.size === 0 && styled.length === 0 && !spec) continue;
    buf += `<row r="${r}"${spec?.height !== undefined ? ` ht="${numberText(spec.height)}" customHeight="1"` : ""}${spec?.hidden ? ' hidden="1"' : ""}>`;
    // Merge the content's columns with the styled columns, in column order.
    const columns = cells.size ? [...cells.keys()] : [];
    let styleIndex = 0;
    if (columns.length > 1) columns.sort((a, b) => a - b);
    let ci = 0;
    while (ci < columns.length || styleIndex < styled.length) {
      const nextContent = ci < columns.length ? columns[ci]! : Infinity;
      const nextStyled = styleIndex < styled.length ? styled[styleIndex]![0] : Infinity;
      const c = Math.min(nextContent, nextStyled);
      let s = 0;
      if (nextStyled === c) s = styled[styleIndex++]![1];
      const ref = `${letter(c)}${r}`;
      const sAttr = s ? ` s="${s}"` : "";
      const shift = dateOffset && s && o.styles.isDateXf(s) ? dateOffset : 0;
      if (nextContent !== c) {
        buf += `<c r="${ref}"${sAttr}/>`;
        continue;
      }
      ci += 1;
      const cell = cells.get(c)!;
      if (cell.kind === "value") {
        const v = cell.value;
        if (typeof v === "string") buf += `<c r="${ref}"${sAttr} t="inlineStr"><is>${textElement("t", v)}</is></c>`;
        else if (typeof v === "boolean") buf += `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
        else buf += `<c r="${ref}"${sAttr}><v>${numberText(v - shift)}</v></c>`;
      } else if (cell.kind === "formula") {
        const k = cached(cell.expect, shift);
        buf += `<c r="${ref}"${sAttr}${k.t}><f>${escapeXml(stripEq(cell.f))}</f>${k.v}</c>`;
      } else {
        const k = cached(cell.expect, shift);
        const fill = cell.fill;
        const f =
          cell.rowOffset === 0 && cell.columnOffset === 0
            ? `<f t="shared" ref="${formatRange(fill.rect)}" si="${fill.index}">${escapeXml(stripEq(fill.plan.formula))}</f>`
            : `<f t="shared" si="${fill.index}"/>`;
        buf += `<c r="${ref}"${sAttr}${k.t}>${f}${k.v}</c>`;
      }
    }
    buf += "</row>";
    if (buf.length >= chunkChars) {
      o.onRows?.(Math.min(r, extent.rows));
      yield buf;
      buf = "";
    }
  }
  buf += "</sheetData>";
  o.onRows?.(extent.rows);

  // --- after the data, in schema order
  if (plan.protect) buf += '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>';
  const merges = plan.merges ?? [];
  if (merges.length)
    buf += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${formatRange(parseRange(m))}"/>`).join("")}</mergeCells>`;
  conditionalFormatOrder(plan.conditionalFormats ?? []).forEach((cf, i) => {
    const dxfId = o.styles.dxf(cf.style);
    const rule = cf.rule;
    const common = ` dxfId="${dxfId}" priority="${i + 1}"${cf.stopIfTrue ? ' stopIfTrue="1"' : ""}`;
    const body =
      rule.type === "expression"
        ? `<cfRule type="expression"${common}><formula>${escapeXml(stripEq(rule.formula))}</formula></cfRule>`
        : `<cfRule type="cellIs"${common} operator="${rule.operator}"><formula>${escapeXml(stripEq(rule.formula1))}</formula>` +
          (rule.formula2 !== undefined ? `<formula>${escapeXml(stripEq(rule.formula2))}</formula>` : "") +
          "</cfRule>";
    buf += `<conditionalFormatting sqref="${formatRange(parseRange(cf.range))}">${body}</conditionalFormatting>`;
  });
  const validations = plan.validations ?? [];
  if (validations.length)
    buf += `<dataValidations count="${validations.length}">${validations.map((v) => validationXml(v, dateOffset)).join("")}</dataValidations>`;
  const p = plan.print;
  if (p?.centerHorizontally) buf += '<printOptions horizontalCentered="1"/>';
  const m = p?.margins ?? DEFAULT_MARGINS;
  buf += `<pageMargins left="${numberText(m.left)}" right="${numberText(m.right)}" top="${numberText(m.top)}" bottom="${numberText(m.bottom)}" header="0.3" footer="0.3"/>`;
  // Without a print plan the page stays as Excel's default, written out as Excel writes it.
  if (!p) buf += '<pageSetup orientation="portrait"/>';
  if (p) {
    buf += `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ` fitToWidth="1" fitToHeight="${p.fitToHeight ?? 0}"` : ""}/>`;
    if (p.header !== undefined || p.footer !== undefined) {
      buf +=
        "<headerFooter>" +
        (p.header !== undefined ? textElement("oddHeader", `&C${p.header}`) : "") +
        (p.footer !== undefined ? textElement("oddFooter", `&C${p.footer}`) : "") +
        "</headerFooter>";
    }
    const breaks = pageBreakRows(p);
    if (breaks.length) {
      // <brk id="n"> is a break below row n, i.e. before row n + 1.
      buf += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
    }
  }
  if (o.drawingRelId) buf += `<drawing r:id="${o.drawingRelId}"/>`;
  if (o.tableRelIds.length)
    buf += `<tableParts count="${o.tableRelIds.length}">${o.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  buf += "</worksheet>";
  yield buf;
}
