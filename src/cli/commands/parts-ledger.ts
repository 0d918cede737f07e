/**
 * `service-appraisal parts-ledger --station 北京站 (--items ITEMS.csv [--moves MOVES.csv] | --demo)
 * [--blank-rows 200] --out BOOK.xlsx [--json FILE.json] [--force]`
 *
 * One service station's spare-parts book (policy 3.7; RULES.md#spare-parts-ledger): 备用件台账,
 * 出入库流水 and 盘点表 in a new workbook — one book per station (3.7.6). The item table may
 * carry a 实盘数量 column, which fills the stock take. `--json` writes each item's figures
 * (the same numbers the sheets compute) and the movements the check column flags.
 */
import { pick, text } from "../../core/i18n/text";
import { describeProblem } from "../../core/problem";
import {
  MOVE_FLAG_LABELS,
  SAMPLE_COUNTS,
  SAMPLE_ITEMS,
  SAMPLE_MOVES,
  readItems,
  readMoves,
  summarizeStockTake,
  type PartMove,
} from "../../core/records/partsLedger";
import { partsLedgerPlan } from "../../sheets/records/partsLedger";
import { flag, optionalString } from "../args";
import { CliError, type Command } from "../command";
import { PARTS_LEDGER } from "./specs";
import { jsonOutput, writeWorkbook } from "../io";
import { blankRowsOption, readRecordFile, recordOutputs, recordsOrSample } from "../records";

export const partsLedgerCommand: Command = {
  ...PARTS_LEDGER,
  async run(ctx) {
    const demo = flag(ctx, "demo");
    const { out, json } = recordOutputs(ctx, ["items", "moves"]);
    const blankMoveRows = blankRowsOption(ctx, "blank-rows", 200);
    const station = optionalString(ctx, "station") ?? "";
    const catalogue = await recordsOrSample(ctx, "items", { items: SAMPLE_ITEMS, counts: SAMPLE_COUNTS }, readItems);
    const moves: readonly PartMove[] = demo
      ? SAMPLE_MOVES
      : optionalString(ctx, "moves") === undefined
        ? []
        : await readRecordFile(ctx, "moves", readMoves);
    const r = partsLedgerPlan({ station, ...catalogue, moves, locale: ctx.locale, blankMoveRows });
    if (!r.ok) throw new CliError(describeProblem(r.problem), 1);
    const { ledger, stockTake } = r.value;
    const headerRow = 4;
    const body = {
      station,
      items: catalogue.items.map((it, i) => ({
        code: it.code,
        name: it.name,
        spec: it.spec,
        unit: it.unit,
        opening: it.opening,
        ...ledger.totals[i]!,
        counted: stockTake[i]!.counted,
        difference: stockTake[i]!.difference,
        result: stockTake[i]!.result,
      })),
      moves: moves.length,
      // Rows as the 出入库流水 sheet shows them.
      flagged: ledger.lines.flatMap((l, i) =>
        l.flag === null ? [] : [{ row: headerRow + 1 + i, code: moves[i]!.code, flag: l.flag, balance: l.balance }],
      ),
      stockTake: summarizeStockTake(stockTake),
    };
    const sheets = await writeWorkbook(null, r.value.plan, out, json === undefined ? [] : [jsonOutput(json, body)]);
    const say = (zh: string, en: string) => ctx.out(pick(text(zh, en), ctx.locale));
    const s = body.stockTake;
    say(
      `${catalogue.items.length} 个物料，${moves.length} 条出入库记录，${body.flagged.length} 条需检查；盘点 ${s.counted} 项：${s.match} 项帐物一致，盘盈 ${s.surplus}，盘亏 ${s.shortage}`,
      `${catalogue.items.length} items, ${moves.length} movements, ${body.flagged.length} to check; stock take ${s.counted} counted: ${s.match} match, ${s.surplus} surplus, ${s.shortage} shortage`,
    );
    for (const f of body.flagged.slice(0, 10))
      say(
        `  第 ${f.row} 行 ${f.code}：${MOVE_FLAG_LABELS[f.flag].zh}`,
        `  row ${f.row} ${f.code}: ${MOVE_FLAG_LABELS[f.flag].en}`,
      );
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};
