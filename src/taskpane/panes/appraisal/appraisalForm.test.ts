import { EMPLOYEE_TEMPLATE, formColumns, HEAD_TEMPLATE, STAFF_TEMPLATE } from "../../../core/appraisal";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import {
  addGroup,
  addIndicator,
  currentQuarter,
  customTemplate,
  initialForm,
  parsePercent,
  removeGroup,
  setGroup,
  setIndicator,
  setShare,
  shareRows,
  validateForm,
  type AppraisalForm,
} from "./appraisalForm";

const now = new Date(2026, 10, 27);

function withPeople(form: AppraisalForm, text = "张三\t售后一部\n李四\t售后二部"): AppraisalForm {
  return { ...form, peopleText: text };
}

describe("appraisal pane model", () => {
  it("starts on the staff template and the current quarter", () => {
    const form = initialForm(now, "zh-CN");
    expect(form.template).toBe("staff");
    expect(form.period).toBe("2026-Q4");
    expect(currentQuarter(new Date(2026, 0, 1))).toBe("2026-Q1");
  });

  it("validates into the options appraisalPlan needs", () => {
    const r = validateForm(withPeople(initialForm(now, "zh-CN")));
    expect(r.errors).toEqual({});
    expect(r.value!.template).toBe(STAFF_TEMPLATE);
    expect(r.value!.period).toEqual({ year: 2026, quarter: 4 });
    expect(r.value!.people).toEqual([
      { name: "张三", department: "售后一部" },
      { name: "李四", department: "售后二部" },
    ]);
    expect(validateForm(withPeople({ ...initialForm(now, "en-US"), template: "head" })).value!.template).toBe(
      HEAD_TEMPLATE,
    );
  });

  it("names each field that is wrong", () => {
    const r = validateForm({ ...initialForm(now, "zh-CN"), period: "2026-13" });
    expect(r.value).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["people", "period"]);
    expect(r.errors.period!.en).toContain("2026-13");
  });

  it("reads people from a selection with a header row and reports unusable rows with sheet row numbers", () => {
    const form: AppraisalForm = {
      ...initialForm(now, "zh-CN"),
      selection: {
        address: "名单!B3:C6",
        firstRow: 3,
        rows: [
          ["姓名", "部门"],
          ["王五", "一部"],
          [null, "二部"],
          ["赵六", null],
        ],
      },
    };
    const r = validateForm(form);
    expect(r.value!.people.map((p) => p.name)).toEqual(["王五", "赵六"]);
    expect(r.peopleProblems.map((p) => p.row)).toEqual([5]);
  });

  it("seeds the custom template from the staff template with weights that validate", () => {
    const form = { ...initialForm(now, "zh-CN"), template: "custom" as const };
    const t = customTemplate(form.custom);
    expect("template" in t).toBe(true);
    if (!("template" in t)) return;
    const cols = formColumns(t.template);
    expect(cols).toHaveLength(20);
    expect(t.template.groups.map((g) => g.name.zh)).toEqual(["工作业绩", "工作态度", "工作能力"]);
    expect(cols.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 3);
  });

  it("says which group is off when the group weights do not total 100%", () => {
    let form: AppraisalForm = { ...initialForm(now, "en-US"), template: "custom" };
    form = setGroup(form, form.custom[0].id, { weight: "50" });
    const r = validateForm(withPeople(form));
    expect(r.errors.template!.en).toMatch(
      /^group weights total 90%, not 100% \(Performance 50%, Attitude 20%, Ability 20%\)/,
    );
  });

  it("says which group's indicators do not total 100%", () => {
    let form: AppraisalForm = { ...initialForm(now, "zh-CN"), template: "custom" };
    const g = form.custom[1];
    form = setIndicator(form, g.id, g.indicators[0].id, { weight: "10" });
    expect(validateForm(withPeople(form)).errors.template!.zh).toBe("指标组“工作态度”内的指标权重合计 85%，应为 100%");
  });

  it("edits groups and indicators", () => {
    let form: AppraisalForm = { ...initialForm(now, "zh-CN"), template: "custom" };
    form = removeGroup(form, form.custom[2].id);
    form = setGroup(form, form.custom[1].id, { weight: "40%" });
    form = addGroup(form);
    const added = form.custom[2];
    form = setGroup(form, added.id, { name: "安全", weight: "0" });
    form = addIndicator(form, added.id);
    form = setIndicator(form, added.id, form.custom[2].indicators[0].id, { name: "安全作业", weight: "50" });
    form = setIndicator(form, added.id, form.custom[2].indicators[1].id, { name: "劳保", weight: "50" });
    const t = customTemplate(form.custom);
    expect("template" in t && t.template.groups.map((g) => [g.name.zh, g.weight, g.indicators.length])).toEqual([
      ["工作业绩", 0.6, 11],
      ["工作态度", 0.4, 4],
      ["安全", 0, 2],
    ]);
  });

  it("refuses a weight that is not a number, naming it", () => {
    let form: AppraisalForm = { ...initialForm(now, "zh-CN"), template: "custom" };
    form = setGroup(form, form.custom[0].id, { weight: "六十" });
    expect(validateForm(withPeople(form)).errors.template!.zh).toBe("“工作业绩”的权重不是数字：六十");
  });

  it("reads percents as typed", () => {
    expect(parsePercent("60")).toBe(0.6);
    expect(parsePercent(" 60 % ")).toBe(0.6);
    expect(parsePercent("９.５％")).toBe(0.095);
    expect(parsePercent("")).toBeNull();
    expect(parsePercent("6O")).toBeNull();
  });

  it("offers the employee template as a third built-in one", () => {
    const r = validateForm(withPeople({ ...initialForm(now, "zh-CN"), template: "employee" }));
    expect(r.value!.template).toBe(EMPLOYEE_TEMPLATE);
  });

  it("forced distribution: shows 考核参数's targets, edits apply to this form, bad entries name the grade", () => {
    const settings = { ...DEFAULT_SETTINGS, distribution: { fivePoint: { A: { atMost: 0.2 } }, hundredPoint: {} } };
    const form = withPeople(initialForm(now, "zh-CN"));
    expect(shareRows(form, settings).map((r) => [r.code, r.max, r.min])).toEqual([
      ["A", "20", ""],
      ["B", "", ""],
      ["C", "", ""],
      ["D", "", ""],
    ]);
    expect(validateForm(form, settings).value!.targets).toEqual({ A: { atMost: 0.2 } });
    const edited = setShare(setShare(form, settings, "A", "max", "15%"), settings, "D", "min", "5");
    expect(validateForm(edited, settings).value!.targets).toEqual({ A: { atMost: 0.15 }, D: { atLeast: 0.05 } });
    // Clearing the settings' target removes it for this form.
    expect(validateForm(setShare(form, settings, "A", "max", ""), settings).value!.targets).toEqual({});
    // The hundred-point scale has its own grades.
    expect(shareRows({ ...form, scale: "hundred" }, settings).map((r) => r.code)).toEqual([
      "优秀",
      "良好",
      "合格",
      "不合格",
    ]);
    const bad = validateForm(setShare(form, settings, "B", "min", "abc"), settings);
    expect(bad.value).toBeNull();
    expect(bad.errors.targets?.zh).toBe("等级 B 的占比“abc”应为 0–100 之间的百分数");
    const order = validateForm(
      setShare(setShare(form, settings, "B", "min", "50"), settings, "B", "max", "10"),
      settings,
    );
    expect(order.errors.targets?.en).toBe("Grade B has its minimum above its maximum");
  });
});
