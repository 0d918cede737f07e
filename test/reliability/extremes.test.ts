/**
 * The named extremes, each once and exactly: encodings (Latin-1 José, GBK 张三, UTF-16
 * without a BOM), 10,000 columns, a 1 MB cell, mixed line endings, `1e999` in a number column.
 * The generated-file properties (./properties.ts) cover the rest at random.
 */
import { readTableData } from "../../src/xlsx";
import { proposeFor, readOrders, sourceTable } from "../../src/sheets/workorders";

async function orders(bytes: Uint8Array) {
  const range = await readTableData(bytes);
  const table = sourceTable(range);
  if (!table.ok) throw new Error(table.problem.message.en);
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  return { range, parsed: parsed.value };
}

const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe("encodings", () => {
  it("a Windows-1252/Latin-1 CSV keeps José and Müller, and says which encoding it read", async () => {
    const { range, parsed } = await orders(
      latin1("Order ID,Technician,Reported at\nW1,José,2026-10-05 08:30\nW2,Müller,2026-10-06 09:00\n"),
    );
    expect(parsed.orders.map((o) => o.technician)).toEqual(["José", "Müller"]);
    expect(range.notes.map((n) => n.en)).toEqual(["the CSV file was read as Windows-1252/Latin-1 (Western European)"]);
  });

  it("a GBK CSV (as Chinese Excel saves it) keeps 张三", async () => {
    // 工单号,服务人员,报修时间 / W1,张三,2026-10-05 in GBK
    const gbk = new Uint8Array([
      0xb9,
      0xa4,
      0xb5,
      0xa5,
      0xba,
      0xc5,
      0x2c,
      0xb7,
      0xfe,
      0xce,
      0xf1,
      0xc8,
      0xcb,
      0xd4,
      0xb1,
      0x2c,
      0xb1,
      0xa8,
      0xd0,
      0xde,
      0xca,
      0xb1,
      0xbc,
      0xe4,
      0x0a,
      0x57,
      0x31,
      0x2c,
      0xd5,
      0xc5,
      0xc8,
      0xfd,
      0x2c,
      ...Buffer.from("2026-10-05"),
    ]);
    const { parsed } = await orders(gbk);
    expect(parsed.orders.map((o) => o.technician)).toEqual(["张三"]);
  });

  it("UTF-16 LE without a BOM is recognised", async () => {
    const { parsed } = await orders(
      new Uint8Array(Buffer.from("工单号\t服务人员\t报修时间\r\nW1\t李四\t2026-10-05\r\n", "utf16le")),
    );
    expect(parsed.orders.map((o) => o.technician)).toEqual(["李四"]);
  });
});

describe("sizes", () => {
  it("10,000 columns: the register's columns are found among them and every row is read", async () => {
    const extra = Array.from({ length: 9_997 }, (_, i) => `x${i}`);
    const csv = [
      ["工单号", "报修时间", "服务人员", ...extra].join(","),
      ...["W1", "W2"].map((id) => [id, "2026-10-05", "张三", ...extra.map(() => "1")].join(",")),
    ].join("\n");
    const { range, parsed } = await orders(Buffer.from(csv));
    expect(range.values[0]).toHaveLength(10_000);
    expect(parsed.rowsUsed).toBe(2);
  });

  it("a 1 MB cell is reported as more than a cell holds and treated as blank; its row is still used", async () => {
    const big = "客".repeat(1_000_000);
    const { parsed } = await orders(
      Buffer.from(`工单号,客户,报修时间\nW1,${big},2026-10-05\nW2,正常客户,2026-10-06\n`),
    );
    expect(parsed.rowsUsed).toBe(2);
    expect(parsed.orders.map((o) => o.customer)).toEqual([null, "正常客户"]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.message.en).toMatch(/1,000,000 characters, more than the 32,767 an Excel cell holds/);
  });
});

describe("numbers and line endings", () => {
  it("1e999 in a number column is a problem naming the cell, never Infinity", async () => {
    const { parsed } = await orders(Buffer.from("工单号,报修时间,客户满意度\nW1,2026-10-05,1e999\n"));
    expect(parsed.orders[0]!.satisfaction).toBeNull();
    expect(parsed.problems.map((p) => [p.row, p.column, p.value])).toEqual([[2, "客户满意度", "1e999"]]);
  });

  it("20 rows with mixed CRLF, LF and CR endings: 20 read", async () => {
    const ends = ["\r\n", "\n", "\r"];
    const lines = Array.from({ length: 20 }, (_, i) => `W${i},2026-10-${String(i + 1).padStart(2, "0")} 08:30`);
    const csv = "工单号,报修时间" + ends[0] + lines.map((l, i) => l + ends[i % 3]).join("");
    const { parsed } = await orders(Buffer.from(csv));
    expect(parsed.rowsRead).toBe(20);
    expect(parsed.rowsUsed).toBe(20);
  });
});
