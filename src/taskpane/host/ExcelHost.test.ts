import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import { settingsFromNames, settingsPlan } from "../../sheets/settings";
import { createFakeExcel, type FakeExcel } from "../../../test/fakes/excel";
import { BrowserHost } from "./BrowserHost";
import { createHost } from "./createHost";
import { problemFromError } from "./errors";
import { ExcelHost, type ExcelRunner } from "./ExcelHost";

/** Excel.run over the in-memory fake: one context per run, like the real thing. */
function hostOver(fake: FakeExcel): { host: ExcelHost; runs: () => number } {
  let runs = 0;
  const run: ExcelRunner = (batch) => {
    runs++;
    return batch(fake.context as Excel.RequestContext);
  };
  return { host: new ExcelHost(run), runs: () => runs };
}

describe("ExcelHost (over the fake Excel object model)", () => {
  test("writes the settings sheet in one Excel.run, then finds it and reads its names back", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    const { host, runs } = hostOver(fake);
    let changes = 0;
    host.subscribe(() => changes++);
    const progress: { done: number; total: number }[] = [];

    const report = await host.write({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] }, (p) => progress.push(p));
    expect(runs()).toBe(1);
    expect(report.sheets).toEqual([{ planned: "考核参数", actual: "考核参数", kind: "settings" }]);
    expect(report.syncs).toBe(fake.syncCount);
    expect(progress.length).toBeGreaterThan(0);
    expect(changes).toBe(1);

    const plans = await host.findPlans();
    expect(plans.map((p) => [p.sheetName, p.marker.kind])).toEqual([["考核参数", "settings"]]);
    const back = settingsFromNames(await host.readNames(Object.values(SETTING_NAMES)));
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(DEFAULT_SETTINGS);
  });

  test("a failed write rejects with the writer's bilingual message and notifies nobody", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    const { host } = hostOver(fake);
    let changes = 0;
    host.subscribe(() => changes++);
    fake.failOnSync(2);
    const error = await host.write({ sheets: [settingsPlan(DEFAULT_SETTINGS, "en-US")] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const p = problemFromError(error);
    expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.message.en).not.toMatch(/^Something unexpected/);
    expect(changes).toBe(0);
    expect((await host.findPlans()).length).toBe(0);
  });

  test("readSelection reads what the user selected", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    const { host } = hostOver(fake);
    await host.write({
      sheets: [
        {
          name: "名单",
          marker: { kind: "problems", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [
            {
              at: "A1",
              rows: [
                ["姓名", "岗位"],
                ["张三", "服务工程师"],
                ["李四", "=不是公式"],
              ],
            },
          ],
        },
      ],
    });
    fake.select("名单", "A2:B3");
    const data = await host.readSelection();
    expect(data.sheetName).toBe("名单");
    expect([data.firstRow, data.firstColumn]).toEqual([2, 1]);
    expect(data.values).toEqual([
      ["张三", "服务工程师"],
      ["李四", "=不是公式"],
    ]);
    const range = await host.readRange("名单", "A1:B2");
    expect(range.values).toEqual([
      ["姓名", "岗位"],
      ["张三", "服务工程师"],
    ]);
  });
});

describe("createHost", () => {
  test("Excel when Office is ready in Excel and the Excel API exists", () => {
    expect(createHost({ kind: "excel", language: "zh-CN", officeDark: false }, true)).toBeInstanceOf(ExcelHost);
  });
  test("browser mode otherwise", () => {
    expect(createHost({ kind: "browser", language: null, officeDark: null }, true)).toBeInstanceOf(BrowserHost);
    expect(createHost({ kind: "excel", language: "zh-CN", officeDark: false }, false)).toBeInstanceOf(BrowserHost);
    expect(createHost({ kind: "browser", language: null, officeDark: null })).toBeInstanceOf(BrowserHost);
  });
});
