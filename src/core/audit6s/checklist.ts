/**
 * The 6S checklist a supervisor audits with (RULES.md#6s-checklist): the policy's check items under the six
 * S (整理 整顿 清扫 清洁 素养, plus 安全 as the sixth S — the policy names 6S but lists five),
 * the areas audited, the item scales (RULES.md#6s-scoring) and the S-weight presets. Pure data and checks;
 * the generator in sheets/audit6s lays it out, scoring.ts and area.ts score it.
 */
import { text, pick, type Locale, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { normalizeText } from "../values/text";
import { checkWeights } from "../scoring/weightedScore";
import { AUDIT_6S_DEFAULT_ITEM_MAX } from "../settings";
import { PASS_FAIL_SCALE, type ItemScale } from "./scoring";

/** The six S by name, for messages (the settings sheet shows the same labels). */
export const S_NAMES: readonly Text[] = [
  text("整理", "Sort"),
  text("整顿", "Set in order"),
  text("清扫", "Shine"),
  text("清洁", "Standardize"),
  text("素养", "Sustain"),
  text("安全", "Safety"),
];

/** Position of an S in the order 整理 整顿 清扫 清洁 素养 安全 (the order of SVC_6S_Weights). */
export type SIndex = 0 | 1 | 2 | 3 | 4 | 5;
export const S_INDEXES: readonly SIndex[] = [0, 1, 2, 3, 4, 5];

/** One check item. Default items carry both languages; items a supervisor typed are one string. */
export interface ChecklistItem {
  readonly s: SIndex;
  readonly text: Text | string;
  /** A veto item (一票否决): scored 0, it sets its whole S to 0 (see scoring.ts sScore). */
  readonly critical?: boolean;
}

/** The item's text in a language (a typed item reads the same in both). */
export function itemText(item: ChecklistItem, locale: Locale): string {
  return typeof item.text === "string" ? item.text : pick(item.text, locale);
}

const item = (s: SIndex, zh: string, en: string): ChecklistItem => ({ s, text: text(zh, en) });

/**
 * RULES.md#6s-checklist, 考核细则 3.1–3.5, in policy order. 整顿's second item is the (default) for a line the
 * policy text lost; 安全 is the (default) sixth S. No item is critical by default: the policy
 * has no veto items — a department marks its own.
 */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  item(0, "分类整理是否合理，有无多余杂物", "Items sorted sensibly, no unneeded clutter"),
  item(0, "是否设置了专用存放区域", "Dedicated storage areas set up"),
  item(0, "工作台、地面和储物柜是否清洁整洁", "Workbenches, floor and lockers clean and tidy"),
  item(1, "物品是否有固定存放位置", "Every item has a fixed place"),
  item(1, "物品是否有明确标识", "Items clearly labelled"),
  item(1, "物品摆放顺序是否清晰明确", "Items arranged in a clear order"),
  item(2, "是否按照清扫计划进行清洁", "Cleaning follows the cleaning plan"),
  item(2, "现场是否保持干净和整洁", "Site kept clean and tidy"),
  item(2, "工具、设备和器具是否清洁", "Tools, equipment and instruments clean"),
  item(3, "是否执行定期的整理和清洁计划", "Regular sorting and cleaning plan carried out"),
  item(3, "现场物品是否整齐有序", "Items on site neat and orderly"),
  item(3, "是否及时处理现场问题和隐患", "Site problems and hazards dealt with promptly"),
  item(4, "员工是否遵守规章制度", "Staff follow the rules and regulations"),
  item(4, "是否接受过相关培训和教育", "Staff have received the relevant training"),
  item(4, "是否达到规定的考核要求", "The required appraisal standard is met"),
  item(5, "消防器材完好有效、通道畅通", "Fire equipment in working order, passages clear"),
  item(5, "用电与设备防护符合规定", "Electrical safety and machine guards as required"),
  item(5, "劳保用品按规定佩戴", "Protective equipment worn as required"),
  item(5, "油料/危险品按规定存放", "Oils and hazardous goods stored as required"),
  item(5, "举升设备等特种设备定期检验", "Lifts and other special equipment inspected on schedule"),
];

/** Areas a service department usually audits (RULES.md#6s-checklist); supervisors add their own. */
export const AREA_PRESETS: readonly Text[] = [
  text("维修车间", "Workshop"),
  text("备件库", "Parts store"),
  text("接待区", "Reception"),
  text("服务车", "Service vehicle"),
];

/** The item scales of RULES.md#6s-scoring: 0–5 (default), 0–4, 0–10, pass/fail. */
export type ScaleId = "0-5" | "0-4" | "0-10" | "passFail";
export const SCALE_IDS: readonly ScaleId[] = ["0-5", "0-4", "0-10", "passFail"];

export const SCALES: Readonly<Record<ScaleId, ItemScale>> = {
  "0-5": { kind: "points", max: AUDIT_6S_DEFAULT_ITEM_MAX },
  "0-4": { kind: "points", max: 4 },
  "0-10": { kind: "points", max: 10 },
  passFail: PASS_FAIL_SCALE,
};

export const SCALE_LABELS: Readonly<Record<ScaleId, Text>> = {
  "0-5": text("0–5 分（5 = 完全符合）", "0–5 points (5 = fully meets)"),
  "0-4": text("0–4 分", "0–4 points"),
  "0-10": text("0–10 分", "0–10 points"),
  passFail: text("合格 / 不合格", "Pass / fail"),
};

/** The most an item scores on a scale (pass/fail counts full = 1, RULES.md#6s-scoring). */
export function scaleMax(scale: ItemScale): number {
  return scale.kind === "passFail" ? 1 : scale.max;
}

/** Reads "0-5", "0–4", "5", "10", "pass/fail", "合格/不合格"… as a scale id. */
export function parseScaleId(input: string): Result<ScaleId> {
  const s = normalizeText(input).toLowerCase().replace(/[–—~]/g, "-").replace(/\s+/g, "");
  const map: Record<string, ScaleId> = {
    "0-5": "0-5",
    "5": "0-5",
    "0-4": "0-4",
    "4": "0-4",
    "0-10": "0-10",
    "10": "0-10",
    passfail: "passFail",
    "pass/fail": "passFail",
    "合格/不合格": "passFail",
    合格不合格: "passFail",
  };
  const id = map[s];
  if (id) return ok(id);
  return fail(
    "value",
    text(
      `无法识别评分制“${input}”：可选 0-5、0-4、0-10、合格/不合格（pass/fail）`,
      `unknown item scale "${input}": use 0-5, 0-4, 0-10 or pass/fail`,
    ),
  );
}

/** S weights: equal (the default of SVC_6S_Weights) … */
export const EQUAL_WEIGHTS: readonly number[] = [1, 1, 1, 1, 1, 1];
/** … or the preset with 安全 counting double (2 of 7 = 28.6%, each other S 14.3%). */
export const SAFETY_WEIGHTED: readonly number[] = [1, 1, 1, 1, 1, 2];

/** Six weights, none negative, not all zero (only their ratio matters). */
export function validateSWeights(weights: readonly unknown[]): Result<readonly number[]> {
  if (weights.length !== 6) {
    return fail(
      "value",
      text(
        `6S 权重应有 6 个（整理、整顿、清扫、清洁、素养、安全），现有 ${weights.length} 个`,
        `6S weights need 6 values (Sort … Safety), got ${weights.length}`,
      ),
    );
  }
  const r = checkWeights(weights);
  if (!r.ok) return fail("value", text(`6S 权重：${r.problem.message.zh}`, `6S weights: ${r.problem.message.en}`));
  if (r.value.some((w) => w === null)) return fail("value", text("6S 权重不能为空", "a 6S weight is blank"));
  return ok(r.value as number[]);
}

/** Longest item or area text accepted (a cell stays readable and printable). */
export const MAX_ITEM_TEXT = 200;
export const MAX_AREA_TEXT = 40;

/**
 * A checklist must have at least one item; every item needs text (at most 200 characters) and
 * an S from 0 to 5. An S may have no item: it is then left out of the total (weights
 * renormalised). Problems name the S and the item's number within it, as the pane lists them.
 *
 * @example
 * validateChecklist(DEFAULT_CHECKLIST) // → ok(DEFAULT_CHECKLIST)
 * validateChecklist([{ s: 0, text: " " }]) // → problem "value": 整理 item 1 has no text
 */
export function validateChecklist(
  items: readonly ChecklistItem[],
  sLabels: readonly Text[] = S_NAMES,
): Result<readonly ChecklistItem[]> {
  if (items.length === 0) return fail("value", text("检查表没有任何检查项", "the checklist has no items"));
  const counts = [0, 0, 0, 0, 0, 0];
  for (const it of items) {
    if (!S_INDEXES.includes(it.s))
      return fail(
        "value",
        text(`检查项的 6S 类别无效（${String(it.s)}）`, `a check item has an invalid S (${String(it.s)})`),
      );
    counts[it.s] += 1;
    const where = text(`${sLabels[it.s].zh}第 ${counts[it.s]} 项`, `${sLabels[it.s].en} item ${counts[it.s]}`);
    const texts = typeof it.text === "string" ? [it.text] : [it.text.zh, it.text.en];
    if (texts.some((t) => typeof t !== "string" || t.trim() === ""))
      return fail("value", text(`${where.zh}没有内容`, `${where.en} has no text`));
    if (texts.some((t) => t.length > MAX_ITEM_TEXT)) {
      return fail(
        "value",
        text(`${where.zh}超过 ${MAX_ITEM_TEXT} 个字符`, `${where.en} is longer than ${MAX_ITEM_TEXT} characters`),
      );
    }
  }
  return ok(items);
}

/**
 * Area names: at least one, none blank, none longer than 40 characters, no two the same (after
 * trimming and full-width folding — two blocks called 维修车间 could not be told apart).
 */
export function validateAreas(areas: readonly string[]): Result<readonly string[]> {
  if (areas.length === 0)
    return fail("value", text("请至少选择或输入一个检查区域", "choose or type at least one area to audit"));
  const seen = new Map<string, number>();
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i];
    if (typeof a !== "string" || a.trim() === "")
      return fail("value", text(`第 ${i + 1} 个区域名称为空`, `area ${i + 1} has no name`));
    if (a.length > MAX_AREA_TEXT)
      return fail(
        "value",
        text(
          `区域“${a}”的名称超过 ${MAX_AREA_TEXT} 个字符`,
          `the area name "${a}" is longer than ${MAX_AREA_TEXT} characters`,
        ),
      );
    const key = areaKey(a);
    const before = seen.get(key);
    if (before !== undefined)
      return fail(
        "value",
        text(
          `区域“${a}”重复（第 ${before + 1} 个和第 ${i + 1} 个）`,
          `the area "${a}" appears twice (areas ${before + 1} and ${i + 1})`,
        ),
      );
    seen.set(key, i);
  }
  return ok(areas);
}

/** The key two area names are compared by: trimmed, full-width folded, case-insensitive. */
export function areaKey(name: string): string {
  return normalizeText(name).toLowerCase();
}
