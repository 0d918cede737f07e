/**
 * The self-check as the 设置 pane runs it, over the fake Excel through ExcelHost (each host call
 * one Excel.run): the settings decide the scheme, the report comes back, the workbook is left as
 * it was; browser mode and unreadable settings are refused with a message.
 */
import { createFakeExcel, key, type FakeExcel } from "../../../../test/fakes/excel";
import { engineValues } from "../../../../test/support/engineValues";
import { SVC_FUNCTION_NAMES } from "../../../../test/support/evaluateSvc";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { writePlans } from "../../../excel";
import { selfCheckPlan } from "../../../sheets/selfcheck/selfCheckPlan";
import { settingsForGeneration, settingsPlan, SETTINGS_UNREADABLE } from "../../../sheets/settings";
import { BrowserHost, ExcelHost, problemFromError } from "../../host";
import { runSelfCheckFlow } from "./selfCheckFlow";

const hostOver = (fake: FakeExcel) => new ExcelHost((batch) => batch(fake.context as Excel.RequestContext));
const snapshot = (f: FakeExcel) => JSON.stringify(f.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, "");

describe("the self-check from the 设置 pane", () => {
  test("a workbook without settings: defaults and a temporary 考核参数; report ok; workbook as it was", async () => {
    const check = await selfCheckPlan({ locale: "en-US", settings: DEFAULT_SETTINGS, includeSettingsSheet: true });
    const fake = createFakeExcel({ customFunctions: SVC_FUNCTION_NAMES, formulaValue: engineValues(check) });
    const before = snapshot(fake);
    const report = await runSelfCheckFlow(hostOver(fake), "en-US", { pollMs: 0, now: () => new Date(2026, 0, 2) });
    expect(report.settingsGenerated).toBe(true);
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.when).toBe("2026-01-02 00:00");
    expect(report.addinVersion).toBe("dev");
    expect(snapshot(fake)).toBe(before);
  }, 60_000);

  test("browser mode has no Excel to check: a message, not a crash", async () => {
    const e = await runSelfCheckFlow(new BrowserHost(), "zh-CN").catch((x: unknown) => x);
    expect(problemFromError(e).message.zh).toContain("自检需要 Excel");
  });

  test("settings with text where a number belongs: the check, like every generation, is refused", async () => {
    const fake = createFakeExcel();
    await writePlans(fake.context as Excel.RequestContext, { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] });
    const name = fake.state.findName("SVC_SLA_RadiusKm")!;
    name.sheet!.cells.set(key(name.rect!.top, name.rect!.left), { value: "一百公里" });
    const before = snapshot(fake);
    // One after the other: runs on one workbook do not interleave.
    for (const attempt of [
      () => runSelfCheckFlow(hostOver(fake), "zh-CN", { pollMs: 0 }),
      () => settingsForGeneration(hostOver(fake), "zh-CN"),
    ]) {
      const refused = problemFromError(await attempt().catch((x: unknown) => x));
      expect(refused.reason).toEqual({ code: SETTINGS_UNREADABLE, params: { names: "SVC_SLA_RadiusKm" } });
      const message = refused.message;
      expect(message.zh).toMatch(/^“考核参数”中有值无法读取：SVC_SLA_RadiusKm：.*因此未做任何修改/);
      expect(message.zh).not.toContain("已使用默认值");
      expect(message.en).toMatch(
        /^Some values of the Settings sheet \(考核参数\) cannot be read: SVC_SLA_RadiusKm: .*nothing was changed/,
      );
    }
    expect(snapshot(fake)).toBe(before);
  });
});
