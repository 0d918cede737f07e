import { DEFAULT_SETTINGS } from "../../../core/settings";
import { SAFETY_WEIGHTED } from "../../../core/audit6s/engine";
import { audit6sPlan, audit6sSummaryPlan, readAudits } from "../../../sheets/audit6s";
import { settingsPlan } from "../../../sheets/settings";
import { BrowserHost } from "../../host/BrowserHost";
import {
  addArea,
  addItem,
  chosenAreas,
  initialForm,
  itemShown,
  monthCode,
  removeArea,
  removeItem,
  resetChecklist,
  setItemText,
  setWeight,
  setWeightsMode,
  toggleCritical,
  togglePreset,
  validateAuditForm,
  type AuditForm,
} from "./auditForm";

const TODAY = new Date(2026, 10, 20, 15, 0);

describe("6S pane form", () => {
  test("starts with 维修车间 ticked, today's date, the 0–5 scale, settings weights and the 20 policy items", () => {
    const f = initialForm(TODAY);
    expect(chosenAreas(f, "zh-CN")).toEqual(["维修车间"]);
    expect(chosenAreas(f, "en-US")).toEqual(["Workshop"]);
    expect(f.date).toBe("2026-11-20");
    const { options } = validateAuditForm(f, "zh-CN");
    expect(options).toMatchObject({ areas: ["维修车间"], date: 46346, scale: "0-5", weights: "settings" });
    expect(options!.checklist).toHaveLength(20);
  });

  test("areas: presets and typed ones, duplicates and blanks refused with the reason", () => {
    let f = togglePreset(initialForm(TODAY), 1);
    const added = addArea(f, "  洗车区 ", "zh-CN");
    expect(added.error).toBeNull();
    f = added.form;
    expect(chosenAreas(f, "zh-CN")).toEqual(["维修车间", "备件库", "洗车区"]);
    expect(addArea(f, "维修车间", "zh-CN").error?.zh).toMatch(/重复/);
    expect(addArea(f, "   ", "zh-CN").error?.en).toBe("Type an area name");
    f = removeArea(f, 0);
    f = togglePreset(togglePreset(f, 0), 1);
    const none = validateAuditForm(f, "zh-CN");
    expect(none.options).toBeNull();
    expect(none.errors.areas?.en).toBe("choose or type at least one area to audit");
  });

  test("checklist editing: default items follow the language until edited; add, remove, critical, reset", () => {
    let f = initialForm(TODAY);
    const first = f.items[0];
    expect(itemShown(first, "en-US")).toBe("Items sorted sensibly, no unneeded clutter");
    f = setItemText(f, first.id, "=工具定置");
    expect(itemShown(f.items[0], "en-US")).toBe("=工具定置");
    f = toggleCritical(f, f.items[15].id);
    f = addItem(f, 2);
    const added = f.items.find((it) => it.text === "" && it.preset === null)!;
    // A new item goes at the end of its S.
    expect(f.items.indexOf(added)).toBe(9);
    expect(validateAuditForm(f, "zh-CN").errors.items?.zh).toBe("清扫第 4 项没有内容");
    f = setItemText(f, added.id, "洗车区地面无积水");
    f = removeItem(f, f.items[1].id);
    const { options } = validateAuditForm(f, "zh-CN");
    expect(options!.checklist).toHaveLength(20);
    expect(options!.checklist[0]).toEqual({ s: 0, text: "=工具定置", critical: false });
    expect(options!.checklist.filter((c) => c.critical)).toHaveLength(1);
    const reset = resetChecklist(f);
    expect(reset.items.map((i) => i.preset?.zh)).toEqual(initialForm(TODAY).items.map((i) => i.preset?.zh));
    expect(new Set(reset.items.map((i) => i.id)).size).toBe(20);
    expect(reset.items.some((i) => f.items.some((j) => j.id === i.id))).toBe(false);
  });

  test("weights: settings, the safety preset, or six custom values validated", () => {
    let f: AuditForm = setWeightsMode(initialForm(TODAY), "safety");
    expect(validateAuditForm(f, "zh-CN").options!.weights).toEqual(SAFETY_WEIGHTED);
    f = setWeightsMode(f, "custom");
    f = setWeight(f, 5, "30%");
    f = setWeight(f, 0, "14%");
    expect(validateAuditForm(f, "zh-CN").options!.weights).toEqual([0.14, 1, 1, 1, 1, 0.3]);
    f = setWeight(f, 2, "-1");
    expect(validateAuditForm(f, "en-US").errors.weights?.en).toMatch(/weight 3 is negative/);
    f = setWeight(f, 2, "");
    expect(validateAuditForm(f, "en-US").errors.weights?.en).toMatch(/blank/);
  });

  test("dates and months as people type them", () => {
    expect(validateAuditForm({ ...initialForm(TODAY), date: "" }, "zh-CN").errors.date).toBeDefined();
    expect(validateAuditForm({ ...initialForm(TODAY), date: "2026年11月5日" }, "zh-CN").options!.date).toBe(46331);
    expect(monthCode("2026-11")).toBe(202611);
    expect(monthCode("2026年3月")).toBe(202603);
    expect(monthCode("2026-Q4")).toBeNull();
  });
});

describe("6S pane flow in browser mode (BrowserHost over a real .xlsx workbook)", () => {
  test("generate an audit, read it back with host.readRange by marker, and add the summary", async () => {
    const saved: string[] = [];
    const host = new BrowserHost({ saveFile: (_b, name) => saved.push(name), now: () => TODAY });
    const { options } = validateAuditForm(togglePreset(initialForm(TODAY), 1), "zh-CN");
    const audit = audit6sPlan({
      ...options!,
      settings: DEFAULT_SETTINGS,
      locale: "zh-CN",
      entries: [[{ score: 1, owner: "张三", due: 46340, status: "open" }]],
    });
    if (!audit.ok) throw new Error(audit.problem.message.en);
    await host.write({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), audit.value.plan] });
    const found = await host.findPlans();
    const { audits, problems } = await readAudits(found, (reqs) => host.readRanges(reqs), DEFAULT_SETTINGS);
    expect(problems).toEqual([]);
    expect(audits[0].areas.map((a) => a.record.area)).toEqual(["维修车间", "备件库"]);
    expect(audits[0].areas[0].record.items[0]).toMatchObject({
      score: 1,
      owner: "张三",
      due: 46340,
      status: "未整改",
      needsAction: true,
    });
    const summary = audit6sSummaryPlan({
      audits,
      month: 202611,
      asOf: 46346,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
    });
    if (!summary.ok) throw new Error(summary.problem.message.en);
    expect(summary.value.summary.open[0].overdueDays).toBe(6);
    const report = await host.write({ sheets: [summary.value.plan] });
    expect(report.sheets[0].actual).toBe("6S汇总 2026-11");
    expect(saved).toHaveLength(2);
    await expect(host.readRange("没有这张表", "A1:B2")).rejects.toMatchObject({ problem: { kind: "na" } });
  });
});
