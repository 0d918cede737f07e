import { readFileSync, statSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";

const cli = useCliFolder({ prefix: "svc-6s-cli-", now: new Date(2026, 10, 25, 9, 30) });

describe("service-appraisal audit6s / audit6s-summary", () => {
  test("audit6s writes the settings sheet and the audit, one page per area", async () => {
    const r = await cli.run([
      "audit6s",
      "--areas",
      "维修车间,备件库",
      "--date",
      "2026-11-20",
      "--inspector",
      "=王主管",
      "--out",
      "a.xlsx",
    ]);
    expectSuccess(r);
    expect(r.out[0]).toBe(`已写入 ${cli.path("a.xlsx")}：考核参数、6S检查表 2026-11-20`);
    const wb = await cli.readWorkbook("a.xlsx");
    const plans = findPlansInWorkbook(wb);
    expect(plans.map((p) => p.marker.kind)).toEqual(["settings", "audit6s"]);
    const ws = wb.getWorksheet("6S检查表 2026-11-20")!;
    expect(ws.getCell("C5").value).toBe("维修车间");
    // Text that looks like a formula stays text.
    expect(ws.getCell("H5").value).toBe("=王主管");
    expect(ws.getCell("H5").type).toBe(ExcelJS.ValueType.String);
  });

  test("audits collect in one workbook with --in (the input is never modified), then the summary reads them by marker", async () => {
    expect(
      (await cli.run(["audit6s", "--areas", "维修车间,备件库", "--date", "2026-11-03", "--demo", "--out", "m1.xlsx"]))
        .code,
    ).toBe(0);
    const before = readFileSync(cli.path("m1.xlsx"));
    const second = await cli.run([
      "audit6s",
      "--in",
      "m1.xlsx",
      "--areas",
      "维修车间、接待区",
      "--date",
      "2026/11/20",
      "--scale",
      "pass/fail",
      "--weights",
      "safety",
      "--demo",
      "--out",
      "m2.xlsx",
    ]);
    expect(second.err).toEqual([]);
    expect(readFileSync(cli.path("m1.xlsx")).equals(before)).toBe(true);
    const wb2 = await cli.readWorkbook("m2.xlsx");
    // The settings sheet is not added twice.
    expect(findPlansInWorkbook(wb2).map((p) => p.marker.kind)).toEqual(["settings", "audit6s", "audit6s"]);
    // Rename an audit sheet as Excel does (its names follow): the summary still finds it by marker.
    wb2.getWorksheet("6S检查表 2026-11-03")!.name = "十一月上旬";
    const model = wb2.definedNames.model as { name: string; ranges: string[] }[];
    wb2.definedNames.model = model.map((n) => ({
      ...n,
      ranges: n.ranges.map((r) => r.replace("'6S检查表 2026-11-03'!", "'十一月上旬'!")),
    }));
    await wb2.xlsx.writeFile(cli.path("m3.xlsx"));

    const s = await cli.run(["audit6s-summary", "--in", "m3.xlsx", "--month", "2026-11", "--out", "s.xlsx"]);
    expectSuccess(s);
    expect(s.out[0]).toBe(`已写入 ${cli.path("s.xlsx")}：6S汇总 2026-11`);
    expect(s.out[1]).toMatch(/^2 张检查表，本月 3 个区域；未完成整改 \d+ 项，其中逾期 \d+ 项$/);
    const wb = await cli.readWorkbook("s.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "考核参数",
      "十一月上旬",
      "6S检查表 2026-11-20",
      "6S汇总 2026-11",
    ]);
    const sum = wb.getWorksheet("6S汇总 2026-11")!;
    expect(sum.getCell("A7").value).toBe("维修车间");
    const f = sum.getCell("B7").value as { formula: string };
    expect(f.formula).toMatch(/^IFERROR\(AVERAGEIFS\(/);
    const refs = JSON.stringify(sum.getSheetValues());
    expect(refs).toContain("'十一月上旬'!");
  });

  test("an .xlsm keeps its macros and its kind (--out must be .xlsm); a workbook with a protected structure is refused, nothing written", async () => {
    expect((await cli.run(["audit6s", "--areas", "维修车间", "--date", "2026-11-20", "--out", "a.xlsx"])).code).toBe(0);
    const files = unzipSync(readFileSync(cli.path("a.xlsx")));
    const vba = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    files["xl/vbaProject.bin"] = vba;
    files["[Content_Types].xml"] = strToU8(
      strFromU8(files["[Content_Types].xml"]!)
        .replace("spreadsheetml.sheet.main+xml", "PLACEHOLDER")
        .replace(
          "application/vnd.openxmlformats-officedocument.PLACEHOLDER",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(files["xl/_rels/workbook.xml.rels"]!).replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    cli.write("m.xlsm", zipSync(files));
    const wrongKind = await cli.run(["audit6s-summary", "--in", "m.xlsm", "--month", "2026-11", "--out", "s.xlsx"], {
      lang: "en-US",
    });
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.err).toEqual([
      `service-appraisal audit6s-summary: ${cli.path("m.xlsm")} is an .xlsm workbook (with macros): --out must end in .xlsm too: ${cli.path("s.xlsx")}`,
    ]);
    expect(cli.exists("s.xlsx")).toBe(false);
    const ok = await cli.run(["audit6s-summary", "--in", "m.xlsm", "--month", "2026-11", "--out", "s.xlsm"]);
    expect(ok.err).toEqual([]);
    const out = unzipSync(readFileSync(cli.path("s.xlsm")));
    expect(out["xl/vbaProject.bin"]).toEqual(vba);
    expect(strFromU8(out["[Content_Types].xml"]!)).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(Object.keys(out).filter((k) => k.startsWith("xl/charts/")).length).toBeGreaterThan(0);

    files["xl/workbook.xml"] = strToU8(
      strFromU8(files["xl/workbook.xml"]!).replace("<bookViews>", '<workbookProtection lockStructure="1"/><bookViews>'),
    );
    cli.write("p.xlsm", zipSync(files));
    const locked = await cli.run(["audit6s-summary", "--in", "p.xlsm", "--month", "2026-11", "--out", "p2.xlsm"], {
      lang: "en-US",
    });
    expect(locked.code).toBe(1);
    expect(locked.err[0]).toMatch(/structure is protected .*nothing was changed/);
    expect(cli.exists("p2.xlsm")).toBe(false);
  });

  test("refuses to overwrite --out without --force, and --out equal to --in", async () => {
    cli.write("x.xlsx", "");
    const r = await cli.run(["audit6s", "--areas", "维修车间", "--out", "x.xlsx"], { lang: "en-US" });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `service-appraisal audit6s: ${cli.path("x.xlsx")} already exists; add --force to overwrite it`,
    ]);
    expect(statSync(cli.path("x.xlsx")).size).toBe(0);
    expect(
      (await cli.run(["audit6s", "--areas", "维修车间", "--out", "x.xlsx", "--force"], { lang: "en-US" })).code,
    ).toBe(0);
    const same = await cli.run(
      ["audit6s-summary", "--in", "x.xlsx", "--month", "2026-11", "--out", "x.xlsx", "--force"],
      { lang: "en-US" },
    );
    expect(same.code).toBe(2);
    expect(same.err[0]).toMatch(/--out is the input file .*never modified/);
  });

  test("bad options give one bilingual line and a usage exit code", async () => {
    const cases: [string[], RegExp][] = [
      [["audit6s", "--out", "a.xlsx"], /missing option --areas/],
      [["audit6s", "--areas", "a", "--date", "tomorrow", "--out", "a.xlsx"], /--date is not a date/],
      [["audit6s", "--areas", "a", "--scale", "0-7", "--out", "a.xlsx"], /--scale: unknown item scale/],
      [["audit6s", "--areas", "a", "--weights", "1,2", "--out", "a.xlsx"], /--weights: 6S weights need 6 values/],
      [["audit6s", "--areas", "a,a", "--out", "a.xlsx"], /appears twice/],
      [["audit6s", "--areas", "a", "--critical", "99", "--out", "a.xlsx"], /--critical: "99" is not an item number/],
      [["audit6s-summary", "--in", "none.xlsx", "--month", "2026-11", "--out", "s.xlsx"], /cannot open/],
      [["audit6s-summary", "--in", "none.xlsx", "--month", "2026-Q4", "--out", "s.xlsx"], /--month must be a month/],
    ];
    for (const [args, message] of cases) {
      const r = await cli.run(args, { lang: "en-US" });
      expect(r.code).toBeGreaterThan(0);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
    }
  });

  test("a month without audits names the months that have them", async () => {
    await cli.run(["audit6s", "--areas", "维修车间", "--date", "2026-10-08", "--out", "o.xlsx"]);
    const r = await cli.run(["audit6s-summary", "--in", "o.xlsx", "--month", "2026-11", "--out", "s.xlsx"], {
      lang: "en-US",
    });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      "service-appraisal audit6s-summary: there are no 6S audits in 2026-11 (months with audits: 2026-10)",
    ]);
  });

  test("a custom checklist file with critical items", async () => {
    cli.write("list.csv", "6S,检查项目,关键\n安全,消防通道畅通,是\n整理,工具归位,否\n");
    const r = await cli.run(["audit6s", "--areas", "服务车", "--checklist", "list.csv", "--out", "c.xlsx"]);
    expect(r.err).toEqual([]);
    const ws = (await cli.readWorkbook("c.xlsx")).getWorksheet("6S检查表 2026-11-25")!;
    // Grouped by S: 整理 first, then 安全 with its critical star.
    expect(ws.getCell("C7").value).toBe("工具归位");
    expect(ws.getCell("C8").value).toBe("★ 消防通道畅通");
  });
});
