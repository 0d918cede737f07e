import { text, type Locale, type Text } from "../../../core/i18n/text";
import { problem, type Problem } from "../../../core/problem";
import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings } from "../../../core/settings";
import type { FoundPlan, SheetPlan } from "../../../sheets/plan";
import { settingsPlan } from "../../../sheets/settings";
import { HostProblemError, type WorkbookHost } from "../../host";
import type { PaneMessageInput } from "../../components";
import { formatText } from "../../i18n/format";
import { decideWorkbookSettings } from "./workbookSettings";

export interface GenerationSettings {
  /** The scheme the generated formulas will find in the workbook. */
  readonly settings: Settings;
  /** Values of the workbook's 考核参数 that could not be read (defaults used for those). */
  readonly problems: readonly Problem[];
  /**
   * The 考核参数 sheet to write first, when the workbook has none yet (created on first use,
   * SPEC: generated formulas reference its names); empty when the workbook already has one.
   */
  readonly add: readonly SheetPlan[];
  /** The generated sheets in the workbook (read anyway to find the settings), for generators that build on them. */
  readonly plans: readonly FoundPlan[];
}

/**
 * What every generator needs before it builds a plan: the workbook's settings (read back from
 * its names) or, on first use, the defaults plus the settings sheet to create with the plan.
 */
export async function settingsForGeneration(host: WorkbookHost, locale: Locale): Promise<GenerationSettings> {
  // One Excel.run for both (issue 9: round trips).
  const { plans, names: values } = await host.readPlansAndNames(Object.values(SETTING_NAMES));
  const state = decideWorkbookSettings(plans, values);
  if (state.status === "present" && state.problems.length > 0) throw unreadableSettingsError(state.problems);
  if (state.status === "present") return { settings: state.settings, problems: state.problems, add: [], plans };
  return { settings: DEFAULT_SETTINGS, problems: [], add: [settingsPlan(DEFAULT_SETTINGS, locale)], plans };
}

const UNREADABLE_SETTINGS = text(
  "“考核参数”中有值无法读取：{list}。生成的公式直接引用这些单元格，算出的结果会与本加载项不同，因此未做任何修改。请在“考核参数”工作表中改正（“设置”窗格列出了这些问题），然后再生成。",
  "Some values of the Settings sheet (考核参数) cannot be read: {list}. The generated formulas read those cells, so the sheets would not compute what the add-in computes; nothing was changed. Correct them in the Settings sheet (the Settings pane lists them), then generate again.",
);

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
 * sheet's formulas read the cell, so the preview and the sheet would differ. Nothing is written.
 */
export function unreadableSettingsError(problems: readonly Problem[]): HostProblemError {
  const list = problems.map((p) => withoutFallback(p.message));
  return new HostProblemError(
    problem("value", {
      zh: formatText(UNREADABLE_SETTINGS, { list: list.map((x) => x.zh).join("；") }).zh,
      en: formatText(UNREADABLE_SETTINGS, { list: list.map((x) => x.en).join("; ") }).en,
    }),
  );
}

const SETTINGS_PROBLEMS = text(
  "“考核参数”中有无法读取的值，已使用默认值：{list}",
  "Some Settings values could not be read and their defaults were used: {list}",
);

/**
 * What a generation tells the user about the settings: that the 考核参数 sheet was created with
 * it (`added`, in the pane's own words about what references it), or which values fell back to
 * their defaults.
 */
export function settingsMessages(g: GenerationSettings, added: Text): PaneMessageInput[] {
  const out: PaneMessageInput[] = [];
  if (g.add.length > 0) out.push({ intent: "info", body: added });
  if (g.problems.length > 0) {
    out.push({
      intent: "warning",
      body: {
        zh: formatText(SETTINGS_PROBLEMS, { list: g.problems.map((p) => p.message.zh).join("；") }).zh,
        en: formatText(SETTINGS_PROBLEMS, { list: g.problems.map((p) => p.message.en).join("; ") }).en,
      },
    });
  }
  return out;
}
