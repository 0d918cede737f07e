import ExcelJS from "exceljs";
import { xlsxBytes } from "../../xlsx";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { settingsPlan } from "../../sheets/settings";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";

const cli = useCliFolder({ prefix: "svc-appraisal-cli-" });

describe("service-appraisal appraisal", () => {
  test("builds the staff form from a CSV with a header, listing rows it skipped", async () => {
    cli.write(
      "people.csv",
      '\uFEFF工号,姓名,部门\nS001,张三,售后一部\nS002,,售后一部\nS003,=HYPERLINK("x"),售后二部\n',
    );
    const r = await cli.run([
      "appraisal",
      "--template",
      "staff",
      "--people",
      "people.csv",
      "--period",
      "2026-Q3",
      "--out",
      "form.xlsx",
    ]);
    expectSuccess(r);
    expect(r.out).toEqual([
      "跳过 第 3 行：这一行没有姓名，已跳过",
      `已写入 ${cli.path("form.xlsx")}：考核参数、考核表 2026-Q3（2 人，20 个指标）`,
    ]);
    const wb = await cli.readWorkbook("form.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual(["settings", "appraisal"]);
    const ws = wb.getWorksheet("考核表 2026-Q3")!;
    expect(ws.getCell("C8").value).toBe("张三");
    expect(ws.getCell("C9").value).toBe('=HYPERLINK("x")');
    expect(ws.getCell("Y8").formula).toContain("SUMPRODUCT");
    // The ranks read sorted helper columns (no per-person SUMPRODUCT over everyone).
    expect(ws.getCell("AB8").formula).toMatch(/^IF\(ISNUMBER\(Y8\),1\+2-\(IFERROR\(MATCH\(/);
  });

  test("the employee template (员工考评管理办法) and forced distribution targets from --targets", async () => {
    cli.write("people.csv", "\uFEFF姓名,部门\n张三,售后一部\n李四,售后一部\n王五,售后二部\n");
    const args = ["appraisal", "--template", "employee", "--people", "people.csv", "--period", "2026-Q3"];
    const r = await cli.run([...args, "--targets", "A<=20%, D>=5%", "--out", "form.xlsx"]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain("强制分布目标：A≤20%, D≥5%（偏离的等级在表上标红）");
    expect(r.out.some((l) => l.includes("（3 人，11 个指标）"))).toBe(true);
    const ws = (await cli.readWorkbook("form.xlsx")).getWorksheet("考核表 2026-Q3")!;
    expect(ws.getCell("E4").value).toBe("工作任务");
    expect(ws.getCell("E6").value).toBe("本职工作质量：常规工作合格率");
    expect(ws.getCell("K4").value).toBe("管理工作");
    const bad = await cli.run([...args, "--targets", "S<=20%", "--out", "x.xlsx"]);
    expect(bad.code).toBe(2);
    expect(bad.err.join("")).toContain("--targets：无法识别的分布目标“S<=20%”");
  });

  test("--raters adds the 360° rater sheet before the form; the form's scores read its combined column", async () => {
    cli.write("people.csv", "\uFEFF姓名,部门\n张三,售后一部\n李四,售后二部\n");
    const args = ["appraisal", "--template", "staff", "--people", "people.csv", "--period", "2026-Q3"];
    const r = await cli.run([...args, "--raters", "--out", "form.xlsx"]);
    expectSuccess(r);
    expect(r.out[0]).toBe(
      `已写入 ${cli.path("form.xlsx")}：考核参数、360度评价 2026-Q3、考核表 2026-Q3（2 人，20 个指标）`,
    );
    const wb = await cli.readWorkbook("form.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual(["settings", "raters", "appraisal"]);
    const raters = wb.getWorksheet("360度评价 2026-Q3")!;
    expect(raters.getCell("G6").formula).toBe("SVC_Rater_Supervisor");
    expect(raters.getCell("C7").value).toBe("张三");
    expect(raters.getCell("C27").value).toBe("李四");
    expect(raters.getCell("K7").formula).toContain("SUMPRODUCT");
    const form = wb.getWorksheet("考核表 2026-Q3")!;
    expect(form.getCell("E8").formula).toContain("INDEX('360度评价 2026-Q3'!$K$7:$K$46,");
  });

  test("reads an .xlsx people list and adds the form to an existing workbook without a second settings sheet", async () => {
    const people = new ExcelJS.Workbook();
    const ws = people.addWorksheet("名单");
    ws.addRows([
      ["Name", "Department"],
      ["Wang", "Service"],
      ["Li", "Service"],
    ]);
    await people.xlsx.writeFile(cli.path("people.xlsx"));
    cli.write("book.xlsx", (await xlsxBytes({ sheets: [settingsPlan(DEFAULT_SETTINGS, "en-US")] })).bytes);
    const r = await cli.run(
      [
        "appraisal",
        "--template",
        "head",
        "--scale",
        "hundred",
        "--people",
        "people.xlsx",
        "--period",
        "2026-10",
        "--in",
        "book.xlsx",
        "--out",
        "out.xlsx",
        "--lang",
        "en",
      ],
      { lang: "en-US" },
    );
    expect(r.err).toEqual([]);
    expect(r.out[0]).toBe(`wrote ${cli.path("out.xlsx")}: Appraisal 2026-10 (2 people, 5 indicators)`);
    const wb = await cli.readWorkbook("out.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Settings", "Appraisal 2026-10"]);
  });

  test.each([
    [
      ["--template", "boss", "--people", "p.csv", "--period", "2026-Q3", "--out", "x.xlsx"],
      2,
      '--template must be staff, head or employee, not "boss"',
    ],
    [
      ["--template", "staff", "--people", "p.csv", "--period", "2026-Q7", "--out", "x.xlsx"],
      2,
      "--period: cannot read the period",
    ],
    [["--template", "staff", "--people", "missing.csv", "--period", "2026-Q3", "--out", "x.xlsx"], 1, "Cannot open"],
    [["--template", "staff", "--people", "p.csv", "--period", "2026-Q3"], 2, "missing option --out"],
    [
      ["--template", "staff", "--people", "p.csv", "--period", "2026-Q3", "--out", "x.xlsx", "--scale", "ten"],
      2,
      "--scale must be five or hundred",
    ],
  ])("refuses %j in one line (exit %i)", async (args, code, message) => {
    const r = await cli.run(["appraisal", ...args], { lang: "en-US" });
    expect(r.code).toBe(code);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(message);
  });

  test("never overwrites an existing file without --force", async () => {
    cli.write("p.csv", "姓名\n张三\n");
    cli.write("x.xlsx", "keep me");
    const r = await cli.run(
      ["appraisal", "--template", "staff", "--people", "p.csv", "--period", "2026-Q3", "--out", "x.xlsx"],
      { lang: "en-US" },
    );
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("already exists; add --force");
  });

  test("says so when the file holds nobody", async () => {
    cli.write("p.csv", "部门\n售后一部\n");
    const r = await cli.run(
      ["appraisal", "--template", "staff", "--people", "p.csv", "--period", "2026-Q3", "--out", "x.xlsx"],
      { lang: "en-US" },
    );
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/holds nobody to appraise/);
  });

  test("--kpi-from fills the KPI indicators with lookups into the --in workbook's KPI table; a quarter stays for typing (issue 12 point 8)", async () => {
    cli.write(
      "orders.csv",
      "\uFEFF工号,服务人员,报修时间,完成时间,已回访,客户签字\n" +
        "W1,张三,2026-10-05 08:30,2026-10-06 12:00,是,是\nW2,张三,2026-10-06 08:30,2026-10-07 12:00,否,否\n",
    );
    // 工号 here is an order number column the importer takes for 工单号.
    const kpi = await cli.run(["kpi", "--orders", "orders.csv", "--month", "2026-10", "--out", "kpi.xlsx"]);
    expect(kpi.code).toBe(0);
    cli.write("people.csv", "\uFEFF姓名,部门\n张三,售后一部\n李四,售后一部\n");
    const base = ["appraisal", "--template", "staff", "--people", "people.csv", "--out", "form.xlsx"];
    const noIn = await cli.run([...base, "--period", "2026-10", "--kpi-from", "auto"]);
    expect(noIn.code).toBe(2);
    expect(noIn.err.join("\n")).toContain("--kpi-from 需要 --in BOOK.xlsx");

    const r = await cli.run([...base, "--period", "2026-10", "--in", "kpi.xlsx", "--kpi-from", "auto"]);
    expectSuccess(r);
    expect(r.out[0]).toBe(
      "KPI 指标（灰色）为公式，取自“月度KPI 2026-10”：登记表更正后随之更新；不在该表上的人员留空（不计入得分）。",
    );
    const ws = (await cli.readWorkbook("form.xlsx")).getWorksheet("考核表 2026-10")!;
    const header = ws.getRow(6).values as unknown[];
    const col = (name: string) => header.findIndex((v) => v === name);
    const returnVisit = ws.getCell(8, col("售后服务回访率")).value as { formula: string; result: unknown };
    expect(returnVisit.formula).toContain("'月度KPI 2026-10'!");
    expect(returnVisit.result).toBe(2.5); // 1 of 2 completed orders visited, on the five-point scale
    expect((ws.getCell(8, col("表单记录准确率")).value as { result: unknown }).result).toBe(2.5);
    const li = ws.getCell(9, col("售后服务回访率")).value as { formula: string; result?: unknown };
    expect(li.formula).toContain("MATCH(");
    expect(li.result ?? "").toBe(""); // 李四: no orders, so not on the KPI table: not assessed

    const quarter = await cli.run([
      ...base,
      "--period",
      "2026-Q4",
      "--in",
      "kpi.xlsx",
      "--kpi-from",
      "auto",
      "--force",
    ]);
    expect(quarter.code).toBe(0);
    expect(quarter.out[0]).toBe(
      "注意：KPI 表按月生成，2026-Q4 没有自己的 KPI 表：KPI 指标留待填写，或选择一张月度 KPI 表",
    );
    const typed = (await cli.readWorkbook("form.xlsx")).getWorksheet("考核表 2026-Q4")!;
    expect(typed.getCell(8, col("售后服务回访率")).value).toBeNull();
  });
});
