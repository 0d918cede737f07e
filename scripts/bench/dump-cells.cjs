// The cells our writer writes for `kpi` on a CSV export, as JSON lines for the XlsxWriter peer
// (scripts/bench/xlsxwriter_peer.py): `node scripts/bench/dump-cells.cjs orders.csv cells.jsonl`.
// Line 1: {"sheets": [names]}; then one line per row: {"s": sheet, "r": row, "c": [[column,
// kind, value, cached, numberFormat]]} with kind s(tring) n(umber) b(oolean) f(ormula, its text
// as each cell holds it: the peer has no shared formulas). Rows and columns 0-based.
const fs = require("node:fs");
const path = require("node:path");
const { read, parse, plan, src } = require("./kpi-steps.cjs");
const { prepareNewFile } = require(path.join(src, "xlsx", "writeXlsx"));
const { sheetContent } = require(path.join(src, "xlsx", "package", "sheetContent"));
const { resolveStyle } = require(path.join(src, "xlsx", "package", "styles"));
const { parseRange } = require(path.join(src, "sheets", "formula", "a1"));

async function main() {
  const [input, out] = process.argv.slice(2);
  const range = await read(input);
  const { parsed } = parse(range);
  const wb = plan(parsed, range.address);
  const file = prepareNewFile([wb]);
  const fd = fs.openSync(out, "w");
  fs.writeSync(fd, `${JSON.stringify({ sheets: file.sheets.map((s) => s.actualName) })}\n`);
  file.sheets.forEach((sheet, s) => {
    const content = sheetContent(sheet);
    const formats = (sheet.plan.formats ?? []).map((f) => ({ rect: parseRange(f.range), style: f.style }));
    let lines = "";
    for (let r = 1; r <= content.extent.rows; r++) {
      const cells = content.row(r);
      if (cells.size === 0) continue;
      const row = [];
      for (const c of [...cells.keys()].sort((a, b) => a - b)) {
        const cell = cells.get(c);
        const covering = formats.filter(
          (f) => r >= f.rect.top && r <= f.rect.bottom && c >= f.rect.left && c <= f.rect.right,
        );
        const fmt = covering.length ? (resolveStyle(covering, r, c).numberFormat ?? null) : null;
        if (cell.kind === "value") {
          const v = cell.value;
          row.push([c - 1, typeof v === "string" ? "s" : typeof v === "boolean" ? "b" : "n", v, null, fmt]);
        } else {
          const f = cell.kind === "formula" ? cell.f : cell.fill.formulaAt(cell.rowOffset, cell.columnOffset);
          const e = cell.expect;
          row.push([c - 1, "f", f, e === undefined || e === null || typeof e === "object" ? null : e, fmt]);
        }
      }
      lines += `${JSON.stringify({ s, r: r - 1, c: row })}\n`;
      if (lines.length > 1 << 20) {
        fs.writeSync(fd, lines);
        lines = "";
      }
    }
    fs.writeSync(fd, lines);
  });
  fs.closeSync(fd);
}
main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
