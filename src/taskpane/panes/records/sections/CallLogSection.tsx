/** 来电来函 section of the Records pane: an empty log, the log in the selection (Excel), or the example — as of a moment. */
import { callLogPlan, type CallLogPlan } from "../../../../sheets/records/callLog";
import { withSettingsSheet } from "../../generateSheets";
import type { RecordSection } from "../types";
import { LogSection, logMessages, type LogSectionSpec } from "./RecordSection";
import { checkCallLogForm, initialCallLogForm, type CallLogChoice, type CallLogForm } from "./callLogModel";
import { CL } from "./callLogStrings";

const CALL_LOG_SPEC: LogSectionSpec<CallLogForm, CallLogChoice, CallLogPlan> = {
  id: "call-log",
  strings: CL,
  initial: () => initialCallLogForm(new Date()),
  check: checkCallLogForm,
  count: (value) => value.calls.length,
  generation: (value, locale) => ({
    build: ({ settings }) =>
      callLogPlan({
        calls: value.calls,
        asOf: value.asOf,
        blankRows: value.blankRows,
        locale,
        settings,
        inputProblems: value.problems,
      }),
    plan: (built, workbook) => withSettingsSheet(workbook, built.plan),
    messages: (built, report, settingsNotes) => {
      const c = built.result.counts;
      const { onTime, late, pending: due, missed } = c.written;
      return logMessages(CL.generated, { n: c.entries, onTime, late, due, missed }, built.plan, report, settingsNotes);
    },
    settingsAdded: CL.settingsAdded,
  }),
};

function CallLogSection() {
  return <LogSection spec={CALL_LOG_SPEC} />;
}

export const callLogSection: RecordSection = {
  id: "call-log",
  title: CL.title,
  summary: CL.summary,
  component: CallLogSection,
};
