/**
 * Worksheet functions the fake Excel knows, with the Excel version that introduced each and its
 * argument count (min, max; 255 = "up to 255"). Hand-written from Microsoft's function list,
 * which marks the version a function arrived in: "Excel functions (alphabetical)",
 * https://support.microsoft.com/office/excel-functions-alphabetical-b3944572-255d-4efb-bb96-c6d90033e188 ,
 * and the argument lists of each function's page. "2007" stands for "2007 or earlier" — the
 * functions a file stores without the `_xlfn.` prefix (MS-XLSX 2.2.2 Formulas, future functions:
 * https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf).
 * Not every function Excel has is here — only the ones a generated sheet may plausibly use plus
 * the newer ones a generator must not use; an unknown name is refused, so the table grows when
 * a generator needs a function (and the reviewer checks its version then).
 */
export type ExcelVersion = "2007" | "2010" | "2013" | "2016" | "2019" | "2021" | "365";

export const VERSION_ORDER: readonly ExcelVersion[] = ["2007", "2010", "2013", "2016", "2019", "2021", "365"];

type Entry = readonly [since: ExcelVersion, min: number, max: number];

const MANY = 255;

export const FUNCTIONS: Readonly<Record<string, Entry>> = {
  // Logical
  IF: ["2007", 1, 3],
  IFERROR: ["2007", 2, 2],
  AND: ["2007", 1, MANY],
  OR: ["2007", 1, MANY],
  NOT: ["2007", 1, 1],
  TRUE: ["2007", 0, 0],
  FALSE: ["2007", 0, 0],
  IFNA: ["2013", 2, 2],
  XOR: ["2013", 1, MANY],
  IFS: ["2019", 2, 254],
  SWITCH: ["2019", 3, 254],
  LET: ["2021", 3, 253],
  LAMBDA: ["365", 1, 254],
  // Math
  SUM: ["2007", 1, MANY],
  SUMIF: ["2007", 2, 3],
  SUMIFS: ["2007", 3, 255],
  SUMPRODUCT: ["2007", 1, MANY],
  PRODUCT: ["2007", 1, MANY],
  ROUND: ["2007", 2, 2],
  ROUNDUP: ["2007", 2, 2],
  ROUNDDOWN: ["2007", 2, 2],
  INT: ["2007", 1, 1],
  TRUNC: ["2007", 1, 2],
  MOD: ["2007", 2, 2],
  ABS: ["2007", 1, 1],
  SIGN: ["2007", 1, 1],
  SQRT: ["2007", 1, 1],
  POWER: ["2007", 2, 2],
  LOG10: ["2007", 1, 1],
  LOG: ["2007", 1, 2],
  LN: ["2007", 1, 1],
  EXP: ["2007", 1, 1],
  CEILING: ["2007", 1, 2],
  FLOOR: ["2007", 1, 2],
  SUBTOTAL: ["2007", 2, 255],
  AGGREGATE: ["2010", 3, 253],
  "CEILING.MATH": ["2013", 1, 3],
  "FLOOR.MATH": ["2013", 1, 3],
  SEQUENCE: ["2021", 1, 4],
  RANDARRAY: ["2021", 0, 5],
  // Statistical
  AVERAGE: ["2007", 1, MANY],
  AVERAGEA: ["2007", 1, MANY],
  AVERAGEIF: ["2007", 2, 3],
  AVERAGEIFS: ["2007", 3, 255],
  COUNT: ["2007", 1, MANY],
  COUNTA: ["2007", 1, MANY],
  COUNTBLANK: ["2007", 1, 1],
  COUNTIF: ["2007", 2, 2],
  COUNTIFS: ["2007", 2, 254],
  MAX: ["2007", 1, MANY],
  MIN: ["2007", 1, MANY],
  MEDIAN: ["2007", 1, MANY],
  LARGE: ["2007", 2, 2],
  SMALL: ["2007", 2, 2],
  RANK: ["2007", 2, 3],
  STDEV: ["2007", 1, MANY],
  PERCENTILE: ["2007", 2, 2],
  "RANK.EQ": ["2010", 2, 3],
  "STDEV.S": ["2010", 1, MANY],
  "STDEV.P": ["2010", 1, MANY],
  "PERCENTILE.INC": ["2010", 2, 2],
  MAXIFS: ["2019", 3, 254],
  MINIFS: ["2019", 3, 254],
  // Lookup and reference
  INDEX: ["2007", 2, 4],
  MATCH: ["2007", 2, 3],
  VLOOKUP: ["2007", 3, 4],
  HLOOKUP: ["2007", 3, 4],
  LOOKUP: ["2007", 2, 3],
  CHOOSE: ["2007", 2, 255],
  ROW: ["2007", 0, 1],
  ROWS: ["2007", 1, 1],
  COLUMN: ["2007", 0, 1],
  COLUMNS: ["2007", 1, 1],
  OFFSET: ["2007", 3, 5],
  INDIRECT: ["2007", 1, 2],
  HYPERLINK: ["2007", 1, 2],
  TRANSPOSE: ["2007", 1, 1],
  XLOOKUP: ["2021", 3, 6],
  XMATCH: ["2021", 2, 4],
  FILTER: ["2021", 2, 3],
  SORT: ["2021", 1, 4],
  UNIQUE: ["2021", 1, 3],
  // Text
  LEFT: ["2007", 1, 2],
  RIGHT: ["2007", 1, 2],
  MID: ["2007", 3, 3],
  LEN: ["2007", 1, 1],
  REPT: ["2007", 2, 2],
  SUBSTITUTE: ["2007", 3, 4],
  TEXT: ["2007", 2, 2],
  TRIM: ["2007", 1, 1],
  UPPER: ["2007", 1, 1],
  LOWER: ["2007", 1, 1],
  CONCATENATE: ["2007", 1, MANY],
  FIND: ["2007", 2, 3],
  SEARCH: ["2007", 2, 3],
  VALUE: ["2007", 1, 1],
  EXACT: ["2007", 2, 2],
  FIXED: ["2007", 1, 3],
  CHAR: ["2007", 1, 1],
  CONCAT: ["2019", 1, 253],
  TEXTJOIN: ["2019", 3, 252],
  TEXTSPLIT: ["365", 2, 6],
  // Information
  ISNUMBER: ["2007", 1, 1],
  ISTEXT: ["2007", 1, 1],
  ISBLANK: ["2007", 1, 1],
  ISERROR: ["2007", 1, 1],
  ISNA: ["2007", 1, 1],
  ISLOGICAL: ["2007", 1, 1],
  NA: ["2007", 0, 0],
  N: ["2007", 1, 1],
  // Date and time
  DATE: ["2007", 3, 3],
  TIME: ["2007", 3, 3],
  YEAR: ["2007", 1, 1],
  MONTH: ["2007", 1, 1],
  DAY: ["2007", 1, 1],
  HOUR: ["2007", 1, 1],
  MINUTE: ["2007", 1, 1],
  WEEKDAY: ["2007", 1, 2],
  WEEKNUM: ["2007", 1, 2],
  TODAY: ["2007", 0, 0],
  NOW: ["2007", 0, 0],
  EDATE: ["2007", 2, 2],
  EOMONTH: ["2007", 2, 2],
  NETWORKDAYS: ["2007", 2, 3],
  DATEVALUE: ["2007", 1, 1],
  DATEDIF: ["2007", 3, 3],
  "NETWORKDAYS.INTL": ["2010", 2, 4],
  DAYS: ["2013", 2, 2],
  ISOWEEKNUM: ["2013", 1, 1],
};

/** The entry of a function name (case-insensitive); undefined for a name Excel does not know here. */
export function functionEntry(name: string): Entry | undefined {
  return FUNCTIONS[name.toUpperCase()];
}

export function newerThan(since: ExcelVersion, target: ExcelVersion): boolean {
  return VERSION_ORDER.indexOf(since) > VERSION_ORDER.indexOf(target);
}
