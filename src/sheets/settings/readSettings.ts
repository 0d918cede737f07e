/**
 * Does the workbook have settings, and which: decided once for every host (panes through their
 * WorkbookHost, the command line through xlsx/reader.ts). A 考核参数 sheet is present when a
 * generated sheet of marker kind "settings" exists, or when its workbook names do (someone
 * renamed or copied the sheet); its values are then read back through settingsFromNames.
 */
import { text, type Locale, type Text } from "../../core/i18n/text";
import { problem, ProblemError, type Problem } from "../../core/problem";
import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings } from "../../core/settings";
import type { FoundPlan, Scalar, SheetPlan } from "../plan";
import type { WorkbookReader } from "../reader";
import { settingsFromNames } from "./settingsFromNames";
import { settingsPlan } from "./settingsPlan";

export type WorkbookSettings =
  | { readonly status: "absent" }
  | {
      readonly status: "present";
      /** The 考核参数 sheet's actual name (found by its marker), or null if only its names exist. */
      readonly sheetName: string | null;
      readonly settings: Settings;
      readonly problems: readonly Problem[];
    };

/** The decision itself, from what a reader returned: marker or names. Pure, tested without a host. */
export function decideWorkbookSettings(
  plans: readonly FoundPlan[],
  values: Record<string, Scalar[][] | undefined>,
): WorkbookSettings {
  const sheet = plans.find((p) => p.marker.kind === "settings");
  const readBack = settingsFromNames(values);
  if (!sheet && !readBack.found) return { status: "absent" };
  return {
    status: "present",
    sheetName: sheet?.sheetName ?? null,
    settings: readBack.settings,
    problems: readBack.problems,
  };
}

/** Reads the markers and the settings names (in Excel one Excel.run, two syncs) and decides. */
export async function readWorkbookSettings(
  reader: WorkbookReader,
): Promise<{ readonly plans: FoundPlan[]; readonly state: WorkbookSettings }> {
  const { plans, names } = await reader.readPlansAndNames(Object.values(SETTING_NAMES));
  return { plans, state: decideWorkbookSettings(plans, names) };
}

export interface GenerationSettings {
  /** The scheme the generated formulas will find in the workbook (every value of it readable). */
  readonly settings: Settings;
  /**
   * The 考核参数 sheet to write first, when the workbook has none yet (created on first use:
   * generated formulas reference its names); empty when the workbook already has one.
   */
  readonly add: readonly SheetPlan[];
  /** The generated sheets in the workbook (read anyway to find the settings), for generators that build on them. */
  readonly plans: readonly FoundPlan[];
}

/**
 * Reason code of a generation refused because the workbook's 考核参数 cannot be read whole;
 * params.names: the settings' workbook names, comma-separated, in the order reported.
 */
export const SETTINGS_UNREADABLE = "settings.unreadable";

/** A problem's message without settingsFromNames' "the default is used" ending (here nothing is used). */
function withoutFallback(t: Text): Text {
  return {
    zh: t.zh.replace(/[，,；;]\s*(已使用默认值|按 0 计算)$/u, ""),
    en: t.en.replace(/;\s*(the default is used|0 is used)$/, ""),
  };
}

/**
 * Generation refused because the workbook's 考核参数 has values it cannot read — a deleted name,
 * text where a number belongs (issue 15): the engine would compute with a default while the
 * sheet's formulas read the cell, so what the add-in shows and what the sheet computes would
 * differ. Thrown before anything is written, by every host (panes, the command line, the
 * self-check).
 */
export function unreadableSettingsError(problems: readonly Problem[]): ProblemError {
  const list = problems.map((p) => withoutFallback(p.message));
  const names = [...new Set(problems.map((p) => p.reason?.params?.name).filter((n) => typeof n === "string"))];
  return new ProblemError(
    problem(
      "value",
      text(
        `“考核参数”中有值无法读取：${list.map((x) => x.zh).join("；")}。生成的公式直接引用这些单元格，算出的结果会与本加载项不同，因此未做任何修改。请在“考核参数”工作表中改正（加载项的“设置”窗格会列出这些问题），然后再生成。`,
        `Some values of the Settings sheet (考核参数) cannot be read: ${list.map((x) => x.en).join("; ")}. The generated formulas read those cells, so the sheets would not compute what the add-in computes; nothing was changed. Correct them in the Settings sheet (the add-in's Settings pane lists them), then generate again.`,
      ),
      { reason: { code: SETTINGS_UNREADABLE, params: { names: names.join(", ") } } },
    ),
  );
}

/**
 * The settings as read, when a generation may use them: a 考核参数 with any value that cannot
 * be read refuses (`unreadableSettingsError`, reason code SETTINGS_UNREADABLE), so nothing is
 * ever generated with a substituted default. The one rule for every generation and the self-check.
 */
export function usableSettings(state: WorkbookSettings): WorkbookSettings {
  if (state.status === "present" && state.problems.length > 0) throw unreadableSettingsError(state.problems);
  return state;
}

/**
 * What every generator needs before it builds a plan: the workbook's settings (read back from
 * its names) or, on first use, the defaults plus the settings sheet to create with the plan.
 * Refused as `usableSettings` says.
 */
export async function settingsForGeneration(reader: WorkbookReader, locale: Locale): Promise<GenerationSettings> {
  const { plans, state: read } = await readWorkbookSettings(reader);
  const state = usableSettings(read);
  if (state.status === "present") return { settings: state.settings, add: [], plans };
  return { settings: DEFAULT_SETTINGS, add: [settingsPlan(DEFAULT_SETTINGS, locale)], plans };
}
