/**
 * `service-appraisal bonus`: the workbook it writes, recalculated in headless LibreOffice, shows
 * exactly what its --json says — per person the annual amount, the quarter bonus (and the pool
 * column), year-end eligibility with the reason, the year-end bonus and the total — read from
 * the sheet by its marker's layout facts.
 *
 *   npx jest -c jest.e2e.config.js test/e2e/bonus-cli.test.ts
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main, type MainIO } from "../../src/cli/main";
import type { BonusJson } from "../../src/cli/commands/bonus";
import { bonusMarkerOf } from "../../src/sheets/bonus";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { computedValue, recalculateXlsx } from "../support/libreoffice";
import { checkedMeta } from "../support/markers";

const FIXTURE = resolve(__dirname, "../fixtures/bonus/people-2026.csv");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "svc-bonus-cli-e2e-"));
  copyFileSync(FIXTURE, join(dir, "people.csv"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<number> {
  const err: string[] = [];
  const io: MainIO = {
    stdout: () => undefined,
    stderr: (l) => err.push(l),
    cwd: dir,
    env: { LANG: "zh-CN" },
    now: () => new Date(2027, 0, 5),
  };
  const code = await main(args, io);
  if (code !== 0) throw new Error(err.join("\n"));
  return code;
}

test.each([
  [
    "Q4, pool and finance's formulas",
    [
      "--quarter",
      "4",
      "--pool",
      "30000",
      "--quarter-formula",
      'if(等级 == "D", 0, round(全年绩效 * 季度比例 * 系数, 2))',
      "--year-end-formula",
      "max(全年绩效 * 年终比例 - 100 * 黄牌, 0)",
    ],
  ],
  ["Q3, the policy's rules", ["--quarter", "3"]],
])("%s: the recalculated sheet shows what the JSON says", async (_name, extra) => {
  await run(["bonus", "--input", "people.csv", "--year", "2026", "--out", "b.xlsx", "--json", "b.json", ...extra]);
  const json = JSON.parse(readFileSync(join(dir, "b.json"), "utf8")) as BonusJson;
  const { workbook } = await recalculateXlsx(new Uint8Array(readFileSync(join(dir, "b.xlsx"))));
  const found = findPlansInWorkbook(workbook).find((p) => p.marker.kind === "bonus")!;
  const meta = checkedMeta(bonusMarkerOf(found));
  const ws = workbook.getWorksheet(found.sheetName)!;
  const at = (key: string, row: number): unknown => {
    const v = computedValue(ws.getCell(`${meta.columns[key]}${row}`));
    return v === "" ? null : v;
  };
  const close = (a: unknown, b: number | null): boolean =>
    b === null ? a === null : typeof a === "number" && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));
  let compared = 0;
  json.people.forEach((p, i) => {
    const row = meta.firstRow + i;
    expect(at("name", row)).toBe(p.name);
    const pairs: [string, number | null][] = [
      ["annual", p.annualAmount],
      ["coefficient", p.coefficient],
      ["quarterAmount", p.quarterBonus],
      ...(meta.pool ? ([["pooled", p.quarterBonusScaled ?? null]] as [string, number | null][]) : []),
      ...(p.yearEnd
        ? ([
            ["yearEndAmount", p.yearEnd.bonus],
            ["payable", p.totalPaid],
          ] as [string, number | null][])
        : []),
    ];
    for (const [key, want] of pairs) {
      if (!close(at(key, row), want))
        throw new Error(`${p.name} ${key}: sheet ${String(at(key, row))}, JSON ${String(want)}`);
      compared++;
    }
    if (p.yearEnd) {
      expect(at("eligible", row)).toBe(p.yearEnd.eligible ? "发放" : "取消");
      expect(at("reason", row)).toBe(p.yearEnd.reason);
      compared += 2;
    }
  });
  const totals = (key: string): number =>
    computedValue(ws.getCell(`${meta.columns[key]}${meta.lastRow + 1}`)) as number;
  expect(totals("quarterAmount")).toBeCloseTo(json.totals.quarterBonus.sumOfRounded, 9);
  expect(computedValue(ws.getCell(`${meta.columns.quarterAmount}${meta.lastRow + 3}`))).toBeCloseTo(
    json.totals.quarterBonus.difference,
    9,
  );
  console.log(`${_name}: ${compared} person values and the totals compared, sheet = JSON`);
  expect(compared).toBeGreaterThanOrEqual(30);
});
