/**
 * The self-check as the 设置 pane runs it: the workbook's settings decide the scheme (its own
 * 考核参数 when it has one, with every value readable — else the check is refused like any
 * generation; the defaults and a temporary 考核参数 when it has none), the sample sheets are
 * built (src/sheets/selfcheck), Excel does the rest (host.selfCheck → src/excel/selfCheck.ts),
 * and the report comes back as data. Tested over the fake Excel in Node.
 */
import type { Locale } from "../../../core/i18n/text";
import { problem } from "../../../core/problem";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../../core/settings";
import type { RunSelfCheckOptions } from "../../../excel";
import { buildReport, type SelfCheckReport } from "../../../sheets/selfcheck/report";
import { HostProblemError, type WorkbookHost } from "../../host";
import { ADDIN_VERSION } from "../../version";
import { unreadableSettingsError } from "./settingsForGeneration";
import { decideWorkbookSettings } from "./workbookSettings";
import { SC } from "./selfCheckStrings";

export async function runSelfCheckFlow(
  host: WorkbookHost,
  locale: Locale,
  options: RunSelfCheckOptions & { readonly now?: () => Date } = {},
): Promise<SelfCheckReport> {
  const excel = host.selfCheck;
  if (!excel) throw new HostProblemError(problem("na", SC.needsExcel));
  const { plans, names } = await host.readPlansAndNames(Object.values(SETTING_NAMES));
  const state = decideWorkbookSettings(plans, names);
  if (state.status === "present" && state.problems.length > 0) throw unreadableSettingsError(state.problems);
  const present = state.status === "present";
  // Every generator and the sample data: loaded when a check is run, not with the pane.
  const { selfCheckPlan } = await import("../../../sheets/selfcheck/selfCheckPlan");
  const check = await selfCheckPlan({
    locale,
    settings: present ? state.settings : DEFAULT_SETTINGS,
    includeSettingsSheet: !present,
  });
  const run = await excel.run(check, options);
  return buildReport(check, run, {
    when: (options.now ?? (() => new Date()))(),
    excel: excel.describeExcel(),
    addinVersion: ADDIN_VERSION,
  });
}
