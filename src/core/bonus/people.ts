/**
 * The people a bonus sheet pays, read from a table as finance has it (a selected range, an
 * .xlsx or .csv file): a header row in Chinese or English, then one row per person with name,
 * 工号, 部门, 岗位标准绩效, 考核奖金比例, the quarter grades, 黄牌 and 红牌.
 *
 * Nothing is dropped silently and nothing is guessed: a cell that cannot be read is reported
 * with its row (as the user sees it, header = row 1), its column header and the reason, and is
 * treated as blank (the bonus sheet then leaves that amount blank, or counts a blank card cell
 * as none, as Excel does); a row without a name is reported and left out; a person listed twice
 * is reported and the later row left out. Texts stay exactly as typed (trimmed).
 */
import { text, type Text } from "../i18n/text";
import { problem, type Problem } from "../problem";
import { isBlank } from "../values/blank";
import { describeValue, formatNumber } from "../values/describe";
import { normalizeText } from "../values/text";
import { toNumber } from "../values/toNumber";
import {
  cellText as exactText,
  errorCellMessage,
  excelErrorOf,
  idPrecisionLost,
  MAX_CELL_CHARS,
  precisionLostMessage,
  tooLongMessage,
} from "../values/cellText";
import type { GradeLevel, Settings } from "../settings";
import { QUARTERS_PER_YEAR } from "./rules";

export type Quarter = 1 | 2 | 3 | 4;

/** One person's inputs to the bonus sheet. null = blank (to be filled in on the sheet). */
export interface BonusPerson {
  readonly name: string;
  readonly id?: string;
  readonly department?: string;
  readonly standardPay: number | null;
  readonly bonusRatio: number | null;
  /** Quarter grades, index 0 = Q1; always four entries; null = not graded. */
  readonly grades: readonly (string | null)[];
  readonly yellowCards: number | null;
  readonly redCards: number | null;
  /** What was wrong with this person's input, to show beside them (备注). */
  readonly remarks: readonly Text[];
}

export interface BonusPeopleRead {
  readonly people: readonly BonusPerson[];
  /** Non-empty rows below the header: each is a person or is reported as left out. */
  readonly rowsRead: number;
  /** Every problem, with row and column where there is one. */
  readonly problems: readonly Problem[];
  /**
   * True when the table cannot be used at all (no header with a name column, no rows); the
   * problem that says why carries the reason code UNUSABLE_PEOPLE.
   */
  readonly fatal: boolean;
}

/** Reason code of the problem that makes a read of people unusable (params.because says which case). */
export const UNUSABLE_PEOPLE = "bonusPeople.unusable";

function unusable(because: string): { reason: { code: string; params: { because: string } } } {
  return { reason: { code: UNUSABLE_PEOPLE, params: { because } } };
}

type Field = "name" | "id" | "department" | "standardPay" | "bonusRatio" | "yellowCards" | "redCards";

const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  name: ["姓名", "名字", "员工姓名", "人员", "员工", "name", "employee", "full name", "staff", "employee name"],
  id: ["工号", "员工编号", "编号", "id", "employee id", "staff id", "emp id", "no.", "no"],
  department: ["部门", "所属部门", "科室", "department", "dept", "team"],
  standardPay: [
    "岗位标准绩效",
    "标准绩效",
    "岗位绩效",
    "岗位绩效标准",
    "standard performance pay",
    "standard pay",
    "performance pay",
    "standard bonus",
  ],
  bonusRatio: ["考核奖金比例", "奖金比例", "绩效奖金比例", "考核比例", "bonus ratio", "bonus rate", "ratio"],
  yellowCards: ["黄牌", "黄牌数", "黄牌数量", "yellow cards", "yellow card", "yellow"],
  redCards: ["红牌", "红牌数", "红牌数量", "red cards", "red card", "red"],
};

export const FIELD_LABELS: Readonly<Record<Field, Text>> = {
  name: text("姓名", "Name"),
  id: text("工号", "ID"),
  department: text("部门", "Department"),
  standardPay: text("岗位标准绩效", "Standard pay"),
  bonusRatio: text("考核奖金比例", "Bonus ratio"),
  yellowCards: text("黄牌", "Yellow cards"),
  redCards: text("红牌", "Red cards"),
};

/** A ratio above this is almost surely a percentage typed without its % sign (30 for 30%). */
export const MAX_BONUS_RATIO = 10;

const ZH_DIGITS: Readonly<Record<string, number>> = { "1": 1, "2": 2, "3": 3, "4": 4, 一: 1, 二: 2, 三: 3, 四: 4 };

const QUARTER_HEADERS: readonly RegExp[] = [
  /^(?:(\d{4})年?[-/]?)?第?([1-4一二三四])季度?(?:考核)?(?:等级|评级|成绩)?$/,
  /^(?:(\d{4})[-/]?)?q([1-4])(?:等级|评级|grade|rating)?$/,
  /^(?:grade|rating)(?:(\d{4})[-/]?)?q([1-4])$/,
  /^(?:(\d{4}))?quarter([1-4])(?:grade|rating)?$/,
];

function headerKey(h: string): string {
  return normalizeText(h)
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]$/u, "")
    .trim();
}

function fieldOf(header: unknown): Field | null {
  if (typeof header !== "string") return null;
  const h = headerKey(header);
  for (const f of Object.keys(HEADERS) as Field[]) if (HEADERS[f].includes(h)) return f;
  return null;
}

/** The quarter a header names ("Q3", "第三季度等级", "2026-Q3"), and the year if it says one. */
export function quarterOfHeader(header: unknown): { quarter: Quarter; year: number | null } | null {
  if (typeof header !== "string") return null;
  const h = headerKey(header).replace(/\s+/g, "");
  for (const re of QUARTER_HEADERS) {
    const m = re.exec(h);
    if (m) return { quarter: ZH_DIGITS[m[2]] as Quarter, year: m[1] ? Number(m[1]) : null };
  }
  return null;
}

function gradeKey(code: string): string {
  return normalizeText(code).toLowerCase();
}

/**
 * Reads a quarter grade: blank → null; a code of the coefficient table (any case) → that code
 * as the table writes it; a grade word of 第九条's pairing (考核参数, settings.bonus.levels:
 * 优秀/良好 → A, 一般 → B, 合格 → C, 差/不合格 → D) → its level, with `countedAs` saying so — a
 * hundred-point form's 不合格 is then a failed quarter; anything else → a problem.
 *
 * @example
 * readGrade("b", settings)     // → { grade: "B" }
 * readGrade("不合格", settings) // → { grade: "D", countedAs: { word: "不合格", level: "D" } }
 */
export function readGrade(
  value: unknown,
  settings: Settings,
): { grade: string | null; reason?: Text; countedAs?: GradeLevel } {
  if (isBlank(value)) return { grade: null };
  const known = Object.keys(settings.bonus.coefficients);
  const words = settings.bonus.levels.map((l) => l.word);
  const expected = [...known, ...words.filter((w) => !known.some((k) => gradeKey(k) === gradeKey(w)))].join("/");
  if (typeof value !== "string") {
    const d = describeValue(value);
    return {
      grade: null,
      reason: text(`等级是${d.zh}，应为 ${expected} 之一`, `the grade is ${d.en}; expected one of ${expected}`),
    };
  }
  const code = known.find((k) => gradeKey(k) === gradeKey(value));
  if (code !== undefined) return { grade: code };
  const level = settings.bonus.levels.find((l) => gradeKey(l.word) === gradeKey(value));
  const levelCode = level && known.find((k) => gradeKey(k) === gradeKey(level.level));
  if (level && levelCode !== undefined) return { grade: levelCode, countedAs: level };
  return {
    grade: null,
    reason: text(
      `等级“${normalizeText(value)}”不在季度系数表或等级对应表中（${expected}）`,
      `grade "${normalizeText(value)}" is in neither the quarter coefficient table nor the grade pairing (${expected})`,
    ),
  };
}

/** The remark that says a quarter's grade word was counted as its level (第九条). */
export function countedAsRemark(quarter: Quarter, level: GradeLevel): Text {
  return text(
    `第 ${quarter} 季度：${level.word} 按第九条计为 ${level.level}`,
    `Q${quarter}: ${level.word} counts as ${level.level} (Article 9)`,
  );
}

/** A card count: blank → null (none); a whole number ≥ 0 → itself; anything else → a problem. */
export function readCount(value: unknown, what: Text): { count: number | null; reason?: Text } {
  const n = toNumber(value, what);
  if (!n.ok) return { count: null, reason: n.problem.message };
  if (n.value === null) return { count: null };
  if (!Number.isInteger(n.value) || n.value < 0) {
    return {
      count: null,
      reason: text(
        `${what.zh}必须是不小于 0 的整数（现为 ${formatNumber(n.value)}）`,
        `${what.en} must be a whole number ≥ 0 (got ${formatNumber(n.value)})`,
      ),
    };
  }
  return { count: n.value };
}

/** An amount ≥ 0 (岗位标准绩效) or a ratio ≥ 0 (考核奖金比例, ≤ MAX_BONUS_RATIO). */
export function readAmount(value: unknown, what: Text, ratio = false): { value: number | null; reason?: Text } {
  const n = toNumber(value, what);
  if (!n.ok) return { value: null, reason: n.problem.message };
  if (n.value === null) return { value: null, reason: text(`${what.zh}为空`, `${what.en} is blank`) };
  if (n.value < 0)
    return {
      value: null,
      reason: text(
        `${what.zh}不能为负数（现为 ${formatNumber(n.value)}）`,
        `${what.en} cannot be negative (got ${formatNumber(n.value)})`,
      ),
    };
  if (ratio && n.value > MAX_BONUS_RATIO) {
    return {
      value: null,
      reason: text(
        `${what.zh} ${formatNumber(n.value)} 超过 ${MAX_BONUS_RATIO * 100}%：如果是 ${formatNumber(n.value)}%，请写成 ${formatNumber(n.value)}% 或 ${formatNumber(n.value / 100)}`,
        `${what.en} ${formatNumber(n.value)} is above ${MAX_BONUS_RATIO * 100}%: for ${formatNumber(n.value)}%, write ${formatNumber(n.value)}% or ${formatNumber(n.value / 100)}`,
      ),
    };
  }
  return { value: n.value };
}

/** A cell's text as the user typed it (trimmed); numbers in plain digits, never rounded. */
function cellText(v: unknown): string {
  if (isBlank(v)) return "";
  return exactText(v);
}

/** The key people are matched by: 工号 when there is one, else 姓名 (full-width forms and case ignored). */
export function personKey(p: { readonly id?: string | null; readonly name: string }): string {
  return p.id ? `id:${normalizeText(p.id).toLowerCase()}` : `name:${normalizeText(p.name)}`;
}

/**
 * Reads the people of a bonus table. `firstRow` is the sheet row of `rows[0]` (for messages);
 * the first non-blank row is the header. `year` lets a header such as "2025-Q4" be reported
 * as belonging to another year.
 *
 * @example
 * readBonusTable([["姓名", "部门", "岗位标准绩效", "考核奖金比例", "Q1", "Q2", "黄牌", "红牌"],
 *                 ["张三", "售后一部", 60000, "30%", "A", "B", null, 1]], { year: 2026 })
 *   // → people [{ name: "张三", department: "售后一部", standardPay: 60000, bonusRatio: 0.3,
 *   //             grades: ["A", "B", null, null], yellowCards: null, redCards: 1 }]
 */
export function readBonusTable(
  rows: readonly (readonly unknown[])[],
  options: { readonly year: number; readonly firstRow?: number; readonly settings: Settings },
): BonusPeopleRead {
  const firstRow = options.firstRow ?? 1;
  const problems: Problem[] = [];
  const headerIndex = rows.findIndex((r) => r.some((c) => !isBlank(c)));
  if (headerIndex < 0)
    return {
      people: [],
      rowsRead: 0,
      problems: [problem("na", text("表格是空的", "the table is empty"), unusable("emptyTable"))],
      fatal: true,
    };
  const header = rows[headerIndex];
  const headerRow = firstRow + headerIndex;
  const columns: Partial<Record<Field, number>> = {};
  const quarterColumns: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  header.forEach((cell, i) => {
    const f = fieldOf(cell);
    if (f) {
      if (columns[f] === undefined) columns[f] = i;
      return;
    }
    const q = quarterOfHeader(cell);
    if (!q) return;
    const label = cellText(cell);
    if (q.year !== null && q.year !== options.year) {
      problems.push(
        problem(
          "value",
          text(
            `“${label}”列是 ${q.year} 年的等级，不是 ${options.year} 年的，未使用`,
            `column "${label}" holds ${q.year} grades, not ${options.year}; it was not used`,
          ),
          { row: headerRow, column: label },
        ),
      );
      return;
    }
    if (quarterColumns[q.quarter - 1] === undefined) quarterColumns[q.quarter - 1] = i;
    else
      problems.push(
        problem(
          "value",
          text(
            `第 ${q.quarter} 季度等级列重复，只用第一列`,
            `quarter ${q.quarter} has two grade columns; the first one is used`,
          ),
          { row: headerRow, column: label },
        ),
      );
  });
  if (columns.name === undefined) {
    problems.push(
      problem(
        "value",
        text("表头中没有“姓名”列（可写：姓名 / Name）", "the header row has no name column (write 姓名 or Name)"),
        { row: headerRow, ...unusable("noNameColumn") },
      ),
    );
    return {
      people: [],
      rowsRead: rows.slice(headerIndex + 1).filter((r) => r.some((c) => !isBlank(c))).length,
      problems,
      fatal: true,
    };
  }
  const headerLabel = (i: number | undefined, fallback: Text): string =>
    i === undefined ? fallback.zh : cellText(header[i]) || fallback.zh;
  for (const f of ["standardPay", "bonusRatio", "yellowCards", "redCards"] as const) {
    if (columns[f] === undefined) {
      problems.push(
        problem(
          "na",
          text(
            `没有找到“${FIELD_LABELS[f].zh}”列：奖金表中该列留空，请在表中填写`,
            `no "${FIELD_LABELS[f].en}" column was found: the bonus sheet leaves it blank for you to fill in`,
          ),
          { row: headerRow },
        ),
      );
    }
  }
  if (quarterColumns.every((c) => c === undefined)) {
    problems.push(
      problem(
        "na",
        text(
          "没有找到季度等级列（如 Q1、第一季度等级）：等级留空，请在表中填写",
          "no quarter grade columns (such as Q1 or 第一季度等级) were found: grades are left blank to fill in",
        ),
        { row: headerRow },
      ),
    );
  }

  const people: BonusPerson[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    const rowNo = firstRow + i;
    if (row.every((c) => isBlank(c))) continue;
    rowsRead++;
    const get = (f: Field): unknown => (columns[f] === undefined ? null : row[columns[f] as number]);
    const nameColumn = headerLabel(columns.name, FIELD_LABELS.name);
    const nameError = excelErrorOf(get("name"));
    const rawName = get("name");
    if (nameError || (typeof rawName === "string" && rawName.length > MAX_CELL_CHARS)) {
      problems.push(
        problem(
          "value",
          text(
            `${(nameError ? errorCellMessage(FIELD_LABELS.name, nameError) : tooLongMessage(FIELD_LABELS.name, (rawName as string).length)).zh}，这一行已跳过`,
            `${(nameError ? errorCellMessage(FIELD_LABELS.name, nameError) : tooLongMessage(FIELD_LABELS.name, (rawName as string).length)).en}; the row was left out`,
          ),
          { row: rowNo, column: nameColumn },
        ),
      );
      continue;
    }
    const name = cellText(rawName);
    if (!name) {
      problems.push(
        problem("value", text("这一行没有姓名，已跳过", "this row has no name and was left out"), {
          row: rowNo,
          column: headerLabel(columns.name, FIELD_LABELS.name),
        }),
      );
      continue;
    }
    // An ID Excel could not hold (16+ digits as a number) or an error is not used to tell people apart.
    const rawId = get("id");
    const idError = excelErrorOf(rawId);
    const idLost = idPrecisionLost(rawId);
    const id = idError || idLost ? "" : cellText(rawId);
    if (idError || idLost) {
      problems.push(
        problem(
          "value",
          text(
            `${(idError ? errorCellMessage(FIELD_LABELS.id, idError) : precisionLostMessage(FIELD_LABELS.id, cellText(rawId))).zh}；按姓名识别此人`,
            `${(idError ? errorCellMessage(FIELD_LABELS.id, idError) : precisionLostMessage(FIELD_LABELS.id, cellText(rawId))).en}; the person is matched by name`,
          ),
          { row: rowNo, column: headerLabel(columns.id, FIELD_LABELS.id) },
        ),
      );
    }
    const key = personKey({ id, name });
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        problem(
          "value",
          text(`${name} 与第 ${earlier} 行重复，已跳过`, `${name} repeats row ${earlier} and was left out`),
          { row: rowNo, column: headerLabel(columns.name, FIELD_LABELS.name) },
        ),
      );
      continue;
    }
    seen.set(key, rowNo);
    // Problems are reported left to right, as the user reads the row.
    const notes: { at: number; column: string; reason: Text }[] = [];
    const note = (at: number, column: string, reason: Text): void => {
      notes.push({ at, column, reason });
    };
    const amount = (f: "standardPay" | "bonusRatio"): number | null => {
      if (columns[f] === undefined) return null;
      const r = readAmount(get(f), FIELD_LABELS[f], f === "bonusRatio");
      if (r.reason) note(columns[f] as number, headerLabel(columns[f], FIELD_LABELS[f]), r.reason);
      return r.value;
    };
    const count = (f: "yellowCards" | "redCards"): number | null => {
      const r = readCount(get(f), FIELD_LABELS[f]);
      if (r.reason) note(columns[f] as number, headerLabel(columns[f], FIELD_LABELS[f]), r.reason);
      return r.count;
    };
    const counted: Text[] = [];
    const grades = quarterColumns.map((c, q) => {
      if (c === undefined) return null;
      const g = readGrade(row[c], options.settings);
      if (g.reason) note(c, cellText(header[c]), g.reason);
      if (g.countedAs) counted.push(countedAsRemark((q + 1) as Quarter, g.countedAs));
      return g.grade;
    });
    const department = cellText(get("department"));
    const standardPay = amount("standardPay");
    const bonusRatio = amount("bonusRatio");
    const yellowCards = count("yellowCards");
    const redCards = count("redCards");
    notes.sort((a, b) => a.at - b.at);
    for (const n of notes) problems.push(problem("value", n.reason, { row: rowNo, column: n.column }));
    people.push({
      name,
      ...(id ? { id } : {}),
      ...(department ? { department } : {}),
      standardPay,
      bonusRatio,
      grades,
      yellowCards,
      redCards,
      // The reason names its field already ("岗位标准绩效为空") unless it is a quarter grade.
      remarks: [
        ...notes.map((n) =>
          quarterColumns.includes(n.at) ? text(`${n.column}：${n.reason.zh}`, `${n.column}: ${n.reason.en}`) : n.reason,
        ),
        ...counted,
      ],
    });
  }
  if (people.length === 0)
    problems.push(problem("na", text("表格中没有人员", "the table lists nobody"), unusable("nobody")));
  return { people, rowsRead, problems, fatal: people.length === 0 };
}

/** The four quarters (a calendar fact), as the type. */
export const QUARTERS: readonly Quarter[] = Array.from({ length: QUARTERS_PER_YEAR }, (_, i) => (i + 1) as Quarter);
