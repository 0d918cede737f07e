import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text as FluentText,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  AddRegular,
  ArrowClockwiseRegular,
  ArrowResetRegular,
  ChartMultipleRegular,
  DeleteRegular,
  StarFilled,
  StarRegular,
  TableAddRegular,
} from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { type Text } from "../../../core/i18n/text";
import { ok } from "../../../core/problem";
import {
  AREA_PRESETS,
  S_INDEXES,
  S_NAMES,
  SCALE_IDS,
  SCALE_LABELS,
  monthCodeOf,
  monthLabel,
  type ScaleId,
} from "../../../core/audit6s/engine";
import { audit6sPlan, audit6sSummaryPlan, auditMetaOf, readAudits } from "../../../sheets/audit6s";
import { GenerateButton, TaskStatus, useTask, type PaneMessageInput } from "../../components";
import { useHost, useWorkbookVersion, type WorkbookHost } from "../../host";
import { formatText } from "../../i18n/format";
import { useLocale, useT } from "../../i18n/useT";
import { generateSheets, withSettingsSheet } from "../generateSheets";
import {
  FIELD_LABELS,
  addArea,
  addItem,
  daySerial,
  initialForm,
  isoDay,
  itemShown,
  monthCode,
  removeArea,
  removeItem,
  resetChecklist,
  setItemText,
  setWeight,
  setWeightsMode,
  togglePreset,
  toggleCritical,
  validateAuditForm,
  type AuditForm,
  type FormErrors,
  type WeightsMode,
} from "./auditForm";
import { S6 } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  presets: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  grow: { flexGrow: 1, minWidth: 0 },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  // minmax(0, 1fr): grid cells may shrink below their content, so a 350 px pane never scrolls sideways.
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    "& > *": { minWidth: 0 },
  },
  six: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    "& > *": { minWidth: 0 },
  },
  fill: { minWidth: 0, width: "100%", maxWidth: "100%" },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

function ErrorLine(props: { error: Text | undefined; id: string }) {
  const t = useT();
  const styles = useStyles();
  if (!props.error) return null;
  return (
    <FluentText role="alert" size={200} className={styles.error} data-field-error={props.id}>
      {t(props.error)}
    </FluentText>
  );
}

function AreasField(props: { form: AuditForm; errors: FormErrors; onChange: (f: AuditForm) => void }) {
  const { form, errors, onChange } = props;
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const [typed, setTyped] = useState("");
  const [addError, setAddError] = useState<Text | null>(null);
  const add = () => {
    const r = addArea(form, typed, locale);
    setAddError(r.error);
    if (!r.error) {
      setTyped("");
      onChange(r.form);
    }
  };
  return (
    <fieldset className={styles.group} style={{ border: "none", margin: 0, padding: 0 }} data-field="areas">
      <legend className={styles.groupTitle}>{t(S6.areas)}</legend>
      <FluentText size={200} className={styles.hint}>
        {t(S6.areasHint)}
      </FluentText>
      <div className={styles.presets}>
        {AREA_PRESETS.map((p, i) => (
          <Checkbox
            key={i}
            label={t(p)}
            checked={form.presets[i]}
            data-area-preset={i}
            onChange={() => onChange(togglePreset(form, i))}
          />
        ))}
      </div>
      <Field
        label={t(S6.otherArea)}
        size="small"
        validationState={addError ? "error" : "none"}
        validationMessage={addError ? t(addError) : undefined}
      >
        <div className={styles.row}>
          <Input
            size="small"
            className={styles.grow}
            value={typed}
            data-field="other-area"
            onChange={(_e, d) => setTyped(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") add();
            }}
          />
          <Button size="small" icon={<AddRegular />} onClick={add} data-testid="audit6s-add-area">
            {t(S6.addArea)}
          </Button>
        </div>
      </Field>
      {form.custom.length > 0 && (
        <div className={styles.chips}>
          {form.custom.map((name, i) => (
            <Button
              key={`${name}-${i}`}
              size="small"
              appearance="outline"
              icon={<DeleteRegular />}
              iconPosition="after"
              aria-label={t(S6.removeArea, { name })}
              onClick={() => onChange(removeArea(form, i))}
            >
              {name}
            </Button>
          ))}
        </div>
      )}
      <ErrorLine error={errors.areas} id="areas" />
    </fieldset>
  );
}

function WeightsField(props: { form: AuditForm; errors: FormErrors; onChange: (f: AuditForm) => void }) {
  const { form, errors, onChange } = props;
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.group}>
      <Field label={t(S6.weights)} size="small">
        <RadioGroup
          value={form.weightsMode}
          onChange={(_e, d) => onChange(setWeightsMode(form, d.value as WeightsMode))}
          data-field="weights-mode"
        >
          <Radio value="settings" label={t(S6.weightsSettings)} />
          <Radio value="safety" label={t(S6.weightsSafety)} />
          <Radio value="custom" label={t(S6.weightsCustom)} />
        </RadioGroup>
      </Field>
      {form.weightsMode === "custom" && (
        <>
          <FluentText size={200} className={styles.hint}>
            {t(S6.weightsHint)}
          </FluentText>
          <div className={styles.six}>
            {S_NAMES.map((s, i) => (
              <Field key={i} label={t(s)} size="small">
                <Input
                  size="small"
                  inputMode="decimal"
                  value={form.weights[i]}
                  className={styles.fill}
                  data-field={`weight-${i}`}
                  onChange={(_e, d) => onChange(setWeight(form, i, d.value))}
                />
              </Field>
            ))}
          </div>
        </>
      )}
      <ErrorLine error={errors.weights} id="weights" />
    </div>
  );
}

function ChecklistEditor(props: { form: AuditForm; errors: FormErrors; onChange: (f: AuditForm) => void }) {
  const { form, errors, onChange } = props;
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const critical = form.items.filter((i) => i.critical).length;
  return (
    <Accordion collapsible defaultOpenItems={errors.items ? ["items"] : []}>
      <AccordionItem value="items">
        <AccordionHeader size="small">{t(S6.checklist, { n: form.items.length, k: critical })}</AccordionHeader>
        {/* No collapse motion: under React 18 it sets a boolean `inert` and React warns (microsoft/fluentui#36064). */}
        <AccordionPanel collapseMotion={null}>
          <div className={styles.section}>
            <FluentText size={200} className={styles.hint}>
              {t(S6.checklistHint)}
            </FluentText>
            {S_INDEXES.map((s) => {
              const items = form.items.filter((it) => it.s === s);
              const sName = t(S_NAMES[s]);
              return (
                <div key={s} className={styles.group} data-s-group={s}>
                  <FluentText className={styles.groupTitle}>{sName}</FluentText>
                  {items.map((it, n) => {
                    const label = t(S6.itemLabel, { s: sName, n: n + 1 });
                    return (
                      <div key={it.id} className={styles.row} data-item={it.id}>
                        <Input
                          size="small"
                          className={styles.grow}
                          aria-label={label}
                          value={itemShown(it, locale)}
                          onChange={(_e, d) => onChange(setItemText(form, it.id, d.value))}
                        />
                        <ToggleButton
                          size="small"
                          appearance="subtle"
                          checked={it.critical}
                          icon={it.critical ? <StarFilled /> : <StarRegular />}
                          aria-label={`${t(S6.critical)}: ${label}`}
                          title={t(S6.critical)}
                          onClick={() => onChange(toggleCritical(form, it.id))}
                        />
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={t(S6.removeItem, { s: sName, n: n + 1 })}
                          title={t(S6.removeItem, { s: sName, n: n + 1 })}
                          onClick={() => onChange(removeItem(form, it.id))}
                        />
                      </div>
                    );
                  })}
                  <div>
                    <Button
                      size="small"
                      appearance="transparent"
                      icon={<AddRegular />}
                      onClick={() => onChange(addItem(form, s))}
                    >
                      {t(S6.addItem, { s: sName })}
                    </Button>
                  </div>
                </div>
              );
            })}
            <div>
              <Button size="small" icon={<ArrowResetRegular />} onClick={() => onChange(resetChecklist(form))}>
                {t(S6.resetChecklist)}
              </Button>
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/**
 * The audit sheets in the workbook (by marker) and the months they were generated for (the
 * marker's date — cheap, no sheet read; the summary itself reads each area's date cell).
 */
function useAuditSources(host: WorkbookHost): { count: number; months: number[]; reload: () => void } {
  const version = useWorkbookVersion();
  const [reloads, setReloads] = useState(0);
  const [found, setFound] = useState<{ count: number; months: number[] }>({ count: 0, months: [] });
  useEffect(() => {
    let current = true;
    host.findPlans().then(
      (plans) => {
        const metas = plans.map(auditMetaOf).filter((m) => m !== null);
        const months = [...new Set(metas.map((m) => monthCodeOf(m.date)).filter((m): m is number => m !== null))].sort(
          (a, b) => a - b,
        );
        if (current) setFound({ count: metas.length, months });
      },
      () => current && setFound({ count: 0, months: [] }),
    );
    return () => {
      current = false;
    };
  }, [host, version, reloads]);
  return { ...found, reload: () => setReloads((n) => n + 1) };
}

function SummarySection() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const sources = useAuditSources(host);
  const [month, setMonth] = useState("");
  const [asOf, setAsOf] = useState(() => isoDay(new Date()));
  const latest = sources.months.length > 0 ? monthLabel(sources.months[sources.months.length - 1]) : "";
  const shownMonth = month === "" ? latest : month;
  const monthError = shownMonth !== "" && monthCode(shownMonth) === null;
  const asOfError = daySerial(asOf) === null;

  const summarize = () => {
    const m = monthCode(shownMonth);
    const day = daySerial(asOf);
    if (m === null || day === null) {
      task.clear();
      task.show({ intent: "error", title: S6.fixFirst, body: m === null ? S6.errors.month : S6.errors.asOf });
      return;
    }
    void task.run(S6.summarizing, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: async ({ settings, plans }) => {
            // Every audit sheet in one read (one Excel.run, syncs constant in the number of sheets).
            const { audits, problems } = await readAudits(plans, (requests) => host.readRanges(requests), settings);
            const r = audit6sSummaryPlan({ audits, month: m, asOf: day, locale, settings });
            return r.ok ? ok({ ...r.value, problems }) : r;
          },
          plan: (summary, workbook) => withSettingsSheet(workbook, summary.plan),
          messages: (summary, report, settingsNotes) => {
            const s = summary.summary;
            const messages: PaneMessageInput[] = [
              {
                intent: "success",
                body: formatText(S6.summarized, {
                  sheet: report.sheets[report.sheets.length - 1]?.actual ?? summary.plan.name,
                  areas: s.matrix.length,
                  open: s.open.length,
                  overdue: s.open.filter((o) => o.overdueDays !== null).length,
                }),
              },
              ...settingsNotes,
            ];
            const problems = summary.problems;
            if (problems.length > 0) {
              const head = formatText(S6.readProblems, { n: problems.length });
              const list = problems.slice(0, 8);
              messages.push({
                intent: "warning",
                body: {
                  zh: [head.zh, ...list.map((p) => `· ${p.message.zh}`)].join("\n"),
                  en: [head.en, ...list.map((p) => `· ${p.message.en}`)].join("\n"),
                },
              });
            }
            for (const note of summary.plan.notes ?? []) messages.push({ intent: "info", body: note });
            return messages;
          },
          settingsAdded: S6.settingsAdded,
        },
        progress,
      ),
    );
  };

  return (
    <section className={styles.section} aria-labelledby="audit6s-summary-title" data-section="audit6s-summary">
      <FluentText as="h2" id="audit6s-summary-title" weight="semibold" size={400}>
        {t(S6.summarySection)}
      </FluentText>
      <FluentText size={200} className={styles.hint}>
        {t(S6.summaryIntro)}
      </FluentText>
      <FluentText size={200} data-testid="audit6s-sources">
        {sources.count > 0
          ? t(S6.summaryFound, {
              n: sources.count,
              months: sources.months.map(monthLabel).join(locale === "zh-CN" ? "、" : ", "),
            })
          : t(host.kind === "browser" ? S6.summaryNoneBrowser : S6.summaryNone)}
      </FluentText>
      <div className={styles.pair}>
        <Field
          label={t(S6.month)}
          size="small"
          hint={t(S6.monthHint)}
          validationState={monthError ? "error" : "none"}
          validationMessage={monthError ? t(S6.errors.month) : undefined}
        >
          {sources.months.length > 0 ? (
            <Select
              size="small"
              value={shownMonth}
              className={styles.fill}
              data-field="summary-month"
              onChange={(_e, d) => setMonth(d.value)}
            >
              {sources.months.map(monthLabel).map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              size="small"
              value={shownMonth}
              className={styles.fill}
              data-field="summary-month"
              onChange={(_e, d) => setMonth(d.value)}
            />
          )}
        </Field>
        <Field
          label={t(S6.asOf)}
          size="small"
          validationState={asOfError ? "error" : "none"}
          validationMessage={asOfError ? t(S6.errors.asOf) : undefined}
        >
          <Input
            size="small"
            type="date"
            value={asOf}
            className={styles.fill}
            data-field="summary-as-of"
            onChange={(_e, d) => setAsOf(d.value)}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <GenerateButton
          running={task.running}
          runningLabel={t(S6.summarizing)}
          icon={<ChartMultipleRegular />}
          onClick={summarize}
          disabled={sources.count === 0}
          data-testid="audit6s-summarize"
        >
          {t(S6.summarize)}
        </GenerateButton>
        <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={sources.reload}>
          {t(S6.reload)}
        </Button>
      </div>
      <TaskStatus task={task} />
    </section>
  );
}

/** 6S: the audit sheet generator and the monthly summary. */
export function Audit6sPane() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const [form, setForm] = useState<AuditForm>(() => initialForm(new Date()));
  const [errors, setErrors] = useState<FormErrors>({});

  const change = (next: AuditForm) => {
    setForm(next);
    // Errors clear as soon as the field they name is valid again.
    if (Object.keys(errors).length > 0) setErrors(validateAuditForm(next, locale).errors);
  };

  const generate = () => {
    const { options, errors: found } = validateAuditForm(form, locale);
    setErrors(found);
    if (!options) {
      task.clear();
      const fields = (Object.keys(found) as (keyof FormErrors)[]).map((k) => FIELD_LABELS[k]);
      task.show({
        intent: "error",
        title: S6.fixFirst,
        body: { zh: fields.map((f) => f.zh).join("、"), en: fields.map((f) => f.en).join(", ") },
      });
      return;
    }
    void task.run(S6.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: ({ settings }) => audit6sPlan({ ...options, settings, locale }),
          plan: (audit, workbook) => withSettingsSheet(workbook, audit.plan),
          messages: (audit, report, settingsNotes) => [
            {
              intent: "success",
              body: formatText(S6.generated, {
                sheet: report.sheets[report.sheets.length - 1]?.actual ?? audit.plan.name,
                n: options.areas.length,
              }),
            },
            ...settingsNotes,
          ],
          settingsAdded: S6.settingsAdded,
        },
        progress,
      ),
    );
  };

  return (
    <div className={styles.root}>
      <FluentText size={200} className={styles.hint}>
        {t(S6.intro)}
      </FluentText>
      <section className={styles.section} aria-labelledby="audit6s-title" data-section="audit6s-audit">
        <FluentText as="h2" id="audit6s-title" weight="semibold" size={400}>
          {t(S6.auditSection)}
        </FluentText>
        <AreasField form={form} errors={errors} onChange={change} />
        <div className={styles.pair}>
          <Field
            label={t(S6.date)}
            size="small"
            validationState={errors.date ? "error" : "none"}
            validationMessage={errors.date ? t(errors.date) : undefined}
          >
            <Input
              size="small"
              type="date"
              value={form.date}
              className={styles.fill}
              data-field="date"
              onChange={(_e, d) => change({ ...form, date: d.value })}
            />
          </Field>
          <Field label={t(S6.scale)} size="small">
            <Select
              size="small"
              value={form.scale}
              className={styles.fill}
              data-field="scale"
              onChange={(_e, d) => change({ ...form, scale: d.value as ScaleId })}
            >
              {SCALE_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(SCALE_LABELS[id])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(S6.inspector)} size="small">
            <Input
              size="small"
              value={form.inspector}
              className={styles.fill}
              data-field="inspector"
              onChange={(_e, d) => change({ ...form, inspector: d.value })}
            />
          </Field>
          <Field label={t(S6.unit)} size="small">
            <Input
              size="small"
              value={form.unit}
              className={styles.fill}
              data-field="unit"
              onChange={(_e, d) => change({ ...form, unit: d.value })}
            />
          </Field>
        </div>
        <WeightsField form={form} errors={errors} onChange={change} />
        <ChecklistEditor form={form} errors={errors} onChange={change} />
        <ErrorLine error={errors.items} id="items" />
        <div className={styles.actions}>
          <GenerateButton
            running={task.running}
            runningLabel={t(S6.generating)}
            icon={<TableAddRegular />}
            onClick={generate}
            data-testid="audit6s-generate"
          >
            {t(S6.generate)}
          </GenerateButton>
        </div>
        <TaskStatus task={task} />
      </section>
      <Divider />
      <SummarySection />
    </div>
  );
}
