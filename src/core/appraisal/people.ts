/**
 * The people to appraise, as HR has them: typed one per line, pasted from Excel (tab-separated),
 * or read from a selected range — with or without a header row. Names and other texts stay
 * exactly as given (trimmed); nothing is ever interpreted as a formula here or later.
 */
import { text } from "../i18n/text";
import { problem, type Problem } from "../problem";
import { isBlank } from "../values/blank";
import { normalizeText } from "../values/text";
import { cellText as exactText, errorCellMessage, excelErrorOf } from "../values/cellText";

export interface Person {
  readonly name: string;
  readonly id?: string;
  readonly department?: string;
  readonly position?: string;
}

export interface PeopleReadResult {
  readonly people: readonly Person[];
  /** Non-empty rows below the header (or all non-empty rows without one): each is a person or has a problem. */
  readonly rowsRead: number;
  /** Rows that could not be used and repeated people, with the row number as the user sees it. */
  readonly problems: readonly Problem[];
}

type Field = keyof Person;

/** Header words per field (compared after trimming, case-insensitively). */
const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  name: ["姓名", "名字", "员工姓名", "人员", "员工", "name", "employee", "full name", "staff"],
  id: ["工号", "员工编号", "编号", "id", "employee id", "staff id", "no.", "no"],
  department: ["部门", "所属部门", "科室", "department", "dept", "team"],
  position: ["岗位", "职位", "职务", "position", "title", "role", "job"],
};

function fieldOf(header: unknown): Field | null {
  if (typeof header !== "string") return null;
  const h = normalizeText(header).toLowerCase();
  for (const field of Object.keys(HEADERS) as Field[]) if (HEADERS[field].includes(h)) return field;
  return null;
}

function cellText(v: unknown): string {
  if (isBlank(v)) return "";
  return typeof v === "string" ? normalizeText(v) : exactText(v);
}

/**
 * Reads people from rows of cells. A first row whose cells are header words (姓名 / Name …)
 * maps the columns; otherwise the first column is the name, the second the department.
 * `firstRow` is the sheet row of `rows[0]` for messages.
 *
 * @example
 * readPeople([["姓名", "部门"], ["张三", "售后一部"], ["李四", ""]])
 *   // → people [{ name: "张三", department: "售后一部" }, { name: "李四" }]
 */
export function readPeople(rows: readonly (readonly unknown[])[], firstRow = 1): PeopleReadResult {
  const problems: Problem[] = [];
  const people: Person[] = [];
  let columns: Partial<Record<Field, number>> = { name: 0, department: 1 };
  let start = 0;
  // By index, not by identity: rows may be built anew on each read (a lazy CSV range).
  const headerIndex = rows.findIndex((r) => r.some((c) => !isBlank(c)));
  const header = headerIndex < 0 ? undefined : rows[headerIndex];
  if (header) {
    const mapped: Partial<Record<Field, number>> = {};
    header.forEach((cell, i) => {
      const f = fieldOf(cell);
      if (f && mapped[f] === undefined) mapped[f] = i;
    });
    if (mapped.name !== undefined) {
      columns = mapped;
      start = headerIndex + 1;
    } else if (Object.keys(mapped).length > 0) {
      problems.push(
        problem("value", text("表头中没有“姓名”列", 'the header row has no "Name" column'), {
          row: firstRow + headerIndex,
        }),
      );
      return { people, problems, rowsRead: rows.filter((r) => r.some((c) => !isBlank(c))).length - 1 };
    }
  }
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    const rowNo = firstRow + i;
    if (row.every((c) => isBlank(c))) continue;
    rowsRead++;
    const get = (f: Field): string => (columns[f] === undefined ? "" : cellText(row[columns[f] as number]));
    const error = (Object.keys(columns) as Field[])
      .map((f) => excelErrorOf(row[columns[f] as number]))
      .find((e) => e !== null);
    if (error) {
      problems.push(
        problem(
          "value",
          text(
            `${errorCellMessage(text("", ""), error).zh}，这一行已跳过`,
            `a cell ${errorCellMessage(text("", ""), error).en.trimStart()}; the row was skipped`,
          ),
          { row: rowNo },
        ),
      );
      continue;
    }
    const name = get("name");
    if (!name) {
      problems.push(
        problem("value", text("这一行没有姓名，已跳过", "this row has no name and was skipped"), { row: rowNo }),
      );
      continue;
    }
    const person: Person = {
      name,
      ...(get("id") ? { id: get("id") } : {}),
      ...(get("department") ? { department: get("department") } : {}),
      ...(get("position") ? { position: get("position") } : {}),
    };
    const key = `${person.id ?? ""}\u0000${name}\u0000${person.department ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        problem("value", text(`与第 ${earlier} 行重复，已跳过`, `repeats row ${earlier} and was skipped`), {
          row: rowNo,
          column: name,
        }),
      );
      continue;
    }
    seen.set(key, rowNo);
    people.push(person);
  }
  return { people, problems, rowsRead };
}

/** Splits typed or pasted text into rows: lines, then tabs (Excel paste) or commas/顿号. */
export function splitPeopleText(input: string): string[][] {
  return input
    .split(/\r\n|\n|\r/)
    .map((line) => (line.includes("\t") ? line.split("\t") : line.split(/[,，、;；]/)))
    .map((cells) => cells.map((c) => c.trim()));
}
