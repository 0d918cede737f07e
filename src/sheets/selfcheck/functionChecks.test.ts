import { SVC_FUNCTION_NAMES, evaluateSvc } from "../../../test/support/evaluateSvc";
import { matchesExpected } from "./compare";
import { functionChecks } from "./functionChecks";

describe("the custom-function checks of the self-check", () => {
  const checks = functionChecks();

  test("the engine's values are the README's", () => {
    expect(checks.map((c) => [c.formula, c.expect])).toEqual([
      ['=SVC.WEIGHTED({4,"",5},{60%,20%,20%})', 4.25],
      ["=SVC.WEIGHTED({4,5,3,4,5},{1,1,1,1})", { error: "#VALUE!" }],
      ["=SVC.GRADE(4.95)", "B"],
      ["=SVC.GRADE(4.9999999999)", "A"],
      ['=SVC.GRADELABEL(85,"zh")', "良好"],
      ["=SVC.KPISCORE(81%,90%)", expect.closeTo(4.5, 12)],
      ["=SVC.KPISCORE(6%,3%,TRUE)", 2.5],
      ['=SVC.SLAHOURS("车身",120,"否")', 12],
      ['=SVC.SLADEADLINE("2026-10-05 08:30","车身",80,"否")', expect.closeTo(46301.354166667, 8)],
      ['=SVC.SLAMET("2026-10-05 08:30","底盘发动机","","否","2026-10-05 20:30","","2026-10-06 00:00")', true],
      ['=SVC.QUARTERBONUS(18000,"A")', 4230],
      ["=SVC.YEARENDBONUS(18000,1,1,0)", 1080],
      ['=SVC.AUDITSCORE({5,4,"N/A",3},5)', 80],
    ]);
  });

  test("each equals what the add-in's function returns for Excel's arguments", () => {
    for (const c of checks)
      expect([c.formula, matchesExpected(c.expect, evaluateSvc(c.formula))]).toEqual([c.formula, true]);
  });

  test("every SVC function is checked", () => {
    const called = new Set(checks.map((c) => /^=(SVC\.[A-Z]+)\(/.exec(c.formula)![1]));
    expect(SVC_FUNCTION_NAMES.filter((f) => !called.has(f))).toEqual([]);
  });
});
