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
import { conductLogPlan } from "../../../../sheets/records/conductLog";
import { GenerateButton, TaskStatus, useTask } from "../../../components";
import { useHost } from "../../../host";
import { formatText } from "../../../i18n/format";
import { useLocale, useT } from "../../../i18n/useT";
import { generateSheets, withSettingsSheet } from "../../generateSheets";
import type { RecordSection } from "../types";
import {
  checkConductLogForm,
  INITIAL_CONDUCT_LOG_FORM,
  type ConductLogErrors,
  type ConductLogForm,
  type ConductLogSource,
} from "./conductLogModel";
import { CD } from "./conductLogStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  narrow: { maxWidth: "50%" },
});

/** 违规与黄红牌: an empty log, the cards in the selection (Excel), or the example year. */
function ConductLogSection() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const [form, setForm] = useState<ConductLogForm>(INITIAL_CONDUCT_LOG_FORM);
  const [errors, setErrors] = useState<ConductLogErrors>({});
  const year = new Date().getFullYear();
  const change = (next: ConductLogForm) => {
    setForm(next);
    if (Object.keys(errors).length > 0) setErrors(checkConductLogForm(next, year).errors);
  };

  const readSelection = () => {
    void task.run(CD.reading, async () => {
      const range = await host.readSelection();
      const next = {
        ...form,
        selection: { address: `${range.sheetName}!${range.address}`, firstRow: range.firstRow, rows: range.values },
      };
      change(next);
      const checked = checkConductLogForm(next, year);
      return {
        intent: checked.errors.source ? "error" : "info",
        body:
          checked.errors.source ??
          formatText(CD.selectionRead, { address: next.selection.address, n: checked.value?.cards.length ?? 0 }),
      };
    });
  };

  const generate = () => {
    const checked = checkConductLogForm(form, year);
    setErrors(checked.errors);
    const value = checked.value;
    if (!value) {
      task.clear();
      const list = Object.values(checked.errors) as Text[];
      task.show({
        intent: "error",
        title: CD.fixFirst,
        body: { zh: list.map((e) => e.zh).join("；"), en: list.map((e) => e.en).join("; ") },
      });
      return;
    }
    void task.run(CD.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: () =>
            conductLogPlan({ cards: value.cards, blankRows: value.blankRows, locale, inputProblems: value.problems }),
          plan: (built, workbook) => withSettingsSheet(workbook, built.plan),
          messages: (built, report, settingsNotes) => {
            const c = built.result.counts;
            return [
              {
                intent: "success",
                body: formatText(CD.generated, {
                  sheet: report.sheets[report.sheets.length - 1]?.actual ?? built.plan.name,
                  n: built.result.lines.length,
                  yellow: c.yellow,
                  red: c.red,
                  awaiting: c.awaitingApproval,
                }),
              },
              ...(built.plan.notes ?? []).map((note) => ({ intent: "warning" as const, body: note })),
              ...settingsNotes,
            ];
          },
          settingsAdded: CD.settingsAdded,
        },
        progress,
      ),
    );
  };

  return (
    <div className={styles.root} data-testid="conduct-log-section">
      <Field label={t(CD.source)} size="small" validationMessage={errors.source ? t(errors.source) : undefined}>
        <RadioGroup
          value={form.source}
          onChange={(_, d) => change({ ...form, source: d.value as ConductLogSource })}
          data-testid="conduct-log-source"
        >
          <Radio value="blank" label={t(CD.sourceBlank)} />
          <Radio value="selection" label={t(CD.sourceSelection)} />
          <Radio value="sample" label={t(CD.sourceSample)} />
        </RadioGroup>
      </Field>
      {form.source === "selection" && (
        <div>
          <Button
            size="small"
            icon={<TableSearchRegular />}
            onClick={readSelection}
            data-testid="conduct-log-read-selection"
          >
            {t(CD.readSelection)}
          </Button>
          {form.selection && (
            <FluentText size={200} className={styles.hint}>
              {" "}
              {form.selection.address}
            </FluentText>
          )}
        </div>
      )}
      <Field
        label={t(CD.blankRows)}
        hint={t(CD.blankRowsHint)}
        size="small"
        className={styles.narrow}
        validationMessage={errors.blankRows ? t(errors.blankRows) : undefined}
      >
        <Input
          value={form.blankRows}
          inputMode="numeric"
          onChange={(_, d) => change({ ...form, blankRows: d.value })}
          data-testid="conduct-log-blank-rows"
        />
      </Field>
      <div>
        <GenerateButton
          running={task.running}
          runningLabel={t(CD.generating)}
          icon={<TableAddRegular />}
          onClick={generate}
          data-testid="conduct-log-generate"
        >
          {t(CD.generate)}
        </GenerateButton>
      </div>
      <TaskStatus task={task} />
    </div>
  );
}

export const conductLogSection: RecordSection = {
  id: "conduct-log",
  title: CD.title,
  summary: CD.summary,
  component: ConductLogSection,
};
