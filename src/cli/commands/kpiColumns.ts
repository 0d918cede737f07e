/**
 * What the `kpi` command does with a column whose header could mean two fields (issue 14:
 * "公里数" is the service radius or the vehicle's mileage; an order with 里程 85000 was counted
 * late when 里程 was taken for the radius), or that names a thing but not the fact the register
 * keeps (issue 12: "签字" may be the manager's approval, "数量" anything counted). Such a column is
 * never guessed: the command stops and says which flag answers the question — one per field it
 * could be (--distance-column, --mileage-column, --signature-column …) or --ignore-column, each
 * naming the column by its header (or its letter in the sheet).
 */
import { text } from "../../core/i18n/text";
import { fieldDef, headerKey, type ColumnMapping, type MappingProposal, type OrderField } from "../../core/workorders";
import { columnLetter } from "../../sheets/common/address";
import { CliError, type CommandContext } from "../command";
import type { ColumnFlag } from "./specs";

/** What each flag (specs.ts COLUMN_FLAGS) says a column is. */
const AS: readonly { readonly option: ColumnFlag; readonly field: OrderField | null }[] = [
  { option: "distance-column", field: "distanceKm" },
  { option: "mileage-column", field: "mileageKm" },
  { option: "signature-column", field: "signatureObtained" },
  { option: "part-name-column", field: "partName" },
  { option: "part-quantity-column", field: "partQuantity" },
  { option: "part-reason-column", field: "partReason" },
  { option: "old-part-column", field: "oldPartReturned" },
  { option: "ignore-column", field: null },
];

function listOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The 0-based column a flag names: by header (as headers match: case, width, unit ignored), or by letter. */
function columnNamed(name: string, headers: readonly unknown[], firstColumn: number, option: string): number {
  const key = headerKey(name);
  const byHeader = headers.findIndex((h) => h !== null && h !== undefined && headerKey(String(h)) === key);
  if (byHeader >= 0) return byHeader;
  const byLetter = headers.findIndex((_h, i) => columnLetter(firstColumn + i) === name.trim().toUpperCase());
  if (byLetter >= 0) return byLetter;
  const found = headers.filter((h) => h !== null && String(h).trim() !== "").join(", ");
  throw new CliError(
    text(
      `--${option}：没有标题为“${name}”的列（找到的标题：${found}）`,
      `--${option}: no column is headed "${name}" (headers found: ${found})`,
    ),
    2,
  );
}

/**
 * The proposal's mapping with the user's answers applied; stops with a message (exit 2) while a
 * column that could be two fields has no answer.
 *
 * @example
 * // headers 报修时间, 公里数 with --distance-column 公里数 → { reportedAt: 0, distanceKm: 1 }
 */
export function decideColumns(
  ctx: Pick<CommandContext, "values">,
  proposal: MappingProposal,
  headers: readonly unknown[],
  firstColumn: number,
): ColumnMapping {
  const mapping: Partial<Record<OrderField, number>> = { ...proposal.mapping };
  const decided = new Set<number>();
  for (const { option, field } of AS) {
    for (const name of listOf(ctx.values[option])) {
      const column = columnNamed(name, headers, firstColumn, option);
      for (const [f, c] of Object.entries(mapping)) if (c === column) delete mapping[f as OrderField];
      if (field !== null) mapping[field] = column;
      decided.add(column);
    }
  }
  const open = proposal.ambiguous.filter((a) => !decided.has(a.column));
  if (open.length > 0) {
    const a = open[0];
    const fieldsZh = a.fields.map((f) => fieldDef(f).label.zh).join("或");
    const fieldsEn = a.fields.map((f) => fieldDef(f).label.en).join(" or ");
    const flags = a.fields.map((f) => ({ option: AS.find((x) => x.field === f)?.option, label: fieldDef(f).label }));
    const asZh = flags.map((x) => `--${x.option} "${a.header}"（${x.label.zh}）`).join("、");
    const asEn = flags.map((x) => `--${x.option} "${a.header}" (${x.label.en})`).join(", ");
    throw new CliError(
      text(
        `“${a.header}”列可能是${fieldsZh}，不会自动猜测：请加 ${asZh}或 --ignore-column "${a.header}"（不使用）`,
        `column "${a.header}" could be ${fieldsEn}, and is never guessed: add ${asEn} or --ignore-column "${a.header}" (not used)`,
      ),
      2,
    );
  }
  return mapping;
}
