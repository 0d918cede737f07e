/**
 * A stand-in workbook for the task pane's section tests, which render a section or run its
 * generation without Excel: it holds the given plans (none by default), has no selection, and
 * records every plan it is asked to write, answering as Excel would when each sheet keeps its
 * planned name. The records sections' tests each kept a copy of it; one copy here means a change
 * to WorkbookHost is made once.
 */
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Locale } from "../../src/core/i18n/text";
import type { FoundPlan, WorkbookPlan, WriteReport } from "../../src/sheets/plan";
import { EMPTY_WORKBOOK } from "../../src/sheets/reader";
import { HostProvider } from "../../src/taskpane/host";
import type { WorkbookHost } from "../../src/taskpane/host/types";
import { LocaleProvider } from "../../src/taskpane/i18n/useT";

export type RecordingHost = WorkbookHost & { readonly written: WorkbookPlan[] };

/** A browser-mode host over a workbook holding `plans`, recording what it writes in `written`. */
export function recordingHost(plans: FoundPlan[] = []): RecordingHost {
  const written: WorkbookPlan[] = [];
  return {
    ...EMPTY_WORKBOOK,
    kind: "browser",
    findPlans: async () => plans,
    readPlansAndNames: async (names) => ({ plans, names: await EMPTY_WORKBOOK.readNames(names) }),
    written,
    write: async (plan): Promise<WriteReport> => {
      written.push(plan);
      return {
        sheets: plan.sheets.map((s) => ({ planned: s.name, actual: s.name, kind: s.marker.kind })),
        syncs: 0,
        largestRequestBytes: 0,
      };
    },
    readSelection: () => Promise.reject(new Error("no selection")),
    subscribe: () => () => undefined,
  };
}

/** The HTML of `element` inside the providers the pane gives it: theme, `locale`, and `host`. */
export function renderInPane(element: ReactElement, locale: Locale, host: WorkbookHost = recordingHost()): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale} onLocaleChange={() => undefined}>
        <HostProvider host={host}>{element}</HostProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
}
