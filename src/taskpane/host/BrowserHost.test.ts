import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import type { SheetPlan, WorkbookPlan } from "../../sheets/plan";
import { settingsFromNames, settingsPlan } from "../../sheets/settings";
import { BrowserHost, loadXlsxEngine, type XlsxEngine } from "./BrowserHost";
import { downloadFileName } from "./download";
import { HostProblemError } from "./errors";

const NOW = new Date(2026, 2, 5, 10, 30); // 5 March 2026, local time
const settingsOnly: WorkbookPlan = { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] };

/** A small sheet of another kind: plans without names can be written any number of times. */
function listPlan(name: string): SheetPlan {
  return {
    name,
    marker: { kind: "problems", version: 1, meta: { rows: 2 } },
    markerCell: "Z1",
    cells: [
      {
        at: "A1",
        rows: [
          ["工单号", "问题"],
          ["WO-1", '=HYPERLINK("x")'],
        ],
      },
    ],
  };
}

interface Saved {
  bytes: Uint8Array;
  fileName: string;
}

function makeHost(engine?: () => Promise<XlsxEngine>) {
  const saved: Saved[] = [];
  let loads = 0;
  const host = new BrowserHost({
    loadEngine: () => {
      loads++;
      return (engine ?? loadXlsxEngine)();
    },
    saveFile: (bytes, fileName) => saved.push({ bytes, fileName }),
    now: () => NOW,
  });
  return { host, saved, loads: () => loads };
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(HostProblemError);
    return (err as HostProblemError).problem;
  }
  throw new Error("expected a rejection");
}

describe("BrowserHost", () => {
  test("an empty workbook is read without loading the .xlsx engine", async () => {
    const { host, loads } = makeHost();
    await expect(host.findPlans()).resolves.toEqual([]);
    await expect(host.readNames(["SVC_A", "SVC_B"])).resolves.toEqual({ SVC_A: undefined, SVC_B: undefined });
    expect(loads()).toBe(0);
  });

  test("readSelection rejects with a bilingual 'select in Excel / paste instead' problem", async () => {
    const { host } = makeHost();
    const p = await problemOf(host.readSelection());
    expect(p.kind).toBe("na");
    expect(p.message.en).toMatch(/select the range, or paste the data/);
    expect(p.message.zh).toMatch(/粘贴/);
  });

  test("write adds the sheets, downloads a valid .xlsx and reports progress to the end", async () => {
    const { host, saved } = makeHost();
    const progress: { done: number; total: number }[] = [];
    const report = await host.write(settingsOnly, (p) => progress.push(p));
    expect(report.sheets).toEqual([{ planned: "考核参数", actual: "考核参数", kind: "settings" }]);
    expect(progress[0]).toEqual({ done: 0, total: 2 });
    expect(progress[progress.length - 1]).toEqual({ done: 2, total: 2 });

    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe("考核参数_2026-03-05.xlsx");
    const wb = await readXlsx(saved[0].bytes);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["考核参数"]);
    const names = new Set((wb.definedNames.model as { name: string }[]).map((n) => n.name));
    for (const n of Object.values(SETTING_NAMES)) expect(names).toContain(n);
    expect(host.getState()).toEqual({
      openedFile: null,
      sheetNames: ["考核参数"],
      lastDownload: "考核参数_2026-03-05.xlsx",
    });
  });

  test("what was written is found by its marker and its names read back to the same settings", async () => {
    const { host } = makeHost();
    await host.write(settingsOnly);
    const plans = await host.findPlans();
    expect(plans.map((p) => [p.sheetName, p.marker.kind])).toEqual([["考核参数", "settings"]]);
    const back = settingsFromNames(await host.readNames(Object.values(SETTING_NAMES)));
    expect(back.problems).toEqual([]);
    expect(back.found).toBe(true);
    expect(back.settings).toEqual(DEFAULT_SETTINGS);
  });

  test("writes accumulate in one workbook; a taken name gets '(2)'; concurrent writes do not interleave", async () => {
    const { host, saved } = makeHost();
    const [a, b, c] = await Promise.all([
      host.write(settingsOnly),
      host.write({ sheets: [listPlan("问题清单")] }),
      host.write({ sheets: [listPlan("问题清单")] }),
    ]);
    expect(a.sheets[0].actual).toBe("考核参数");
    expect(b.sheets[0].actual).toBe("问题清单");
    expect(c.sheets[0].actual).toBe("问题清单 (2)");
    expect(saved.map((s) => s.fileName)).toEqual([
      "考核参数_2026-03-05.xlsx",
      "问题清单_2026-03-05.xlsx",
      "问题清单 (2)_2026-03-05.xlsx",
    ]);
    const wb = await readXlsx(saved[2].bytes);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["考核参数", "问题清单", "问题清单 (2)"]);
    expect(wb.getWorksheet("问题清单 (2)")?.getCell("B2").value).toBe('=HYPERLINK("x")');
  });

  test("readRange reads a rectangle of a sheet (text stays text); a missing sheet is a clear problem", async () => {
    const { host, loads } = makeHost();
    const none = await problemOf(host.readRange("问题清单", "A1:B2"));
    expect(none.message.en).toBe(
      "The workbook has no sheet “问题清单”. If it is in another file, open that .xlsx file first.",
    );
    expect(loads()).toBe(0);
    await host.write({ sheets: [listPlan("问题清单")] });
    const data = await host.readRange("问题清单", "A1:C3");
    expect(data).toMatchObject({ sheetName: "问题清单", firstRow: 1, firstColumn: 1 });
    expect(data.values).toEqual([
      ["工单号", "问题", null],
      ["WO-1", '=HYPERLINK("x")', null],
      [null, null, null],
    ]);
    await problemOf(host.readRange("Sheet9", "A1"));
  });

  test("a plan with a chart downloads with it, in a new file and grafted into an opened one (whose parts stay as they were)", async () => {
    const { host, saved } = makeHost();
    const withChart: SheetPlan = {
      ...listPlan("分布"),
      cells: [
        {
          at: "A1",
          rows: [
            ["等级", "人数"],
            ["A", 3],
            ["B", 5],
          ],
        },
      ],
      charts: [
        {
          type: "column",
          title: "等级分布",
          series: [{ name: "人数", values: "B2:B3", categories: "A2:A3" }],
          from: "D2",
          to: "J15",
        },
      ],
    };
    await host.write({ sheets: [withChart] });
    const { unzipSync } = await import("fflate");
    const first = unzipSync(saved[0]!.bytes);
    expect(Object.keys(first)).toContain("xl/charts/chart1.xml");

    const other = makeHost();
    await other.host.openFile({ name: "book.xlsx", bytes: saved[0]!.bytes });
    await other.host.write({ sheets: [{ ...withChart, name: "分布 2" }] });
    await other.host.write({ sheets: [listPlan("问题清单")] });
    const last = unzipSync(other.saved[1]!.bytes);
    expect(
      Object.keys(last)
        .filter((k) => k.startsWith("xl/charts/"))
        .sort(),
    ).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    // The opened file's own sheet and chart parts are carried over as they were.
    for (const part of ["xl/worksheets/sheet1.xml", "xl/charts/chart1.xml", "xl/drawings/drawing1.xml"])
      expect(last[part]).toEqual(first[part]);
    expect(other.host.getState().sheetNames).toEqual(["分布", "分布 2", "问题清单"]);
  });

  test("an opened .xlsm downloads as .xlsm; a workbook whose structure is protected is refused when opened", async () => {
    const { zipSync, unzipSync, strFromU8, strToU8 } = await import("fflate");
    const first = makeHost();
    await first.host.write(settingsOnly);
    const files = unzipSync(first.saved[0]!.bytes);
    files["[Content_Types].xml"] = strToU8(
      strFromU8(files["[Content_Types].xml"]!).replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      ),
    );
    const { host, saved } = makeHost();
    await host.openFile({ name: "宏.xlsm", bytes: zipSync(files) });
    await host.write({ sheets: [listPlan("Problems")] });
    expect(saved[0]!.fileName).toBe("宏_Problems_2026-03-05.xlsm");
    expect(strFromU8(unzipSync(saved[0]!.bytes)["[Content_Types].xml"]!)).toContain("macroEnabled.main+xml");

    files["xl/workbook.xml"] = strToU8(
      strFromU8(files["xl/workbook.xml"]!).replace("<bookViews>", '<workbookProtection lockStructure="1"/><bookViews>'),
    );
    const locked = await problemOf(host.openFile({ name: "locked.xlsm", bytes: zipSync(files) }));
    expect(locked.message.en).toMatch(/structure is protected/);
    expect(host.getState().openedFile).toBe("宏.xlsm");
  });

  test("a plan the writer refuses (a second settings sheet would repoint its names) is reported in both languages", async () => {
    const { host, saved } = makeHost();
    await host.write(settingsOnly);
    const p = await problemOf(host.write(settingsOnly));
    expect(p.message.en).toMatch(/^The generated sheets could not be written: The workbook already has a name "SVC_/);
    expect(p.message.en).toContain("The workbook was left as it was and nothing was downloaded.");
    expect(p.message.zh).toMatch(/^生成的工作表未能写入：工作簿中已有名称“SVC_/);
    expect(saved).toHaveLength(1);
    expect(host.getState().sheetNames).toEqual(["考核参数"]);
  });

  test("a write that fails midway leaves the workbook as it was and downloads nothing", async () => {
    let failNext = false;
    const failing = async (): Promise<XlsxEngine> => {
      const real = await loadXlsxEngine();
      return {
        ...real,
        newFile: async (plans) => {
          const file = await real.newFile(plans); // the file is made…
          if (failNext) throw new Error("disk full"); // …when something fails
          return file;
        },
      };
    };
    const { host, saved } = makeHost(failing);
    await host.write(settingsOnly);
    failNext = true;
    const p = await problemOf(host.write({ sheets: [listPlan("Problems")] }));
    expect(p.message.en).toContain("written: disk full. The workbook");
    expect(p.message.en).toContain("left as it was and nothing was downloaded");
    expect(saved).toHaveLength(1);
    expect((await host.findPlans()).map((f) => f.sheetName)).toEqual(["考核参数"]);
    expect(host.getState().sheetNames).toEqual(["考核参数"]);

    failNext = false;
    const report = await host.write({ sheets: [listPlan("Problems")] });
    expect(report.sheets[0].actual).toBe("Problems");
    expect(saved).toHaveLength(2);
    expect((await readXlsx(saved[1].bytes)).worksheets.map((ws) => ws.name)).toEqual(["考核参数", "Problems"]);
  });

  test("a failure on the very first write leaves no workbook behind", async () => {
    const failing = async (): Promise<XlsxEngine> => ({
      ...(await loadXlsxEngine()),
      newFile: () => Promise.reject(new Error("zip failed")),
    });
    const { host, saved } = makeHost(failing);
    await problemOf(host.write(settingsOnly));
    expect(saved).toEqual([]);
    await expect(host.findPlans()).resolves.toEqual([]);
  });

  test("opening an .xlsx makes it the workbook to build on; downloads then carry its name", async () => {
    const first = makeHost();
    await first.host.write(settingsOnly);
    const file = first.saved[0];

    const { host, saved } = makeHost();
    const state = await host.openFile({ name: "2026年售后考核.xlsx", bytes: file.bytes });
    expect(state).toEqual({ openedFile: "2026年售后考核.xlsx", sheetNames: ["考核参数"], lastDownload: null });
    expect((await host.findPlans()).map((f) => f.marker.kind)).toEqual(["settings"]);
    expect(settingsFromNames(await host.readNames(Object.values(SETTING_NAMES))).settings).toEqual(DEFAULT_SETTINGS);

    await host.write({ sheets: [listPlan("Problems")] });
    expect(saved[0].fileName).toBe("2026年售后考核_Problems_2026-03-05.xlsx");
    expect((await readXlsx(saved[0].bytes)).worksheets.map((ws) => ws.name)).toEqual(["考核参数", "Problems"]);

    await expect(host.downloadAgain()).resolves.toBe("2026年售后考核_Problems_2026-03-05.xlsx");
    expect(saved).toHaveLength(2);
    expect(saved[1].bytes).toBe(saved[0].bytes);
  });

  test("a file that is not .xlsx, or not readable, is refused with what to do; the workbook stays", async () => {
    const { host } = makeHost();
    await host.write(settingsOnly);
    const csv = await problemOf(host.openFile({ name: "名单.csv", bytes: new TextEncoder().encode("姓名\n张三") }));
    expect(csv.message.zh).toContain("另存为 .xlsx");
    const broken = await problemOf(
      host.openFile({ name: "broken.xlsx", bytes: new TextEncoder().encode("not a zip") }),
    );
    expect(broken.message.en).toMatch(
      /^“broken.xlsx” could not be opened as an .xlsx workbook \(.+\)\. It may be damaged/,
    );
    expect(host.getState().sheetNames).toEqual(["考核参数"]);
    expect(host.getState().openedFile).toBeNull();
  });

  test("closeWorkbook starts afresh; subscribers hear every change", async () => {
    const { host } = makeHost();
    let calls = 0;
    const off = host.subscribe(() => calls++);
    await host.write(settingsOnly);
    await host.closeWorkbook();
    expect(calls).toBe(2);
    off();
    await host.write(settingsOnly); // a fresh workbook: the settings names are free again
    expect(calls).toBe(2);
    expect((await host.findPlans()).map((f) => f.sheetName)).toEqual(["考核参数"]);
  });
});

describe("downloadFileName", () => {
  test("sheet names and the local date", () => {
    expect(downloadFileName(["考核参数"], NOW)).toBe("考核参数_2026-03-05.xlsx");
    expect(downloadFileName(["工单登记", "问题清单", "KPI"], NOW)).toBe("工单登记_问题清单_KPI_2026-03-05.xlsx");
  });
  test("characters file systems refuse become _", () => {
    expect(downloadFileName(['a/b:c*d?"e<f>g|h'], NOW)).toBe("a_b_c_d_e_f_g_h_2026-03-05.xlsx");
  });
  test("the opened file's name comes first, without its extension", () => {
    expect(downloadFileName(["6S汇总"], NOW, "检查 记录.XLSX")).toBe("检查 记录_6S汇总_2026-03-05.xlsx");
  });
  test("long names are cut", () => {
    const name = downloadFileName(
      Array.from({ length: 30 }, (_, i) => `考核表${i}`),
      NOW,
    );
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith("_2026-03-05.xlsx")).toBe(true);
  });
  test("no sheets: just the date", () => {
    expect(downloadFileName([], NOW)).toBe("2026-03-05.xlsx");
  });
});
