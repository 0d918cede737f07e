import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { isBlank } from "../values/blank";
import { describeValue } from "../values/describe";
import { normalizeText } from "../values/text";

/** RULES.md#work-order-register/2.2 fault categories: 车身 (body), 底盘发动机 (chassis-engine), 其他 (other). */
export type FaultCategory = "body" | "chassisEngine" | "other";

export const FAULT_CATEGORY_LABELS: Readonly<Record<FaultCategory, Text>> = {
  body: text("车身", "body"),
  chassisEngine: text("底盘发动机", "chassis-engine"),
  other: text("其他", "other"),
};

const ALIASES: ReadonlyArray<readonly [FaultCategory, readonly string[]]> = [
  ["body", ["车身", "车身类", "车身故障", "车体", "车身问题", "body", "bodywork", "body fault", "车身/车体"]],
  [
    "chassisEngine",
    [
      "底盘发动机",
      "底盘/发动机",
      "底盘、发动机",
      "底盘和发动机",
      "底盘及发动机",
      "底盘与发动机",
      "底盘,发动机",
      "底盘发动机类",
      "底盘发动机故障",
      "底盘",
      "发动机",
      "底盘类",
      "发动机类",
      "底盘故障",
      "发动机故障",
      "动力总成",
      "chassis-engine",
      "chassis/engine",
      "chassis & engine",
      "chassis and engine",
      "chassis engine",
      "chassis_engine",
      "chassisengine",
      "chassis",
      "engine",
      "powertrain",
    ],
  ],
  ["other", ["其他", "其它", "其他类", "其它类", "其他故障", "other", "others", "misc", "miscellaneous"]],
];

const LOOKUP = new Map<string, FaultCategory>();
for (const [cat, names] of ALIASES) for (const n of names) LOOKUP.set(key(n), cat);

function key(s: string): string {
  return normalizeText(s).toLowerCase().replace(/\s+/g, " ");
}

/**
 * Reads a fault category cell: 车身 / 底盘发动机 / 其他, the English aliases body /
 * chassis-engine / other, and common variants (底盘, 发动机, 底盘/发动机, 其它, chassis, engine…),
 * case- and width-insensitive. Blank → `null` (no category: the SLA state is unknown).
 * Anything else is a problem of kind "value" that lists the accepted values.
 *
 * @example
 * parseFaultCategory("底盘") // → ok("chassisEngine")
 * parseFaultCategory("Body") // → ok("body")
 * parseFaultCategory("轮胎") // → problem "value"
 */
export function parseFaultCategory(value: unknown): Result<FaultCategory | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === "string") {
    const found = LOOKUP.get(key(value));
    if (found) return ok(found);
  }
  const d = describeValue(value);
  return fail(
    "value",
    text(
      `故障类别应为 车身、底盘发动机 或 其他，而不是${d.zh}`,
      `the fault category must be 车身 (body), 底盘发动机 (chassis-engine) or 其他 (other), not ${d.en}`,
    ),
  );
}
