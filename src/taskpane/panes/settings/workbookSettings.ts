import type { Problem } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import type { FoundPlan, Scalar } from "../../../sheets/plan";
import { settingsFromNames } from "../../../sheets/settings";

export type WorkbookSettingsState =
  | { readonly status: "loading" }
  | { readonly status: "absent" }
  | {
      readonly status: "present";
      /** The 考核参数 sheet's actual name (found by its marker), or null if only its names exist. */
      readonly sheetName: string | null;
      readonly settings: Settings;
      readonly problems: readonly Problem[];
    }
  | { readonly status: "failed"; readonly error: unknown };

/**
 * What the workbook holds: a settings sheet is present when a generated sheet of marker kind
 * "settings" exists, or when its workbook names do (someone renamed or copied the sheet); then
 * the values are read back through settingsFromNames. Pure decision, tested without a host.
 */
export function decideWorkbookSettings(
  plans: readonly FoundPlan[],
  values: Record<string, Scalar[][] | undefined>,
): WorkbookSettingsState {
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
