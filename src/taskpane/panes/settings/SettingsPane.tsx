import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text as FluentText,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import {
  AddRegular,
  ArrowClockwiseRegular,
  ArrowResetRegular,
  DeleteRegular,
  ErrorCircleRegular,
  TableAddRegular,
} from "@fluentui/react-icons";
import { useCallback, useMemo, useState, type ReactElement } from "react";
import { DEFAULT_SETTINGS, KPI_KEYS, type TargetComparison } from "../../../core/settings";
import { COMPARISONS, COMPARISON_SYMBOL } from "../../../core/scoring/comparison";
import { SETTINGS_SHEET_NAME, settingsPlan } from "../../../sheets/settings";
import { GenerateButton, LabeledInput, TaskStatus, messageFromError, useTask, writeWarnings } from "../../components";
import { useHost } from "../../host";
import { formatText } from "../../i18n/format";
import { STRINGS } from "../../i18n/strings";
import { useLocale, useT } from "../../i18n/useT";
import {
  KPI_LABELS,
  SCALAR_FIELD_DEFS,
  SECTIONS,
  addBand,
  addLevel,
  bonusRateTotal,
  formFromSettings,
  removeBand,
  removeLevel,
  sectionsWithErrors,
  setBandCell,
  setChassisWrittenOnly,
  setCoefficient,
  setComparison,
  setFailedGrade,
  setLevel,
  setValue,
  validateForm,
  type BandRow,
  type BandTableId,
  type FieldErrors,
  type ScalarFieldId,
  type SectionId,
  type SettingsForm,
} from "./settingsForm";
import { useWorkbookSettings } from "./useWorkbookSettings";
import { SelfCheckSection } from "./SelfCheckSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  subheading: { marginTop: tokens.spacingVerticalXS },
  band: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  errorMark: {
    display: "inline-flex",
    marginLeft: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  groupError: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // Chinese labels are short, English ones long: let long labels wrap rather than truncate.
  field: { minWidth: 0 },
});

function percentSuffix() {
  return <span aria-hidden="true">%</span>;
}

/** One number of the scheme, labelled and validated (kind decides the % suffix). */
function ScalarInput(props: {
  id: ScalarFieldId;
  form: SettingsForm;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (form: SettingsForm) => void;
}) {
  const { id, form, errors, readOnly, onChange } = props;
  const t = useT();
  const styles = useStyles();
  const def = SCALAR_FIELD_DEFS.find((f) => f.id === id);
  if (!def) return null;
  const error = errors[id];
  return (
    <LabeledInput
      className={styles.field}
      label={t(def.label)}
      value={form.values[id]}
      readOnly={readOnly}
      inputMode="decimal"
      contentAfter={def.kind === "percent" ? percentSuffix() : undefined}
      error={error ? t(error) : null}
      data-field={id}
      onChange={(v) => onChange(setValue(form, id, v))}
    />
  );
}

function GroupError(props: { errors: FieldErrors; group: string }) {
  const t = useT();
  const styles = useStyles();
  const error = props.errors[props.group];
  if (!error) return null;
  return (
    <FluentText role="alert" size={200} className={styles.groupError} data-field-error={props.group}>
      {t(error)}
    </FluentText>
  );
}

/** A grade band table: one bordered group per band (lower bound, code, both labels). */
function BandTableEditor(props: {
  table: BandTableId;
  form: SettingsForm;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (form: SettingsForm) => void;
}) {
  const { table, form, errors, readOnly, onChange } = props;
  const t = useT();
  const styles = useStyles();
  const { min, max, rows } = form.bands[table];
  const cell = (i: number, key: keyof BandRow, label: string) => {
    const error = errors[`${table}.${i}.${key}`];
    return (
      <LabeledInput
        className={styles.field}
        label={label}
        value={rows[i][key]}
        readOnly={readOnly}
        inputMode={key === "lower" ? "decimal" : "text"}
        error={error ? t(error) : null}
        data-field={`${table}.${i}.${key}`}
        onChange={(v) => onChange(setBandCell(form, table, i, key, v))}
      />
    );
  };
  return (
    <>
      <FluentText size={200} className={styles.hint}>
        {t("bandsHelp", { min, max })}
      </FluentText>
      {table !== "audit6sRating" && (
        <FluentText size={200} className={styles.hint}>
          {t("bandsShareHelp")}
        </FluentText>
      )}
      {rows.map((_row, i) => (
        <fieldset key={i} className={styles.band} data-band={`${table}.${i}`}>
          <legend className={styles.legend}>
            {t("band", { n: i + 1 })}
            {!readOnly && rows.length > 1 && (
              <Button
                appearance="subtle"
                size="small"
                icon={<DeleteRegular />}
                aria-label={t("bandRemove", { n: i + 1 })}
                title={t("bandRemove", { n: i + 1 })}
                onClick={() => onChange(removeBand(form, table, i))}
              />
            )}
          </legend>
          {cell(i, "lower", t("bandLower"))}
          {cell(i, "code", t("bandCode"))}
          {cell(i, "zh", t("bandZh"))}
          {cell(i, "en", t("bandEn"))}
          {table !== "audit6sRating" && cell(i, "shareMax", t("bandShareMax"))}
          {table !== "audit6sRating" && cell(i, "shareMin", t("bandShareMin"))}
        </fieldset>
      ))}
      <GroupError errors={errors} group={table} />
      {!readOnly && (
        <div>
          <Button size="small" icon={<AddRegular />} onClick={() => onChange(addBand(form, table))}>
            {t("bandAdd")}
          </Button>
        </div>
      )}
    </>
  );
}

/** The editable (or, when the workbook has its sheet, read-only) scheme, one accordion section per area. */
function SettingsEditor(props: {
  form: SettingsForm;
  errors: FieldErrors;
  readOnly: boolean;
  openSections: SectionId[];
  onToggle: AccordionToggleEventHandler<SectionId>;
  onChange: (form: SettingsForm) => void;
}) {
  const { form, errors, readOnly, openSections, onToggle, onChange } = props;
  const t = useT();
  const styles = useStyles();
  const scalar = (id: ScalarFieldId) => (
    <ScalarInput key={id} id={id} form={form} errors={errors} readOnly={readOnly} onChange={onChange} />
  );
  const fields = (prefix: string) => SCALAR_FIELD_DEFS.filter((f) => f.id.startsWith(prefix)).map((f) => scalar(f.id));
  const total = bonusRateTotal(form);
  const codes = form.bands.fivePoint.rows.map((r) => r.code.trim());
  const failedGradeError = errors["bonus.failedGrade"];

  const content: Record<SectionId, ReactElement> = {
    fivePoint: (
      <BandTableEditor table="fivePoint" form={form} errors={errors} readOnly={readOnly} onChange={onChange} />
    ),
    hundredPoint: (
      <BandTableEditor table="hundredPoint" form={form} errors={errors} readOnly={readOnly} onChange={onChange} />
    ),
    raters: (
      <>
        <FluentText size={200} className={styles.hint}>
          {t("weightsHelp")}
        </FluentText>
        <div className={styles.pair}>{fields("raters.")}</div>
        <GroupError errors={errors} group="raters" />
      </>
    ),
    warranty: (
      <>
        <FluentText size={200} className={styles.hint}>
          {t("warrantyHelp")}
        </FluentText>
        <div className={styles.pair}>{fields("warranty.")}</div>
      </>
    ),
    sla: (
      <>
        {fields("sla.")}
        <Checkbox
          label={t("slaChassisWrittenOnly")}
          checked={form.chassisWrittenOnly}
          disabled={readOnly}
          data-field="sla.chassisWrittenOnly"
          onChange={(_e, d) => onChange(setChassisWrittenOnly(form, d.checked === true))}
        />
      </>
    ),
    kpi: (
      <>
        <FluentText weight="semibold" className={styles.subheading}>
          {t("kpiTargets")}
        </FluentText>
        <FluentText size={200} className={styles.hint}>
          {t("kpiTargetsHelp")}
        </FluentText>
        <div className={styles.pair}>
          {KPI_KEYS.map((k) => (
            <div key={k} className={styles.field}>
              {scalar(`kpi.targets.${k}`)}
              <Select
                size="small"
                aria-label={t("kpiComparison", { kpi: t(KPI_LABELS[k]) })}
                value={form.comparisons[k]}
                disabled={readOnly}
                data-field={`kpi.comparisons.${k}`}
                onChange={(_e, d) => onChange(setComparison(form, k, d.value as TargetComparison))}
              >
                {COMPARISONS.map((c) => (
                  <option key={c} value={c}>
                    {COMPARISON_SYMBOL[c]}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
        <GroupError errors={errors} group="kpi.targets" />
        {scalar("kpi.completionLimitHours")}
        <FluentText weight="semibold" className={styles.subheading}>
          {t("kpiWeights")}
        </FluentText>
        <FluentText size={200} className={styles.hint}>
          {t("kpiWeightsHelp")}
        </FluentText>
        <div className={styles.pair}>{fields("kpi.weights.")}</div>
        <GroupError errors={errors} group="kpi.weights" />
        {scalar("kpi.csatThreshold")}
        {scalar("kpi.fullScore")}
      </>
    ),
    bonus: (
      <>
        <div className={styles.pair}>
          {scalar("bonus.quarterRate")}
          {scalar("bonus.yearEndRate")}
        </div>
        {total !== null && (
          <FluentText size={200} className={styles.hint} data-testid="bonus-rate-total">
            {t("bonusRateCheck", { total: `${Number((total * 100).toPrecision(12))}%` })}
          </FluentText>
        )}
        <FluentText weight="semibold" className={styles.subheading}>
          {t("bonusCoefficients")}
        </FluentText>
        <div className={styles.pair}>
          {form.coefficients.map((c, i) => {
            const error = errors[`bonus.coefficients.${i}`];
            return (
              <LabeledInput
                key={i}
                className={styles.field}
                label={t("bonusCoefficientFor", { code: codes[i] || `#${i + 1}` })}
                value={c}
                readOnly={readOnly}
                inputMode="decimal"
                error={error ? t(error) : null}
                data-field={`bonus.coefficients.${i}`}
                onChange={(v) => onChange(setCoefficient(form, i, v))}
              />
            );
          })}
        </div>
        <Field
          label={t("bonusFailedGrade")}
          size="small"
          validationState={failedGradeError ? "error" : "none"}
          validationMessage={failedGradeError ? t(failedGradeError) : undefined}
        >
          <Select
            size="small"
            value={form.failedGrade}
            disabled={readOnly}
            data-field="bonus.failedGrade"
            onChange={(_e, d) => onChange(setFailedGrade(form, d.value))}
          >
            {!codes.includes(form.failedGrade) && <option value={form.failedGrade}>{form.failedGrade || "—"}</option>}
            {codes
              .filter((c, i) => c !== "" && codes.indexOf(c) === i)
              .map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
          </Select>
        </Field>
        <FluentText weight="semibold" className={styles.subheading}>
          {t("bonusLevels")}
        </FluentText>
        <FluentText size={200} className={styles.hint}>
          {t("bonusLevelsHelp")}
        </FluentText>
        {form.levels.map((l, i) => {
          const wordError = errors[`bonus.levels.${i}.word`];
          const levelError = errors[`bonus.levels.${i}.level`];
          return (
            <div key={i} className={styles.pair} data-level={i}>
              <LabeledInput
                className={styles.field}
                label={t("bonusLevelWord")}
                value={l.word}
                readOnly={readOnly}
                error={wordError ? t(wordError) : null}
                data-field={`bonus.levels.${i}.word`}
                onChange={(v) => onChange(setLevel(form, i, "word", v))}
              />
              <Field
                label={t("bonusLevelAs")}
                size="small"
                validationState={levelError ? "error" : "none"}
                validationMessage={levelError ? t(levelError) : undefined}
              >
                <div className={styles.actions}>
                  <Select
                    size="small"
                    value={l.level}
                    disabled={readOnly}
                    data-field={`bonus.levels.${i}.level`}
                    onChange={(_e, d) => onChange(setLevel(form, i, "level", d.value))}
                  >
                    {!codes.includes(l.level) && <option value={l.level}>{l.level || "—"}</option>}
                    {codes
                      .filter((c, j) => c !== "" && codes.indexOf(c) === j)
                      .map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                  </Select>
                  {!readOnly && (
                    <Button
                      appearance="subtle"
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={t("bonusLevelRemove", { n: i + 1 })}
                      title={t("bonusLevelRemove", { n: i + 1 })}
                      onClick={() => onChange(removeLevel(form, i))}
                    />
                  )}
                </div>
              </Field>
            </div>
          );
        })}
        {!readOnly && (
          <div>
            <Button size="small" icon={<AddRegular />} onClick={() => onChange(addLevel(form))}>
              {t("bonusLevelAdd")}
            </Button>
          </div>
        )}
        <FluentText size={200} className={styles.hint}>
          {t("bonusForfeitHelp")}
        </FluentText>
        <div className={styles.pair}>
          {scalar("bonus.forfeitFailedQuarters")}
          {scalar("bonus.forfeitYellowCards")}
          {scalar("bonus.forfeitRedCards")}
          {scalar("bonus.roundTo")}
        </div>
      </>
    ),
    audit6s: (
      <>
        <FluentText weight="semibold" className={styles.subheading}>
          {t("audit6sRating")}
        </FluentText>
        <BandTableEditor table="audit6sRating" form={form} errors={errors} readOnly={readOnly} onChange={onChange} />
        <FluentText weight="semibold" className={styles.subheading}>
          {t("audit6sWeights")}
        </FluentText>
        <FluentText size={200} className={styles.hint}>
          {t("weightsHelp")}
        </FluentText>
        <div className={styles.pair}>{fields("audit6s.sWeights.")}</div>
        <GroupError errors={errors} group="audit6s.sWeights" />
      </>
    ),
  };

  const withErrors = new Set(sectionsWithErrors(errors));
  return (
    <Accordion multiple collapsible openItems={openSections} onToggle={onToggle}>
      {SECTIONS.map((s) => (
        <AccordionItem key={s.id} value={s.id} data-section={s.id}>
          <AccordionHeader size="small">
            {t(s.title)}
            {withErrors.has(s.id) && (
              <>
                <span className={styles.errorMark} aria-hidden="true">
                  <ErrorCircleRegular />
                </span>
                <span className={styles.visuallyHidden}>{t("sectionHasErrors")}</span>
              </>
            )}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>{content[s.id]}</AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

/** 设置: the department's scheme, and the button that creates the 考核参数 sheet from it. */
export function SettingsPane() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const { state, reload } = useWorkbookSettings();
  const [draft, setDraft] = useState<SettingsForm>(() => formFromSettings(DEFAULT_SETTINGS));
  // All sections start closed: the pane fits Excel's pane height and the button stays in view.
  const [openSections, setOpenSections] = useState<SectionId[]>([]);

  const present = state.status === "present";
  const form = useMemo(() => (state.status === "present" ? formFromSettings(state.settings) : draft), [state, draft]);
  // A sheet the workbook already holds is shown as it is: its own values, no validation noise.
  const validation = useMemo(() => (present ? { errors: {}, settings: null } : validateForm(draft)), [present, draft]);

  const onToggle: AccordionToggleEventHandler<SectionId> = useCallback(
    (_e, data) => setOpenSections(data.openItems),
    [],
  );

  const create = () => {
    const { settings, errors } = validateForm(draft);
    if (!settings) {
      const sections = sectionsWithErrors(errors);
      setOpenSections((open) => [...new Set([...open, ...sections])]);
      const titles = sections.map((id) => STRINGS[SECTIONS.find((s) => s.id === id)?.title ?? "sectionBonus"]);
      const n = Object.keys(errors).length;
      task.clear();
      task.show({
        intent: "error",
        title: STRINGS.settingsFixFirst,
        body: {
          zh: formatText(STRINGS.settingsInvalid, { n, sections: titles.map((x) => x.zh).join("、") }).zh,
          en: formatText(STRINGS.settingsInvalid, { n, sections: titles.map((x) => x.en).join(", ") }).en,
        },
      });
      return;
    }
    void task.run(STRINGS.settingsCreating, async ({ progress }) => {
      const plan = settingsPlan(settings, locale);
      const report = await host.write({ sheets: [plan], activate: 0 }, progress);
      const sheet = report.sheets[0]?.actual ?? plan.name;
      return [
        { intent: "success", body: formatText(STRINGS.settingsCreated, { sheet }) },
        ...(plan.notes ?? []).map((note) => ({ intent: "info" as const, body: note })),
        ...writeWarnings(report),
      ];
    });
  };

  return (
    <div className={styles.root}>
      {state.status === "loading" && <Spinner size="tiny" labelPosition="after" label={t("settingsReading")} />}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {t(messageFromError(state.error).body)}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "present" && (
        <MessageBar intent="info" layout="multiline" data-testid="settings-exists">
          <MessageBarBody>
            <MessageBarTitle>{t("settingsExistsTitle")}</MessageBarTitle>
            {t("settingsExistsBody", { sheet: state.sheetName ?? t(SETTINGS_SHEET_NAME) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "present" && state.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("warningTitle")}</MessageBarTitle>
            {t("settingsReadProblems", { sheet: state.sheetName ?? t(SETTINGS_SHEET_NAME) })}
            <ul>
              {state.problems.map((p, i) => (
                <li key={i}>{t(p.message)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "absent" && (
        <FluentText size={200} className={styles.intro}>
          {t("settingsIntro")}
        </FluentText>
      )}

      {(state.status === "absent" || state.status === "present") && (
        <SettingsEditor
          form={form}
          errors={validation.errors}
          readOnly={present}
          openSections={openSections}
          onToggle={onToggle}
          onChange={setDraft}
        />
      )}

      <div className={styles.actions}>
        {state.status === "absent" && (
          <>
            <GenerateButton
              running={task.running}
              runningLabel={t("settingsCreating")}
              icon={<TableAddRegular />}
              onClick={create}
              data-testid="settings-create"
            >
              {t("settingsCreate")}
            </GenerateButton>
            <Button
              icon={<ArrowResetRegular />}
              disabled={task.running}
              onClick={() => setDraft(formFromSettings(DEFAULT_SETTINGS))}
            >
              {t("settingsReset")}
            </Button>
          </>
        )}
        {(state.status === "present" || state.status === "failed") && (
          <Button icon={<ArrowClockwiseRegular />} onClick={reload}>
            {t("settingsReload")}
          </Button>
        )}
      </div>
      <TaskStatus task={task} />
      <SelfCheckSection />
    </div>
  );
}
