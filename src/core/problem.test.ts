import { text } from "./i18n/text";
import { describeProblem, problem, problemLocation, ProblemError } from "./problem";

const notADate = text("不是日期", "not a date");

describe("describeProblem: where before what", () => {
  test("row and column", () => {
    expect(describeProblem(problem("value", notADate, { row: 17, column: "报修时间" }))).toEqual(
      text("第 17 行“报修时间”列：不是日期", "row 17, column “报修时间”: not a date"),
    );
  });

  test("a row alone", () => {
    expect(describeProblem(problem("value", notADate, { row: 17 }))).toEqual(
      text("第 17 行：不是日期", "row 17: not a date"),
    );
  });

  // The three formatters this replaced disagreed here: the command line dropped the column.
  test("a column but no row still names the column", () => {
    expect(describeProblem(problem("value", notADate, { column: "报修时间" }))).toEqual(
      text("“报修时间”列：不是日期", "column “报修时间”: not a date"),
    );
  });

  test("no location: just the message", () => {
    expect(describeProblem(problem("na", notADate))).toEqual(notADate);
    expect(problemLocation(problem("na", notADate))).toBeNull();
  });

  test("capitalized, for a line that opens with the location", () => {
    expect(describeProblem(problem("value", notADate, { column: "报修时间" }), { capitalized: true }).en).toBe(
      "Column “报修时间”: not a date",
    );
    expect(problemLocation(problem("value", notADate, { row: 3, column: "X" }), { capitalized: true })).toEqual(
      text("第 3 行“X”列", "Row 3, column “X”"),
    );
  });
});

describe("ProblemError", () => {
  test("carries its problem, the English message and the cause", () => {
    const cause = new Error("underneath");
    const e = new ProblemError(problem("value", notADate, { row: 2 }), { cause });
    expect(e.problem.row).toBe(2);
    expect(e.message).toBe("not a date");
    expect(e.cause).toBe(cause);
    expect(e).toBeInstanceOf(Error);
  });
});
