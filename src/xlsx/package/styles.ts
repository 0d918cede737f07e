/**
 * The styles part (xl/styles.xml) as a registry: cell formats (`cellXfs`) and conditional
 * formats (`dxfs`) are added as they are met while the sheets stream, each distinct one once,
 * and the part is written after the sheets. Indices start after the `seed` counts, so a later
 * step can append this registry's entries to the styles.xml of an existing workbook (whose
 * fonts, fills, borders, formats and xfs keep their indices); `stylesXml()` writes a complete
 * part for a new file, whose seed is the part's own defaults.
 */
import type {
  BorderWeight,
  CellStyle,
  ConditionalStyle,
  HorizontalAlignment,
  VerticalAlignment,
} from "../../sheets/plan";
import type { Rect } from "../../sheets/formula/a1";
import { isDateFormatCode } from "./numberFormat";
import { attr, escapeXml, NS, XML_DECLARATION } from "./xml";

/**
 * A cell's style after every format covering it was applied in order (later wins per property);
 * `border` and `outline` have become the cell's own four edges.
 */
export type ResolvedStyle = Omit<CellStyle, "border" | "outline"> & {
  readonly top?: BorderWeight;
  readonly bottom?: BorderWeight;
  readonly left?: BorderWeight;
  readonly right?: BorderWeight;
};

export interface PlacedFormat {
  readonly rect: Rect;
  readonly style: CellStyle;
}

/** The style of the cell at (row, column) under `formats` (those covering it, in plan order). */
export function resolveStyle(formats: readonly PlacedFormat[], row: number, column: number): ResolvedStyle {
  const s: { -readonly [K in keyof ResolvedStyle]: ResolvedStyle[K] } = {};
  for (const { rect, style } of formats) {
    if (style.numberFormat !== undefined) s.numberFormat = style.numberFormat;
    if (style.bold !== undefined) s.bold = style.bold;
    if (style.italic !== undefined) s.italic = style.italic;
    if (style.underline !== undefined) s.underline = style.underline;
    if (style.fontSize !== undefined) s.fontSize = style.fontSize;
    if (style.fontColor !== undefined) s.fontColor = style.fontColor.toUpperCase();
    if (style.fill !== undefined) s.fill = style.fill.toUpperCase();
    if (style.horizontal !== undefined) s.horizontal = style.horizontal;
    if (style.vertical !== undefined) s.vertical = style.vertical;
    if (style.wrap !== undefined) s.wrap = style.wrap;
    if (style.indent !== undefined) s.indent = style.indent;
    if (style.locked !== undefined) s.locked = style.locked;
    if (style.border !== undefined) s.top = s.bottom = s.left = s.right = style.border;
    if (style.outline !== undefined) {
      if (row === rect.top) s.top = style.outline;
      if (row === rect.bottom) s.bottom = style.outline;
      if (column === rect.left) s.left = style.outline;
      if (column === rect.right) s.right = style.outline;
    }
  }
  return s;
}

/** Counts of what an existing styles part already holds; new entries are numbered after them. */
export interface StylesSeed {
  readonly fonts: number;
  readonly fills: number;
  readonly borders: number;
  readonly cellXfs: number;
  readonly dxfs: number;
  /** The next free custom number-format id (≥ 164). */
  readonly nextNumFmtId: number;
  /** Number formats the part already defines (code → id), reused rather than added twice. */
  readonly numFmts?: ReadonlyMap<string, number>;
}

/** Excel's built-in number formats that we use (id fixed by the format; ECMA-376 §18.8.30). */
const BUILTIN_NUMBER_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["@", 49],
]);

/** The seed of a new file: one default font, the two fills Excel reserves, one empty border, one xf. */
export const NEW_FILE_SEED: StylesSeed = { fonts: 1, fills: 2, borders: 1, cellXfs: 1, dxfs: 0, nextNumFmtId: 164 };

const DEFAULT_FONT = { name: "Calibri", size: 11 };

function fontXml(s: ResolvedStyle): string {
  return (
    "<font>" +
    (s.bold ? "<b/>" : "") +
    (s.italic ? "<i/>" : "") +
    (s.underline ? "<u/>" : "") +
    `<sz val="${s.fontSize ?? DEFAULT_FONT.size}"/>` +
    (s.fontColor ? `<color rgb="FF${s.fontColor}"/>` : "") +
    `<name val="${DEFAULT_FONT.name}"/><family val="2"/></font>`
  );
}

function fillXml(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor rgb="FF${rgb}"/></patternFill></fill>`;
}

function borderXml(s: ResolvedStyle): string {
  const edge = (tag: string, w: BorderWeight | undefined) =>
    w ? `<${tag} style="${w}"><color indexed="64"/></${tag}>` : `<${tag}/>`;
  return `<border>${edge("left", s.left)}${edge("right", s.right)}${edge("top", s.top)}${edge("bottom", s.bottom)}<diagonal/></border>`;
}

const H: Record<HorizontalAlignment, string> = { left: "left", center: "center", right: "right" };
const V: Record<VerticalAlignment, string> = { top: "top", middle: "center", bottom: "bottom" };

/** A dxf (differential format) of a conditional format: font colour/bold and a solid fill. */
function dxfXml(s: ConditionalStyle): string {
  const font =
    s.bold !== undefined || s.fontColor !== undefined
      ? `<font>${s.bold !== undefined ? `<b val="${s.bold ? 1 : 0}"/>` : ""}${s.fontColor ? `<color rgb="FF${s.fontColor.toUpperCase()}"/>` : ""}</font>`
      : "";
  const fill = s.fill
    ? `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill.toUpperCase()}"/><bgColor rgb="FF${s.fill.toUpperCase()}"/></patternFill></fill>`
    : "";
  return `<dxf>${font}${fill}</dxf>`;
}

export class StyleRegistry {
  private readonly fonts: string[] = [];
  private readonly fontIds = new Map<string, number>();
  private readonly fills: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly borders: string[] = [];
  private readonly borderIds = new Map<string, number>();
  private readonly numFmts: { id: number; code: string }[] = [];
  private readonly numFmtIds: Map<string, number>;
  private nextNumFmtId: number;
  private readonly xfs: string[] = [];
  private readonly xfIds = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly dxfIds = new Map<string, number>();
  /** cellXfs indexes (of this registry's) whose number format shows a date. */
  private readonly dateXfs = new Set<number>();

  constructor(private readonly seed: StylesSeed = NEW_FILE_SEED) {
    this.nextNumFmtId = seed.nextNumFmtId;
    this.numFmtIds = new Map(seed.numFmts ?? []);
  }

  private intern(list: string[], ids: Map<string, number>, base: number, xml: string): number {
    let id = ids.get(xml);
    if (id === undefined) {
      id = base + list.length;
      list.push(xml);
      ids.set(xml, id);
    }
    return id;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_NUMBER_FORMATS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.numFmts.push({ id, code });
    }
    return id;
  }

  /** The cellXfs index of a resolved style (0, the default, for an empty style in a new file). */
  cellXf(s: ResolvedStyle): number {
    const hasFont =
      s.bold !== undefined ||
      s.italic !== undefined ||
      s.underline !== undefined ||
      s.fontSize !== undefined ||
      s.fontColor !== undefined;
    const fontId = hasFont ? this.intern(this.fonts, this.fontIds, this.seed.fonts, fontXml(s)) : 0;
    const fillId = s.fill ? this.intern(this.fills, this.fillIds, this.seed.fills, fillXml(s.fill)) : 0;
    const hasBorder = s.top || s.bottom || s.left || s.right;
    const borderId = hasBorder ? this.intern(this.borders, this.borderIds, this.seed.borders, borderXml(s)) : 0;
    const numFmtId = s.numberFormat === undefined ? 0 : this.numFmtId(s.numberFormat);
    const alignment =
      s.horizontal || s.vertical || s.wrap || s.indent
        ? `<alignment${attr("horizontal", s.horizontal && H[s.horizontal])}${attr("vertical", s.vertical && V[s.vertical])}${s.wrap ? ' wrapText="1"' : ""}${s.indent ? attr("indent", s.indent) : ""}/>`
        : "";
    const protection = s.locked === false ? '<protection locked="0"/>' : "";
    if (!fontId && !fillId && !borderId && !numFmtId && !alignment && !protection && this.seed === NEW_FILE_SEED)
      return 0;
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ' applyAlignment="1"' : "") +
      (protection ? ' applyProtection="1"' : "") +
      (alignment || protection ? `>${alignment}${protection}</xf>` : "/>");
    const index = this.intern(this.xfs, this.xfIds, this.seed.cellXfs, xml);
    if (s.numberFormat !== undefined && isDateFormatCode(s.numberFormat)) this.dateXfs.add(index);
    return index;
  }

  /** Whether a cellXfs index this registry handed out shows dates (1904 workbooks shift those numbers). */
  isDateXf(index: number): boolean {
    return this.dateXfs.has(index);
  }

  /** The dxfs index of a conditional format's style. */
  dxf(s: ConditionalStyle): number {
    return this.intern(this.dxfs, this.dxfIds, this.seed.dxfs, dxfXml(s));
  }

  /** What this registry adds to an existing part (for grafting): each list's new entries, in index order. */
  additions(): {
    numFmts: readonly { id: number; code: string }[];
    fonts: readonly string[];
    fills: readonly string[];
    borders: readonly string[];
    cellXfs: readonly string[];
    dxfs: readonly string[];
  } {
    return {
      numFmts: this.numFmts,
      fonts: this.fonts,
      fills: this.fills,
      borders: this.borders,
      cellXfs: this.xfs,
      dxfs: this.dxfs,
    };
  }

  /** The complete styles part of a new file (seed NEW_FILE_SEED). */
  stylesXml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeXml(n.code, true)}"/>`).join("")}</numFmts>`
      : "";
    const fonts = [fontXml({}), ...this.fonts];
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...this.fills,
    ];
    const borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>", ...this.borders];
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...this.xfs];
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${NS.main}">${numFmts}` +
      `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
      `<fills count="${fills.length}">${fills.join("")}</fills>` +
      `<borders count="${borders.length}">${borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
