/**
 * Where everything is on the 6S summary: the report (matrix, trend, lowest items, open actions)
 * at the top, the charts right of it (columns P–W, rows 5–54), and under both the two source
 * blocks the report computes from.
 */
import { a1 } from "../../common/address";

/** How many lowest-scoring items the report lists. */
export const LOWEST = 10;
/** Empty rows under the open actions, for actions opened after generation. */
export const SPARE_OPEN_ROWS = 5;
/** The report's last column (N). */
export const LAST_COLUMN = 14;
/** The charts' first column (P). */
export const CHART_COLUMN = 16;
export const MARKER_COLUMN = 30;
/** The as-of date overdue is judged against (editable). */
export const AS_OF_CELL = a1(3, 7, true);

/** Columns of source block A: one row per dated area audit. */
export const AREA_SOURCE = { sheet: 1, area: 2, no: 3, date: 4, month: 5, s1: 6, total: 12 } as const;

/** Columns of source block B: one row per check item of the audits up to the month. */
export const ITEM_SOURCE = {
  sheet: 1,
  area: 2,
  s: 3,
  item: 4,
  date: 5,
  inMonth: 6,
  score: 7,
  max: 8,
  pct: 9,
  needs: 10,
  finding: 11,
  action: 12,
  owner: 13,
  due: 14,
  status: 15,
  /** The percent of an item of the month with a score, else "": what the lowest list picks from. */
  monthPct: 16,
  /** 1 for an open corrective action. */
  open: 17,
} as const;

/**
 * Hidden columns beside each row of the two lists: the value the row picks by (the lowest list:
 * the k-th smallest percent) and the row of source block B it shows (1 = block B's first row).
 * Each list row finds its row from the one above it, so a list costs time linear in block B.
 */
export const LIST_PICK = { value: 28, row: 29 } as const;

/** A titled table: its title row, header row and first row of data. */
export interface Table {
  readonly top: number;
  readonly header: number;
  readonly first: number;
}

export interface SummaryRows {
  /** The area × S matrix; `overall` is its 全部区域 row. */
  readonly matrix: Table & { readonly overall: number };
  readonly trend: Table;
  readonly lowest: Table;
  /** The open actions: `count` rows (the open ones and spares), then the row counting those not listed. */
  readonly open: Table & { readonly count: number; readonly overflow: number };
  /** The title of the source blocks. */
  readonly sourcesTop: number;
  readonly areaSource: Table & { readonly last: number };
  readonly itemSource: Table & { readonly last: number };
}

function table(top: number): Table {
  return { top, header: top + 1, first: top + 2 };
}

/** The rows for so many matrix areas, trend areas, open actions, dated area audits and source items. */
export function summaryRows(counts: {
  readonly areas: number;
  readonly trend: number;
  readonly open: number;
  readonly datedAudits: number;
  readonly items: number;
}): SummaryRows {
  const matrix = table(5);
  const overall = matrix.first + counts.areas;
  const trend = table(overall + 2);
  const lowest = table(trend.first + counts.trend + 1);
  const open = table(lowest.first + LOWEST + 1);
  const openCount = counts.open + SPARE_OPEN_ROWS;
  const overflow = open.first + openCount;
  // Below the report and below the charts beside it (rows 5–54, columns P–W).
  const sourcesTop = Math.max(overflow + 3, 57);
  const areaSource = table(sourcesTop + 1);
  const areaLast = areaSource.first + Math.max(counts.datedAudits, 1) - 1;
  const itemSource = table(areaLast + 2);
  const itemLast = itemSource.first + Math.max(counts.items, 1) - 1;
  return {
    matrix: { ...matrix, overall },
    trend,
    lowest,
    open: { ...open, count: openCount, overflow },
    sourcesTop,
    areaSource: { ...areaSource, last: areaLast },
    itemSource: { ...itemSource, last: itemLast },
  };
}
