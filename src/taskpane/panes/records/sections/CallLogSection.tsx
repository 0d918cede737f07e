import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text as FluentText,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableAddRegular, TableSearchRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Text } from "../../../../core/i18n/text";
import { callLogPlan } from "../../../../sheets/records/callLog";
import { GenerateButton, TaskStatus, useTask } from "../../../components";
import { useHost } from "../../../host";
import { formatText } from "../../../i18n/format";
import { useLocale, useT } from "../../../i18n/useT";
import { generateSheets, withSettingsSheet } from "../../generateSheets";
import type { RecordSection } from "../types";
import {
  checkCallLogForm,
  initialCallLogForm,
  type CallLogErrors,
  type CallLogForm,
  type CallLogSource,
} from "./callLogModel";
import { CL } from "./callLogStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** 来电来函: an empty log, the log in the selection (Excel), or the example — as of a moment, with blank rows. */
function CallLogSection() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const [form, setForm] = useState<CallLogForm>(() => initialCallLogForm(new Date()));
  const [errors, setErrors] = useState<CallLogErrors>({});
  const change = (next: CallLogForm) => {
    setForm(next);
    if (Object.keys(errors).length > 0) setErrors(checkCallLogForm(next).errors);
  };

  const readSelection = () => {
    void task.run(CL.reading, async () => {
      const range = await host.readSelection();
      const next = {
        ...form,
        selection: { address: `${range.sheetName}!${range.address}`, firstRow: range.firstRow, rows: range.values },
      };
      change(next);
      const checked = checkCallLogForm(next);
      return {
        intent: checked.errors.source ? "error" : "info",
        body:
          checked.errors.source ??
          formatText(CL.selectionRead, { address: next.selection.address, n: checked.value?.calls.length ?? 0 }),
      };
    });
  };

  const generate = () => {
    const checked = checkCallLogForm(form);
    setErrors(checked.errors);
    const value = checked.value;
    if (!value) {
      task.clear();
      const list = Object.values(checked.errors) as Text[];
      task.show({
        intent: "error",
        title: CL.fixFirst,
        body: { zh: list.map((e) => e.zh).join("；"), en: list.map((e) => e.en).join("; ") },
      });
      return;
    }
    void task.run(CL.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
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
            return [
              {
                intent: "success",
                body: formatText(CL.generated, {
                  sheet: report.sheets[report.sheets.length - 1]?.actual ?? built.plan.name,
                  n: c.entries,
                  onTime: c.written.onTime,
                  late: c.written.late,
                  due: c.written.pending,
                  missed: c.written.missed,
                }),
              },
              ...(built.plan.notes ?? []).map((note) => ({ intent: "warning" as const, body: note })),
              ...settingsNotes,
            ];
          },
          settingsAdded: CL.settingsAdded,
        },
        progress,
      ),
    );
  };

  return (
    <div className={styles.root} data-testid="call-log-section">
      <Field label={t(CL.source)} size="small" validationMessage={errors.source ? t(errors.source) : undefined}>
        <RadioGroup
          value={form.source}
          onChange={(_, d) => change({ ...form, source: d.value as CallLogSource })}
          data-testid="call-log-source"
        >
          <Radio value="blank" label={t(CL.sourceBlank)} />
          <Radio value="selection" label={t(CL.sourceSelection)} />
          <Radio value="sample" label={t(CL.sourceSample)} />
        </RadioGroup>
      </Field>
      {form.source === "selection" && (
        <div>
          <Button
            size="small"
            icon={<TableSearchRegular />}
            onClick={readSelection}
            data-testid="call-log-read-selection"
          >
            {t(CL.readSelection)}
          </Button>
          {form.selection && (
            <FluentText size={200} className={styles.hint} data-testid="call-log-selection">
              {" "}
              {form.selection.address}
            </FluentText>
          )}
        </div>
      )}
      <div className={styles.pair}>
        <Field
          label={t(CL.asOf)}
          hint={t(CL.asOfHint)}
          size="small"
          validationMessage={errors.asOf ? t(errors.asOf) : undefined}
        >
          <Input
            value={form.asOf}
            onChange={(_, d) => change({ ...form, asOf: d.value })}
            data-testid="call-log-as-of"
          />
        </Field>
        <Field
          label={t(CL.blankRows)}
          hint={t(CL.blankRowsHint)}
          size="small"
          validationMessage={errors.blankRows ? t(errors.blankRows) : undefined}
        >
          <Input
            value={form.blankRows}
            inputMode="numeric"
            onChange={(_, d) => change({ ...form, blankRows: d.value })}
            data-testid="call-log-blank-rows"
          />
        </Field>
      </div>
      <div>
        <GenerateButton
          running={task.running}
          runningLabel={t(CL.generating)}
          icon={<TableAddRegular />}
          onClick={generate}
          data-testid="call-log-generate"
        >
          {t(CL.generate)}
        </GenerateButton>
      </div>
      <TaskStatus task={task} />
    </div>
  );
}

export const callLogSection: RecordSection = {
  id: "call-log",
  title: CL.title,
  summary: CL.summary,
  component: CallLogSection,
};
