/**
 * Does the workbook have settings, and which: decided once for every host (panes through their
 * WorkbookHost, the command line through xlsx/reader.ts). A 考核参数 sheet is present when a
 * generated sheet of marker kind "settings" exists, or when its workbook names do (someone
 * renamed or copied the sheet); its values are then read back through settingsFromNames.
 */
import type { Locale } from "../../core/i18n/text";
import type { Problem } from "../../core/problem";
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
  /** The scheme the generated formulas will find in the workbook. */
  readonly settings: Settings;
  /** Values of the workbook's 考核参数 that could not be read (defaults used for those). */
  readonly problems: readonly Problem[];
  /**
   * The 考核参数 sheet to write first, when the workbook has none yet (created on first use:
   * generated formulas reference its names); empty when the workbook already has one.
   */
  readonly add: readonly SheetPlan[];
  /** The generated sheets in the workbook (read anyway to find the settings), for generators that build on them. */
  readonly plans: readonly FoundPlan[];
}

/**
 * What every generator needs before it builds a plan: the workbook's settings (read back from
 * its names) or, on first use, the defaults plus the settings sheet to create with the plan.
 */
export async function settingsForGeneration(reader: WorkbookReader, locale: Locale): Promise<GenerationSettings> {
  const { plans, state } = await readWorkbookSettings(reader);
  if (state.status === "present") return { settings: state.settings, problems: state.problems, add: [], plans };
  return { settings: DEFAULT_SETTINGS, problems: [], add: [settingsPlan(DEFAULT_SETTINGS, locale)], plans };
}
