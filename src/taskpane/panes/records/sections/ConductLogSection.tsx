/** 违规与黄红牌 section of the Records pane: an empty log, the cards in the selection (Excel), or the example year. */
import { conductLogPlan, type ConductLogPlan } from "../../../../sheets/records/conductLog";
import { withSettingsSheet } from "../../generateSheets";
import type { RecordSection } from "../types";
import { LogSection, logMessages, type LogSectionSpec } from "./RecordSection";
import {
  checkConductLogForm,
  INITIAL_CONDUCT_LOG_FORM,
  type ConductLogChoice,
  type ConductLogForm,
} from "./conductLogModel";
import { CD } from "./conductLogStrings";

const CONDUCT_LOG_SPEC: LogSectionSpec<ConductLogForm, ConductLogChoice, ConductLogPlan> = {
  id: "conduct-log",
  strings: CD,
  initial: () => INITIAL_CONDUCT_LOG_FORM,
  check: (form) => checkConductLogForm(form, new Date().getFullYear()),
  count: (value) => value.cards.length,
  generation: (value, locale) => ({
    build: () =>
      conductLogPlan({ cards: value.cards, blankRows: value.blankRows, locale, inputProblems: value.problems }),
    plan: (built, workbook) => withSettingsSheet(workbook, built.plan),
    messages: (built, report, settingsNotes) => {
      const c = built.result.counts;
      const counts = { n: built.result.lines.length, yellow: c.yellow, red: c.red, awaiting: c.awaitingApproval };
      return logMessages(CD.generated, counts, built.plan, report, settingsNotes);
    },
    settingsAdded: CD.settingsAdded,
  }),
};

function ConductLogSection() {
  return <LogSection spec={CONDUCT_LOG_SPEC} />;
}

export const conductLogSection: RecordSection = {
  id: "conduct-log",
  title: CD.title,
  summary: CD.summary,
  component: ConductLogSection,
};
