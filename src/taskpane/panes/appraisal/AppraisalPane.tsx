import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text as FluentText,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  AddRegular,
  ArrowResetRegular,
  DeleteRegular,
  TableAddRegular,
  TableCursorRegular,
} from "@fluentui/react-icons";
import { useState } from "react";
import type { Text } from "../../../core/i18n/text";
import { appraisalPlans, readKpiSource, type KpiSource, type Scale } from "../../../sheets/appraisal";
import { formColumns } from "../../../core/appraisal";
import { GenerateButton, TaskStatus, hiddenRowsNote, useTask, type PaneMessageInput } from "../../components";
import { useHost } from "../../host";
import { formatText } from "../../i18n/format";
import { useLocale, useT } from "../../i18n/useT";
import { useWorkbookSettings } from "../settings/useWorkbookSettings";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { generateSheets } from "../generateSheets";
import {
  addGroup,
  addIndicator,
  formPeople,
  initialForm,
  removeGroup,
  removeIndicator,
  resetCustom,
  setGroup,
  setIndicator,
  setShare,
  shareRows,
  validateForm,
  type AppraisalForm,
  type FormErrors,
  type TemplateChoice,
} from "./appraisalForm";
import { A } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
  },
  fill: { minWidth: 0, width: "100%" },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 5.5em auto",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  indicators: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  shares: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  share: {
    display: "grid",
    gridTemplateColumns: "minmax(4em, auto) minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteDarkOrangeForeground1 },
});

function FieldError(props: { error: Text | undefined; field: string }) {
  const t = useT();
  const styles = useStyles();
  if (!props.error) return null;
  return (
    <FluentText role="alert" size={200} className={styles.error} data-field-error={props.field}>
      {t(props.error)}
    </FluentText>
  );
}

/** Groups and indicators of a custom template, each with its weight in percent. */
function CustomEditor(props: { form: AppraisalForm; onChange: (f: AppraisalForm) => void }) {
  const { form, onChange } = props;
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  return (
    <div className={styles.root} data-section="custom-template">
      <FluentText size={200} className={styles.hint}>
        {t(A.customHint)}
      </FluentText>
      {form.custom.map((g, gi) => {
        const groupLabel = g.name.trim() || `#${gi + 1}`;
        return (
          <div key={g.id} className={styles.group} data-group={gi}>
            <div className={styles.row}>
              <Input
                size="small"
                aria-label={t(A.groupName, { n: gi + 1 })}
                value={g.name}
                onChange={(_e, d) => onChange(setGroup(form, g.id, { name: d.value }))}
              />
              <Input
                size="small"
                aria-label={t(A.groupWeight, { n: gi + 1 })}
                value={g.weight}
                inputMode="decimal"
                contentAfter="%"
                onChange={(_e, d) => onChange(setGroup(form, g.id, { weight: d.value }))}
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t(A.removeGroup, { n: gi + 1 })}
                title={t(A.removeGroup, { n: gi + 1 })}
                onClick={() => onChange(removeGroup(form, g.id))}
              />
            </div>
            <div className={styles.indicators}>
              {g.indicators.map((ind, ii) => (
                <div key={ind.id} className={styles.row} data-indicator={`${gi}-${ii}`}>
                  <Input
                    size="small"
                    aria-label={t(A.indicatorName, { group: groupLabel, n: ii + 1 })}
                    value={ind.name}
                    onChange={(_e, d) => onChange(setIndicator(form, g.id, ind.id, { name: d.value }))}
                  />
                  <Input
                    size="small"
                    aria-label={t(A.indicatorWeight, { group: groupLabel, n: ii + 1 })}
                    value={ind.weight}
                    inputMode="decimal"
                    contentAfter="%"
                    onChange={(_e, d) => onChange(setIndicator(form, g.id, ind.id, { weight: d.value }))}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t(A.removeIndicator, { group: groupLabel, n: ii + 1 })}
                    title={t(A.removeIndicator, { group: groupLabel, n: ii + 1 })}
                    onClick={() => onChange(removeIndicator(form, g.id, ind.id))}
                  />
                </div>
              ))}
              <div>
                <Button
                  size="small"
                  appearance="transparent"
                  icon={<AddRegular />}
                  onClick={() => onChange(addIndicator(form, g.id))}
                >
                  {t(A.addIndicator)}
                </Button>
              </div>
            </div>
          </div>
        );
      })}
      <div className={styles.actions}>
        <Button size="small" icon={<AddRegular />} onClick={() => onChange(addGroup(form))}>
          {t(A.addGroup)}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowResetRegular />}
          onClick={() => onChange(resetCustom(form, locale))}
        >
          {t(A.startFromStaff)}
        </Button>
      </div>
    </div>
  );
}

/** 考核表: generates an appraisal form sheet for a period and a list of people. */
export function AppraisalPane() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const [form, setForm] = useState<AppraisalForm>(() => initialForm(new Date(), locale));
  const [errors, setErrors] = useState<FormErrors>({});
  const { state: settingsState } = useWorkbookSettings();
  // The workbook's 考核参数 (forced distribution targets); the defaults until it is read, or without one.
  const workbook = settingsState.status === "present" ? settingsState.settings : DEFAULT_SETTINGS;

  const change = (next: AppraisalForm) => {
    setForm(next);
    // Errors already shown clear as soon as their field is valid again.
    if (Object.keys(errors).length > 0) setErrors(validateForm(next, workbook).errors);
  };

  const { people, problems } = formPeople(form);

  const readSelection = () => {
    void task.run(A.readSelection, async () => {
      const range = await host.readSelection();
      change({
        ...form,
        selection: { address: `${range.sheetName}!${range.address}`, firstRow: range.firstRow, rows: range.values },
      });
      return hiddenRowsNote(range);
    });
  };

  const generate = () => {
    const checked = validateForm(form, workbook);
    setErrors(checked.errors);
    const value = checked.value;
    if (!value) {
      task.clear();
      const list = Object.values(checked.errors) as Text[];
      task.show({
        intent: "error",
        title: A.fixFirst,
        body: { zh: list.map((e) => e.zh).join("；"), en: list.map((e) => e.en).join("; ") },
      });
      return;
    }
    // The KPI table read for the form (issue 12 point 8): what the messages report.
    let kpi: KpiSource | null = null;
    void task.run(A.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: async ({ settings }) => {
            // Targets not edited here are 考核参数's as the workbook holds them now.
            const targets = validateForm(form, settings).value?.targets ?? value.targets;
            kpi = form.kpiFrom ? await readKpiSource(host, value.period, form.kpiTable) : null;
            const kpiSource = kpi?.source;
            return appraisalPlans({ ...value, targets, locale, settings, ...(kpiSource ? { kpiSource } : {}) });
          },
          // With 360°, the rater sheet comes first and is where people score: it is the one shown.
          plan: (plans, workbook) => ({ sheets: [...workbook.add, ...plans], activate: workbook.add.length }),
          messages: (plans, report, settingsNotes) => {
            const formPlan = plans[plans.length - 1];
            const sheet = report.sheets[report.sheets.length - 1]?.actual ?? formPlan.name;
            const messages: PaneMessageInput[] = [
              {
                intent: "success",
                body: formatText(A.generated, { sheet, n: value.people.length, k: formColumns(value.template).length }),
              },
            ];
            if (plans.length > 1) {
              const raters = report.sheets[report.sheets.length - plans.length]?.actual ?? plans[0].name;
              messages.push({ intent: "info", body: formatText(A.generatedRaters, { sheet: raters, form: sheet }) });
            }
            if (kpi) messages.push({ intent: kpi.intent, body: kpi.message });
            return [...messages, ...settingsNotes];
          },
          settingsAdded: A.settingsAdded,
        },
        progress,
      ),
    );
  };

  return (
    <div className={styles.root} data-testid="appraisal-pane">
      <FluentText size={200} className={styles.hint}>
        {t(A.intro)}
      </FluentText>
      <Field label={t(A.template)} size="small">
        <RadioGroup
          value={form.template}
          onChange={(_e, d) => change({ ...form, template: d.value as TemplateChoice })}
          data-field="template"
        >
          <Radio value="staff" label={t(A.templateStaff)} />
          <Radio value="head" label={t(A.templateHead)} />
          <Radio value="employee" label={t(A.templateEmployee)} />
          <Radio value="custom" label={t(A.templateCustom)} />
        </RadioGroup>
      </Field>
      {form.template === "custom" && <CustomEditor form={form} onChange={change} />}
      <FieldError error={errors.template} field="template" />
      <div className={styles.pair}>
        <Field
          label={t(A.period)}
          size="small"
          hint={t(A.periodHint)}
          validationState={errors.period ? "error" : "none"}
          validationMessage={errors.period ? t(errors.period) : undefined}
        >
          <Input
            size="small"
            className={styles.fill}
            value={form.period}
            data-field="period"
            onChange={(_e, d) => change({ ...form, period: d.value })}
          />
        </Field>
        <Field label={t(A.scale)} size="small">
          <RadioGroup
            value={form.scale}
            onChange={(_e, d) => change({ ...form, scale: d.value as Scale })}
            data-field="scale"
          >
            <Radio value="five" label={t(A.scaleFive)} />
            <Radio value="hundred" label={t(A.scaleHundred)} />
          </RadioGroup>
        </Field>
      </div>
      <Field
        label={t(A.people)}
        size="small"
        hint={form.selection ? undefined : t(A.peopleHint)}
        validationState={errors.people ? "error" : "none"}
        validationMessage={errors.people ? t(errors.people) : undefined}
      >
        {form.selection ? (
          <div className={styles.actions} data-field="people-selection">
            <FluentText size={200}>
              {t(A.fromSelection, { address: form.selection.address, n: people.length })}
            </FluentText>
            <Button size="small" appearance="subtle" onClick={() => change({ ...form, selection: null })}>
              {t(A.useTyped)}
            </Button>
          </div>
        ) : (
          <Textarea
            resize="vertical"
            rows={6}
            value={form.peopleText}
            data-field="people"
            onChange={(_e, d) => change({ ...form, peopleText: d.value })}
          />
        )}
      </Field>
      <div className={styles.actions}>
        <FluentText size={200} data-testid="people-count">
          {t(A.peopleCount, { n: people.length })}
        </FluentText>
        <Button
          size="small"
          icon={<TableCursorRegular />}
          disabledFocusable={host.kind === "browser" || task.running}
          title={host.kind === "browser" ? t(A.readSelectionBrowser) : undefined}
          onClick={readSelection}
        >
          {t(A.readSelection)}
        </Button>
      </div>
      {problems.length > 0 && (
        <div data-testid="people-problems">
          <FluentText size={200}>{t(A.peopleProblems, { n: problems.length })}</FluentText>
          <ul className={styles.problems}>
            {problems.slice(0, 10).map((p, i) => (
              <li key={i}>
                <FluentText size={200}>
                  {p.row ? t(A.rowProblem, { row: p.row, message: t(p.message) }) : t(p.message)}
                </FluentText>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Checkbox
        label={t(A.raters)}
        checked={form.raters}
        data-field="raters"
        onChange={(_e, d) => change({ ...form, raters: d.checked === true })}
      />
      <Field hint={t(A.kpiFromHint)} size="small">
        <Checkbox
          checked={form.kpiFrom}
          label={t(A.kpiFrom)}
          data-field="kpiFrom"
          onChange={(_e, d) => change({ ...form, kpiFrom: d.checked === true })}
        />
      </Field>
      {form.kpiFrom && (
        <Field label={t(A.kpiTable)} size="small">
          <Input
            size="small"
            value={form.kpiTable}
            data-field="kpiTable"
            onChange={(_e, d) => change({ ...form, kpiTable: d.value })}
          />
        </Field>
      )}
      <Field label={t(A.targets)} size="small" hint={t(A.targetsHint)}>
        <div className={styles.shares} data-field="targets">
          {shareRows(form, workbook).map((row) => (
            <div key={row.code} className={styles.share}>
              <FluentText size={200} title={t(row.label)}>
                {row.code}
              </FluentText>
              <Input
                size="small"
                aria-label={t(A.targetMax, { grade: row.code })}
                placeholder={`${row.code} ≤`}
                value={row.max}
                inputMode="decimal"
                contentAfter="%"
                data-share={`${row.code}.max`}
                onChange={(_e, d) => change(setShare(form, workbook, row.code, "max", d.value))}
              />
              <Input
                size="small"
                aria-label={t(A.targetMin, { grade: row.code })}
                placeholder={`${row.code} ≥`}
                value={row.min}
                inputMode="decimal"
                contentAfter="%"
                data-share={`${row.code}.min`}
                onChange={(_e, d) => change(setShare(form, workbook, row.code, "min", d.value))}
              />
            </div>
          ))}
        </div>
      </Field>
      <FieldError error={errors.targets} field="targets" />
      <div className={styles.actions}>
        <GenerateButton
          running={task.running}
          runningLabel={t(A.generating)}
          icon={<TableAddRegular />}
          onClick={generate}
          data-testid="appraisal-generate"
        >
          {t(A.generate)}
        </GenerateButton>
      </div>
      <TaskStatus task={task} />
    </div>
  );
}
