import { evaluateFormula, mathjsEvaluate, spreadsheetRound, toExcelFormula, type FormulaValues } from "./index";
import { checkedBonusFormula } from "./testing/checked";

const REFS: Record<string, string> = {
  annual: "$G9",
  standardPay: "$E9",
  bonusRatio: "$F9",
  coefficient: "$N9",
  grade: "$K9",
  quarter: "$E$3",
  yellowCards: "$L9",
  redCards: "$M9",
  failedQuarters: "$O9",
  quarterRate: "SVC_Bonus_QuarterRate",
  yearEndRate: "SVC_Bonus_YearEndRate",
};

function excel(source: string): string {
  return toExcelFormula(checkedBonusFormula(source), (v) => REFS[v.id]);
}

function value(source: string, values: FormulaValues): unknown {
  const r = evaluateFormula(checkedBonusFormula(source), values);
  return r.ok ? r.value : r.error;
}

describe("parseFormula + toExcelFormula", () => {
  test.each([
    ["全年绩效 * 0.235 * 系数", "$G9*0.235*$N9"],
    ['if(等级 == "D", 0, 全年绩效 * 0.235 * 系数)', 'IF($K9="D",0,$G9*0.235*$N9)'],
    ['if(等级 != "D", 全年绩效 * 季度比例 * 系数, 0)', 'IF($K9<>"D",$G9*SVC_Bonus_QuarterRate*$N9,0)'],
    ["annual * 23.5% * coefficient", "$G9*23.5%*$N9"],
    ["round(全年绩效 * 0.235, 2)", "ROUND($G9*0.235,2)"],
    ["round(全年绩效)", "(ROUND($G9/10,1)*10)"],
    ["黄牌 / round(全年绩效 + 1, 0) ^ 2", "$L9/(ROUND(($G9+1)/10,1)*10)^2"],
    ["min(全年绩效 * 0.3, 5000) + max(黄牌, 红牌) - abs(-2)", "MIN($G9*0.3,5000)+MAX($L9,$M9)-ABS(-2)"],
    ["if(黄牌 >= 2, 0, if(红牌 >= 1, 0, 全年绩效 * 年终比例))", "IF($L9>=2,0,IF($M9>=1,0,$G9*SVC_Bonus_YearEndRate))"],
    ["岗位标准绩效 * 考核奖金比例 / 4 * 季度", "$E9*$F9/4*$E$3"],
    ["if(不合格季度数 <= 1, 全年绩效 * 0.06, 0)", "IF($O9<=1,$G9*0.06,0)"],
  ])("%s → %s", (source, expected) => {
    expect(excel(source)).toBe(expected);
  });

  test("adds the parentheses Excel needs where its precedence differs from mathjs's", () => {
    // Excel: unary minus binds tighter than ^; mathjs: -x^2 = -(x^2).
    expect(excel("-系数^2")).toBe("-($N9^2)");
    expect(excel("(-系数)^2")).toBe("(-$N9)^2");
    expect(excel("全年绩效 - -黄牌")).toBe("$G9-(-$L9)");
    expect(excel("全年绩效 / (黄牌 * 2)")).toBe("$G9/($L9*2)");
    expect(excel("(系数^2)^3")).toBe("($N9^2)^3");
    expect(excel("1.5e-7 * 全年绩效")).toBe("1.5E-7*$G9");
  });

  test("maps what Chinese keyboards type and IF/ROUND in capitals", () => {
    const f = checkedBonusFormula("IF（等级＝＝“D”，0，全年绩效×０.２３５÷1）");
    expect(f.normalized).toBe('if(等级=="D",0,全年绩效*0.235/1)');
    expect(toExcelFormula(f, (v) => REFS[v.id])).toBe('IF($K9="D",0,$G9*0.235/1)');
    expect(excel("ROUND(全年绩效, 2)")).toBe("ROUND($G9,2)");
  });

  test("lists the variables a formula uses, in the language's order", () => {
    expect(checkedBonusFormula("系数 * 全年绩效 + 黄牌").variables.map((v) => v.id)).toEqual([
      "annual",
      "coefficient",
      "yellowCards",
    ]);
  });
});

describe("evaluateFormula", () => {
  test("computes with mathjs and Excel's rules", () => {
    expect(value("全年绩效 * 0.235 * 系数", { annual: 18000, coefficient: 1.2 })).toBeCloseTo(5076, 9);
    expect(value('if(等级 == "D", 0, 全年绩效 * 0.235)', { annual: 18000, grade: "d" })).toBe(0);
    expect(value('if(等级 == "D", 0, 全年绩效 * 0.235)', { annual: 18000, grade: "A" })).toBeCloseTo(4230, 9);
    expect(value("23.5% * 100", {})).toBeCloseTo(23.5, 12);
    expect(value("2^10", {})).toBe(1024);
    expect(value("-2^2", {})).toBe(-4);
  });

  test("a blank number is 0 and a blank grade is empty text, as blank cells are", () => {
    expect(value("全年绩效 + 黄牌", { annual: 100, yellowCards: null })).toBe(100);
    expect(value('if(等级 == "D", 1, 2)', { grade: null })).toBe(2);
  });

  test("division by zero is #DIV/0!, overflow is #NUM!, and if() only evaluates its branch", () => {
    expect(value("全年绩效 / 黄牌", { annual: 100, yellowCards: 0 })).toBe("#DIV/0!");
    expect(value("min(全年绩效 / 黄牌, 5)", { annual: 100, yellowCards: 0 })).toBe("#DIV/0!");
    expect(value("if(黄牌 == 0, 0, 全年绩效 / 黄牌)", { annual: 100, yellowCards: 0 })).toBe(0);
    expect(value("if(全年绩效 / 黄牌 > 1, 1, 2)", { annual: 100, yellowCards: 0 })).toBe("#DIV/0!");
    expect(value("((全年绩效^10)^10)^10", { annual: 1e6 })).toBe("#NUM!");
  });

  test("round() reads the value at 15 significant digits first, like Excel and LibreOffice", () => {
    expect(1.15 * 3).toBe(3.4499999999999997);
    expect(value("round(1.15 * 3, 1)", {})).toBe(3.5);
    expect(value("round(1.005, 2)", {})).toBe(1.01);
    expect(value("round(-2.5)", {})).toBe(-3);
    expect(spreadsheetRound(2.675, 2)).toBe(2.68);
  });

  test("equals mathjs's own node.compile().evaluate() in the locked instance", () => {
    const f = checkedBonusFormula('if(等级 == "D", 0, round(全年绩效 * 23.5% * 系数, 2)) + max(黄牌, 1) ^ 2');
    const scope = new Map<string, number | string>([
      ["等级", "B"],
      ["全年绩效", 18000.37],
      ["系数", 1.2],
      ["黄牌", 3],
    ]);
    expect(evaluateFormula(f, { grade: "B", annual: 18000.37, coefficient: 1.2, yellowCards: 3 })).toEqual({
      ok: true,
      value: mathjsEvaluate(f.node, scope, f.constants),
    });
  });
});
