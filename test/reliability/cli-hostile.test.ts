/**
 * Broken and hostile input files through the command line (issue 15, point 4): each gives one
 * line in the user's language, an exit code ≠ 0, no stack trace, and nothing written. And the
 * files that are fine but unusual — a hidden first sheet, a 1904-date-system workbook, a stray
 * cell in row 1,048,576, merged cells — are read as the user sees them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { runCli } from "../support/cli";
import { buildXlsx, row } from "../support/xlsxParts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "svc-cli-hostile-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = ["工单号", "服务人员", "报修时间", "客户满意度"];
const october = (n: number, date1904 = false) =>
  Array.from({ length: n }, (_, i) => row(i + 2, [`W${i + 1}`, "张三", 46296 + i + 0.35 - (date1904 ? 1462 : 0), 9]));

function cfb(stream: string): Uint8Array {
  const b = new Uint8Array(2048);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b.set(new Uint8Array(Buffer.from(stream, "utf16le")), 1024);
  return b;
}

const good = buildXlsx({ sheets: [{ name: "工单", body: row(1, HEAD) + october(3).join("") }] });

const HOSTILE: [string, Uint8Array, RegExp, RegExp][] = [
  ["zero bytes", new Uint8Array(0), /empty \(0 bytes\)/, /文件是空的/],
  ["a corrupt zip", good.subarray(0, good.length - 40), /damaged or incomplete/, /已损坏或不完整/],
  ["a CSV renamed .xlsx", strToU8("工单号,报修时间\nW1,2026-10-05\n"), /CSV renamed \.xlsx/, /改了扩展名的 CSV/],
  ["a password-protected workbook", cfb("EncryptedPackage"), /password-protected/, /打开密码/],
  ["an .xls", cfb("Workbook"), /old \.xls file/, /旧版 \.xls/],
  [
    "an .xlsb",
    zipSync({
      "_rels/.rels": strToU8(
        '<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      ),
      "xl/workbook.bin": new Uint8Array([1]),
    }),
    /Excel Binary Workbook/,
    /二进制工作簿/,
  ],
  [
    "an .ods",
    zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") }),
    /OpenDocument/,
    /OpenDocument/,
  ],
  [
    "a bad shared-string index",
    buildXlsx({ sheets: [{ name: "S", body: '<row r="1"><c r="A1" t="s"><v>99</v></c></row>' }] }),
    /shared string 99, but the file has only 0/,
    /共享字符串/,
  ],
];

describe.each(HOSTILE)("kpi --orders %s", (_what, bytes, en, zh) => {
  it.each([
    ["en-US", en],
    ["zh-CN", zh],
  ])("one line in %s, exit ≠ 0, no stack trace, nothing written", async (lang, message) => {
    writeFileSync(join(dir, "in.xlsx"), bytes);
    const r = await runCli(
      ["kpi", "--orders", "in.xlsx", "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json"],
      {
        cwd: dir,
        lang,
      },
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(r.err[0]).not.toMatch(/internal error|内部错误|TypeError|RangeError|\n\s+at /);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });
});

describe("unusual but readable .xlsx input", () => {
  const kpi = async (bytes: Uint8Array) => {
    writeFileSync(join(dir, "in.xlsx"), bytes);
    const r = await runCli(
      ["kpi", "--orders", "in.xlsx", "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json", "--lang", "en"],
      { cwd: dir, lang: "en-US" },
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    return { ...r, json: JSON.parse(readFileSync(join(dir, "k.json"), "utf8")) };
  };

  it("a hidden first sheet: the visible sheet's 20 orders are counted, and a note says so", async () => {
    const r = await kpi(
      buildXlsx({
        sheets: [
          { name: "old", state: "hidden", body: row(1, HEAD) + october(5).join("") },
          { name: "工单", body: row(1, HEAD) + october(20).join("") },
        ],
      }),
    );
    expect(r.json.rowsUsed).toBe(20);
    expect(r.json.department.orders).toBe(20);
    expect(r.out.join("\n")).toMatch(/hidden sheet "old" not read/);
  });

  it("a 1904-date-system workbook: 20 of 20 October orders", async () => {
    const r = await kpi(
      buildXlsx({
        date1904: true,
        cellXfs: [0, 22],
        sheets: [
          {
            name: "工单",
            body:
              row(1, HEAD) +
              october(20, true)
                .map((x) => x.replace(/<c r="C(\d+)">/, '<c r="C$1" s="1">'))
                .join(""),
          },
        ],
      }),
    );
    expect(r.json.department.orders).toBe(20);
  });

  it("one stray cell in row 1,048,576: a few problems, not a million, and the orders all counted", async () => {
    const r = await kpi(
      buildXlsx({ sheets: [{ name: "工单", body: row(1, HEAD) + october(20).join("") + row(1_048_576, ["x"]) }] }),
    );
    expect(r.json.rowsUsed).toBe(20);
    expect(r.json.rowsRead).toBe(1_048_575);
    expect(r.json.problems.length).toBeLessThanOrEqual(2);
    expect(r.json.problems[0].message).toMatch(/rows 22–1048575 \(1048554 rows\) are empty/);
  });

  it("merged technician cells count for every row they cover", async () => {
    const body =
      `<sheetData>${row(1, HEAD)}${row(2, ["W1", "李四", 46296.35, 9])}${row(3, ["W2", null, 46297.35, 9])}</sheetData>` +
      `<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>`;
    const r = await kpi(buildXlsx({ sheets: [{ name: "工单", body }] }));
    expect(r.json.technicians.map((t: { technician: string; orders: number }) => [t.technician, t.orders])).toEqual([
      ["李四", 2],
    ]);
    expect(r.out.join("\n")).toMatch(/merged cells/);
    expect(existsSync(join(dir, "k.xlsx"))).toBe(true);
  });
});
