/**
 * The 6S pane's form as plain data with pure updates, so what the supervisor can do (pick
 * areas, edit the checklist, choose weights) and what counts as valid are tested without a DOM.
 */
import { pick, text, type Locale, type Text } from "../../../core/i18n/text";
import type { Result } from "../../../core/problem";
import { parseDateTime } from "../../../core/dates";
import { parsePeriod } from "../../../core/appraisal/period";
import {
  AREA_PRESETS,
  DEFAULT_CHECKLIST,
  SAFETY_WEIGHTED,
  areaKey,
  validateAreas,
  validateChecklist,
  validateSWeights,
  type ChecklistItem,
  type MonthCode,
  type ScaleId,
  type SIndex,
} from "../../../core/audit6s/engine";
import type { Audit6sOptions } from "../../../sheets/audit6s";
import { S6 } from "./strings";

export interface ItemDraft {
  readonly id: number;
  readonly s: SIndex;
  /** A default item shows in the pane's language until edited; then it is the typed text. */
  readonly preset: Text | null;
  readonly text: string;
  readonly critical: boolean;
}

export type WeightsMode = "settings" | "safety" | "custom";

export interface AuditForm {
  /** Which of AREA_PRESETS are ticked. */
  readonly presets: readonly boolean[];
  readonly custom: readonly string[];
  /** yyyy-mm-dd (what <input type="date"> holds). */
  readonly date: string;
  readonly inspector: string;
  readonly unit: string;
  readonly scale: ScaleId;
  readonly weightsMode: WeightsMode;
  readonly weights: readonly string[];
  readonly items: readonly ItemDraft[];
  readonly nextId: number;
}

export type FormErrors = Readonly<Partial<Record<"areas" | "date" | "weights" | "items", Text>>>;

/** yyyy-mm-dd of a Date's local calendar day. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function defaultItems(startId: number): ItemDraft[] {
  return DEFAULT_CHECKLIST.map((it, i) => ({
    id: startId + i,
    s: it.s,
    preset: typeof it.text === "string" ? null : it.text,
    text: typeof it.text === "string" ? it.text : "",
    critical: it.critical === true,
  }));
}

export function initialForm(today: Date): AuditForm {
  return {
    presets: AREA_PRESETS.map((_, i) => i === 0),
    custom: [],
    date: isoDay(today),
    inspector: "",
    unit: "",
    scale: "0-5",
    weightsMode: "settings",
    weights: ["1", "1", "1", "1", "1", "1"],
    items: defaultItems(1),
    nextId: DEFAULT_CHECKLIST.length + 1,
  };
}

/** The item's text as the pane shows it. */
export function itemShown(item: ItemDraft, locale: Locale): string {
  return item.preset ? pick(item.preset, locale) : item.text;
}

export function togglePreset(form: AuditForm, index: number): AuditForm {
  return { ...form, presets: form.presets.map((on, i) => (i === index ? !on : on)) };
}

/** Adds a typed area; a blank name or one already chosen is refused with the reason. */
export function addArea(form: AuditForm, name: string, locale: Locale): { form: AuditForm; error: Text | null } {
  const n = name.trim();
  if (n === "") return { form, error: S6.errors.areaBlank };
  const all = chosenAreas({ ...form, custom: [...form.custom, n] }, locale);
  const valid = validateAreas(all);
  if (!valid.ok) return { form, error: valid.problem.message };
  return { form: { ...form, custom: [...form.custom, n] }, error: null };
}

export function removeArea(form: AuditForm, index: number): AuditForm {
  return { ...form, custom: form.custom.filter((_, i) => i !== index) };
}

/** Ticked presets (in the pane's language) then typed areas, in that order. */
export function chosenAreas(form: AuditForm, locale: Locale): string[] {
  return [...AREA_PRESETS.filter((_, i) => form.presets[i]).map((p) => pick(p, locale)), ...form.custom];
}

export function setItemText(form: AuditForm, id: number, value: string): AuditForm {
  return { ...form, items: form.items.map((it) => (it.id === id ? { ...it, preset: null, text: value } : it)) };
}

export function toggleCritical(form: AuditForm, id: number): AuditForm {
  return { ...form, items: form.items.map((it) => (it.id === id ? { ...it, critical: !it.critical } : it)) };
}

export function removeItem(form: AuditForm, id: number): AuditForm {
  return { ...form, items: form.items.filter((it) => it.id !== id) };
}

/** A new empty item at the end of its S. */
export function addItem(form: AuditForm, s: SIndex): AuditForm {
  const item: ItemDraft = { id: form.nextId, s, preset: null, text: "", critical: false };
  const lastOfS = form.items.map((it) => it.s).lastIndexOf(s);
  const at =
    lastOfS >= 0
      ? lastOfS + 1
      : form.items.findIndex((it) => it.s > s) >= 0
        ? form.items.findIndex((it) => it.s > s)
        : form.items.length;
  return { ...form, items: [...form.items.slice(0, at), item, ...form.items.slice(at)], nextId: form.nextId + 1 };
}

export function resetChecklist(form: AuditForm): AuditForm {
  return { ...form, items: defaultItems(form.nextId), nextId: form.nextId + DEFAULT_CHECKLIST.length };
}

export function setWeightsMode(form: AuditForm, mode: WeightsMode): AuditForm {
  return { ...form, weightsMode: mode };
}

export function setWeight(form: AuditForm, index: number, value: string): AuditForm {
  return { ...form, weights: form.weights.map((w, i) => (i === index ? value : w)) };
}

/** A yyyy-mm-dd (or any date people type) as a whole-day serial, or null. */
export function daySerial(value: string): number | null {
  const d = parseDateTime(value);
  return d.ok && d.value !== null ? Math.floor(d.value) : null;
}

/** "2026-11" / "2026年11月" → 202611, or null. */
export function monthCode(value: string): MonthCode | null {
  const p = parsePeriod(value);
  return p.ok && "month" in p.value ? p.value.year * 100 + p.value.month : null;
}

/**
 * Checks the form. Returns the generator options (without settings and locale, which the
 * pane adds) or the errors per field, each a bilingual message naming what to fix.
 */
export function validateAuditForm(
  form: AuditForm,
  locale: Locale,
): { options: Omit<Audit6sOptions, "settings" | "locale"> | null; errors: FormErrors } {
  const errors: Record<string, Text> = {};
  const areas = validateAreas(chosenAreas(form, locale));
  if (!areas.ok) errors.areas = areas.problem.message;
  const date = daySerial(form.date);
  if (date === null) errors.date = S6.errors.date;
  let weights: Audit6sOptions["weights"] = "settings";
  if (form.weightsMode === "safety") weights = SAFETY_WEIGHTED;
  if (form.weightsMode === "custom") {
    const w = validateSWeights(form.weights.map((x) => (x.trim() === "" ? null : x.trim())));
    if (w.ok) weights = w.value;
    else errors.weights = w.problem.message;
  }
  const checklist: ChecklistItem[] = form.items.map((it) => ({
    s: it.s,
    text: it.preset ?? it.text,
    critical: it.critical,
  }));
  const valid: Result<readonly ChecklistItem[]> = validateChecklist(checklist);
  if (!valid.ok) errors.items = valid.problem.message;
  if (Object.keys(errors).length > 0 || !areas.ok || date === null) return { options: null, errors };
  return {
    options: {
      areas: areas.value,
      date,
      inspector: form.inspector.trim() || undefined,
      unit: form.unit.trim() || undefined,
      scale: form.scale,
      checklist,
      weights,
    },
    errors: {},
  };
}

/** How many areas of AREA_PRESETS a typed name duplicates (for the add button's state). */
export function isChosen(form: AuditForm, name: string, locale: Locale): boolean {
  const k = areaKey(name);
  return chosenAreas(form, locale).some((a) => areaKey(a) === k);
}

export const FIELD_LABELS: Readonly<Record<keyof FormErrors, Text>> = {
  areas: S6.areas,
  date: S6.date,
  weights: S6.weights,
  items: text("检查项目", "Check items"),
};
