import { text } from "../../src/core/i18n/text";
import { fail, ok } from "../../src/core/problem";
import { expectOk, expectProblem } from "./result";

const refused = fail("value", text("不是数字", "not a number"), { reason: { code: "x.notNumber" } });

describe("expectOk / expectProblem fail the test instead of skipping it", () => {
  test("expectOk passes an ok Result and throws, naming the problem, on a failed one", () => {
    expect(() => expectOk(ok(1))).not.toThrow();
    expect(() => expectOk(refused)).toThrow("expected ok, got: not a number");
  });

  test("expectProblem passes a failed Result and throws on an ok one", () => {
    expect(() => expectProblem(refused)).not.toThrow();
    expect(() => expectProblem(ok({ score: 3 }))).toThrow('expected a problem, got ok: {"score":3}');
  });

  test("expectProblem with a reason code checks the code", () => {
    expect(() => expectProblem(refused, "x.notNumber")).not.toThrow();
    expect(() => expectProblem(refused, "x.other")).toThrow("expected the reason code x.other, got x.notNumber");
    expect(() => expectProblem(fail("na", text("无", "none")), "x.other")).toThrow("got none");
  });
});
