/**
 * Every command that takes an input workbook decides its settings with sheets/settings
 * `settingsForGeneration`, as the panes do: a 考核参数 whose value cannot be read refuses the
 * command before anything is written, naming the value (issue 15: the formulas read those
 * cells, so the sheets would not compute what the engine computes).
 */
import { readFileSync } from "node:fs";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../core/settings";
import { settingsPlan } from "../sheets/settings";
import { xlsxBytes } from "../xlsx";
import { loadXlsx } from "../../test/support/xlsx";
import { useCliFolder } from "../../test/support/cli";

const cli = useCliFolder({ prefix: "svc-cli-settings-" });

/** A workbook with its 考核参数, where someone typed text into the service radius. */
async function bookWithTextInRadius(): Promise<void> {
  const wb = await loadXlsx((await xlsxBytes({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] })).bytes);
  const [where] = wb.definedNames.getRanges(SETTING_NAMES.slaRadiusKm).ranges;
  const [sheet, cell] = where!.split("!");
  wb.getWorksheet(sheet!.replace(/^'|'$/g, ""))!.getCell(cell!.replace(/\$/g, "")).value = "一百公里";
  await wb.xlsx.writeFile(cli.path("book.xlsx"));
}

const COMMANDS: [string, string[]][] = [
  [
    "appraisal --in",
    ["appraisal", "--template", "staff", "--people", "people.csv", "--period", "2026-Q3", "--in", "book.xlsx"],
  ],
  ["audit6s --in", ["audit6s", "--areas", "维修车间", "--in", "book.xlsx"]],
  ["audit6s-summary --in", ["audit6s-summary", "--in", "book.xlsx", "--month", "2026-11"]],
  ["kpi --orders .xlsx", ["kpi", "--orders", "book.xlsx", "--month", "2026-10"]],
  ["bonus --input .xlsx", ["bonus", "--input", "book.xlsx", "--year", "2026", "--quarter", "4"]],
];

describe("an input workbook whose 考核参数 cannot be read", () => {
  test.each(COMMANDS)("%s: refused naming the value, exit 1, nothing written", async (_, args) => {
    await bookWithTextInRadius();
    cli.write("people.csv", "工号,姓名\nS001,张三\n");
    const before = readFileSync(cli.path("book.xlsx"));
    const r = await cli.run([...args, "--out", "out.xlsx", "--lang", "en"], { lang: "en-US" });
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(
      /: Some values of the Settings sheet \(考核参数\) cannot be read: SVC_SLA_RadiusKm: .*nothing was changed/,
    );
    expect(r.out).toEqual([]);
    expect(cli.exists("out.xlsx")).toBe(false);
    expect(readFileSync(cli.path("book.xlsx")).equals(before)).toBe(true);
  });
});
