/**
 * Example entries for a demo audit (CLI `--demo`, README pictures): mostly good scores, a few
 * low ones with findings and actions, an N/A, deterministic for the same areas and checklist.
 */
import { text, pick, type Locale } from "../../core/i18n/text";
import { scaleMax, SCALES, type ChecklistItem, type ScaleId } from "../../core/audit6s/engine";
import type { ItemEntry } from "./audit/auditPlan";

const FINDINGS = [
  text("工具未归位，工作台杂乱", "Tools not put back, bench cluttered"),
  text("部分货架缺少标识", "Some shelves lack labels"),
  text("地面有油污未及时清理", "Oil on the floor not cleaned up"),
  text("灭火器压力不足", "Fire extinguisher pressure low"),
];
const ACTIONS = [
  text("设置工具形迹板，班后检查", "Add a tool shadow board; check at end of shift"),
  text("补贴货架标识", "Label the shelves"),
  text("增加每日清扫并记录", "Add a daily clean-up with a log"),
  text("更换灭火器并每月点检", "Replace the extinguisher; check monthly"),
];
const OWNERS = [text("张伟", "Zhang Wei"), text("李娜", "Li Na"), text("王强", "Wang Qiang"), text("刘洋", "Liu Yang")];

export function demoEntries(
  checklist: readonly ChecklistItem[],
  areaCount: number,
  scale: ScaleId,
  date: number,
  locale: Locale,
): ItemEntry[][] {
  const max = scaleMax(SCALES[scale]);
  return Array.from({ length: areaCount }, (_, a) =>
    checklist.map((_, i): ItemEntry => {
      const k = (i * 7 + a * 5) % 17;
      if (k === 3) return { score: "na" };
      if (k === 5 || k === 11) {
        const n = (i + a) % FINDINGS.length;
        const low: ItemEntry = {
          score: scale === "passFail" ? "fail" : Math.ceil(max / 2) - 1 - (k === 5 ? 1 : 0),
          finding: pick(FINDINGS[n], locale),
          action: pick(ACTIONS[n], locale),
          owner: pick(OWNERS[n], locale),
          due: date + 7 + n * 3,
          status: k === 5 ? "inProgress" : "open",
        };
        return low;
      }
      if (scale === "passFail") return { score: "pass" };
      return { score: k % 4 === 0 ? max - 1 : max };
    }),
  );
}
