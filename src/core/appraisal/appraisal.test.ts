import fc from "fast-check";
import {
  formColumns,
  HEAD_TEMPLATE,
  parsePeriod,
  periodKey,
  periodLabel,
  readPeople,
  splitPeopleText,
  STAFF_TEMPLATE,
  validateTemplate,
  type AppraisalTemplate,
} from "./index";
import { text } from "../i18n/text";
import { expectProblem } from "../../../test/support/result";

describe("templates", () => {
  it.each([STAFF_TEMPLATE, HEAD_TEMPLATE])("$id is valid and its effective weights total 100%", (tpl) => {
    expect(validateTemplate(tpl).ok).toBe(true);
    const total = formColumns(tpl).reduce((s, c) => s + c.weight, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it("has the policy's structure", () => {
    expect(STAFF_TEMPLATE.groups.map((g) => [g.name.zh, g.weight, g.indicators.length])).toEqual([
      ["工作业绩", 0.6, 11],
      ["工作态度", 0.2, 4],
      ["工作能力", 0.2, 5],
    ]);
    expect(HEAD_TEMPLATE.groups.map((g) => g.weight)).toEqual([0.4, 0.15, 0.15, 0.1, 0.2]);
  });

  it("splits a group's weight by its indicators' weights", () => {
    const tpl: AppraisalTemplate = {
      id: "custom",
      title: text("t", "t"),
      groups: [
        {
          name: text("甲", "A"),
          weight: 0.7,
          indicators: [
            { name: text("x", "x"), weight: 3 },
            { name: text("y", "y"), weight: 1 },
          ],
        },
        { name: text("乙", "B"), weight: 0.3, indicators: [{ name: text("z", "z"), weight: 1 }] },
      ],
    };
    const w = formColumns(tpl).map((c) => c.weight);
    [0.525, 0.175, 0.3].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 12));
  });

  it("says which weights are off when groups do not total 100%", () => {
    const off = {
      ...STAFF_TEMPLATE,
      groups: [{ ...STAFF_TEMPLATE.groups[0], weight: 0.5 }, ...STAFF_TEMPLATE.groups.slice(1)],
    };
    const r = validateTemplate(off);
    expectProblem(r);
    expect(r.problem.message.en).toBe(
      "group weights total 90%, not 100% (Performance 50%, Attitude 20%, Ability 20%): 10% too little",
    );
    expect(r.problem.message.zh).toContain("工作业绩 50%");
  });

  it("refuses empty groups, unnamed indicators, negative and all-zero weights", () => {
    const g = STAFF_TEMPLATE.groups[1];
    const make = (groups: AppraisalTemplate["groups"]): AppraisalTemplate => ({
      ...STAFF_TEMPLATE,
      id: "custom",
      groups,
    });
    expect(validateTemplate(make([])).ok).toBe(false);
    expect(validateTemplate(make([{ ...g, weight: 1, indicators: [] }])).ok).toBe(false);
    expect(validateTemplate(make([{ ...g, weight: 1, indicators: [{ name: text(" ", ""), weight: 1 }] }])).ok).toBe(
      false,
    );
    expect(validateTemplate(make([{ ...g, weight: 1, indicators: [{ name: text("a", "a"), weight: -1 }] }])).ok).toBe(
      false,
    );
    expect(validateTemplate(make([{ ...g, weight: 1, indicators: [{ name: text("a", "a"), weight: 0 }] }])).ok).toBe(
      false,
    );
    expect(
      validateTemplate(
        make([
          { ...g, weight: -0.2 },
          { ...g, weight: 1.2 },
        ]),
      ).ok,
    ).toBe(false);
  });
});

describe("parsePeriod", () => {
  it.each([
    ["2026-Q3", "2026-Q3"],
    ["2026q1", "2026-Q1"],
    ["2026 Q4", "2026-Q4"],
    ["2026年第3季度", "2026-Q3"],
    ["2026年第三季度", "2026-Q3"],
    ["2026-10", "2026-10"],
    ["2026/1", "2026-01"],
    ["2026年10月", "2026-10"],
    [" 2026.7 ", "2026-07"],
  ])("%s → %s", (input, key) => {
    const r = parsePeriod(input);
    expect(r.ok && periodKey(r.value)).toBe(key);
  });

  it.each(["2026-13", "2026-Q5", "26-10", "October", "", "2026-0"])("refuses %p with a message", (input) => {
    const r = parsePeriod(input);
    expectProblem(r);
    expect(r.problem.message.en).toContain(input.trim() === "" ? "period" : input.trim());
  });

  it("labels periods in both languages", () => {
    expect(periodLabel({ year: 2026, quarter: 3 })).toEqual(text("2026年第3季度", "Q3 2026"));
    expect(periodLabel({ year: 2026, month: 10 })).toEqual(text("2026年10月", "October 2026"));
  });

  it("round-trips every month and quarter key", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (y, m, q) => {
          const month = parsePeriod(`${y}-${m}`);
          const quarter = parsePeriod(`${y}-Q${q}`);
          return (
            month.ok &&
            quarter.ok &&
            periodKey(month.value) === `${y}-${String(m).padStart(2, "0")}` &&
            periodKey(quarter.value) === `${y}-Q${q}`
          );
        },
      ),
    );
  });
});

describe("readPeople", () => {
  it("maps header columns in Chinese or English", () => {
    const r = readPeople([
      ["部门", "工号", "姓名"],
      ["售后一部", "S001", "张三"],
      ["", "S002", " 李四 "],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.people).toEqual([
      { name: "张三", id: "S001", department: "售后一部" },
      { name: "李四", id: "S002" },
    ]);
    expect(
      readPeople([
        ["Name", "Dept"],
        ["Wang", "Service"],
      ]).people,
    ).toEqual([{ name: "Wang", department: "Service" }]);
  });

  it("reads a plain list without header as name, department", () => {
    expect(readPeople([["张三", "一部"], ["李四"]]).people).toEqual([
      { name: "张三", department: "一部" },
      { name: "李四" },
    ]);
  });

  it("keeps formula-like names as plain text", () => {
    expect(readPeople([['=HYPERLINK("x")'], ["+1"], ["@SUM(A1)"]]).people.map((p) => p.name)).toEqual([
      '=HYPERLINK("x")',
      "+1",
      "@SUM(A1)",
    ]);
  });

  it("reports rows without a name and repeated people with their row numbers", () => {
    const r = readPeople(
      [
        ["姓名", "部门"],
        ["张三", "一部"],
        ["", "二部"],
        ["张三", "一部"],
        ["张三", "二部"],
      ],
      5,
    );
    expect(r.people.map((p) => `${p.name}/${p.department}`)).toEqual(["张三/一部", "张三/二部"]);
    expect(r.problems.map((p) => p.row)).toEqual([7, 8]);
    expect(r.problems[1].message.en).toBe("repeats row 6 and was skipped");
  });

  it("refuses a header row without a name column", () => {
    const r = readPeople([
      ["部门", "岗位"],
      ["一部", "工程师"],
    ]);
    expect(r.people).toEqual([]);
    expect(r.problems[0].message.zh).toContain("姓名");
  });

  it("splits typed and pasted text", () => {
    expect(splitPeopleText("张三\t一部\r\n李四，二部\n王五")).toEqual([["张三", "一部"], ["李四", "二部"], ["王五"]]);
  });
});
