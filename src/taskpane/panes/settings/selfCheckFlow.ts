/**
 * The self-check as the 设置 pane runs it: the workbook's settings decide the scheme (its own
 * 考核参数 when it has one, with every value readable — else the check is refused like any
 * generation; the defaults and a temporary 考核参数 when it has none), the sample sheets are
 * built (src/sheets/selfcheck), Excel does the rest (host.selfCheck → src/excel/selfCheck.ts),
 * and the report comes back as data. Tested over the fake Excel in Node.
 */
import type { Locale } from "../../../core/i18n/text";
import { problem } from "../../../core/problem";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import type { RunSelfCheckOptions } from "../../../excel";
import { buildReport, type SelfCheckReport } from "../../../sheets/selfcheck/report";
import { readWorkbookSettings, settingsHaveNames, usableSettings, WARRANTY_NAMES } from "../../../sheets/settings";
import { HostProblemError, type WorkbookHost } from "../../host";
import { ADDIN_VERSION } from "../../version";
import { SC } from "./selfCheckStrings";

export async function runSelfCheckFlow(
  host: WorkbookHost,
  locale: Locale,
  options: RunSelfCheckOptions & { readonly now?: () => Date } = {},
): Promise<SelfCheckReport> {
  const excel = host.selfCheck;
  if (!excel) throw new HostProblemError(problem("na", SC.needsExcel));
  // The settings decision every generation makes (sheets/settings), refused the same way: a
  // ProblemError with reason SETTINGS_UNREADABLE when a value of 考核参数 cannot be read.
  const state = usableSettings((await readWorkbookSettings(host)).state);
  const present = state.status === "present";
  // Every generator and the sample data: loaded when a check is run, not with the pane.
  const { selfCheckPlan } = await import("../../../sheets/selfcheck/selfCheckPlan");
  const check = await selfCheckPlan({
    locale,
    settings: present ? state.settings : DEFAULT_SETTINGS,
    includeSettingsSheet: !present,
    // A 考核参数 older than the 三包 terms: the 三包件 sheet gets their values, not their names.
    warrantyNames: !present || (await settingsHaveNames(host, WARRANTY_NAMES)),
  });
  const run = await excel.run(check, options);
  return buildReport(check, run, {
    when: (options.now ?? (() => new Date()))(),
    excel: excel.describeExcel(),
    addinVersion: ADDIN_VERSION,
  });
}
