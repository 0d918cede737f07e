import {
  Button,
  Divider,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text as FluentText,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  DocumentArrowUpRegular,
  DocumentTableSearchRegular,
  TableAddRegular,
  TableSearchRegular,
} from "@fluentui/react-icons";
import { useMemo, useRef, useState, type ChangeEvent } from "react";
import { ok, problem, ProblemError, type Problem, type Result } from "../../../core/problem";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { variableList } from "../../../core/formula";
import { BONUS_FORMULA_LANGUAGE, type Quarter } from "../../../core/bonus";
import { bonusPlan, unusableReason, type BonusPlan } from "../../../sheets/bonus";
import { GenerateButton, TaskStatus, hiddenRowsNote, useTask, type PaneMessageInput } from "../../components";
import { problemLocation, useBrowserHost, useHost } from "../../host";
import { formatText } from "../../i18n/format";
import { useLocale, useT } from "../../i18n/useT";
import { generateSheets, withSettingsSheet } from "../generateSheets";
import { useWorkbookSettings } from "../settings/useWorkbookSettings";
import {
  checkFormulaInput,
  defaultPeriod,
  peopleOf,
  preview,
  readFormsSource,
  readPool,
  yearChoices,
  type FormulaCheck,
  type PeopleSource,
} from "./bonusModel";
import { B } from "./strings";

/** A built bonus sheet and the problems of the people it was built from (for the messages). */
type BonusGeneration = BonusPlan & { readonly inputProblems: readonly Problem[] };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  hint: { color: tokens.colorNeutralForeground3 },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  field: { minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
    whiteSpace: "pre-wrap",
  },
  refused: { color: tokens.colorPaletteRedForeground1 },
  mark: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
  },
  tableWrap: {
    maxHeight: "220px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  autoTable: { tableLayout: "auto", minWidth: "100%" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type SourceKind = "forms" | "selection" | "file";
const PROBLEMS_SHOWN = 100;

/** The formula's check under its input: the Excel formula it becomes, or the refusal with the offending part marked. */
function FormulaFeedback(props: { check: FormulaCheck; id: string }) {
  const { check, id } = props;
  const t = useT();
  const styles = useStyles();
  if (check.state === "ok") {
    return (
      <div data-testid={`bonus-${id}-excel`}>
        <FluentText size={200}>{t(B.excelEquivalent)}</FluentText>
        <div className={styles.code}>{check.excel}</div>
      </div>
    );
  }
  if (check.state === "refused") {
    return (
      <div role="alert" data-testid={`bonus-${id}-refused`}>
        <FluentText size={200} className={styles.refused} block>
          {t(check.message)}
        </FluentText>
        <div className={styles.code} aria-hidden="true">
          {check.before}
          <mark className={styles.mark}>{check.fragment === "" ? " " : check.fragment}</mark>
          {check.after}
        </div>
      </div>
    );
  }
  return null;
}

/** 奖金: the quarter's bonus sheet from the appraisal forms or a table, with finance's own formulas and a pool. */
export function BonusPane() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const browser = useBrowserHost();
  const readTask = useTask();
  const task = useTask();
  const { state: settingsState } = useWorkbookSettings();
  const fileInput = useRef<HTMLInputElement>(null);
  const now = useMemo(() => new Date(), []);
  const start = useMemo(() => defaultPeriod(now), [now]);

  const [year, setYear] = useState(start.year);
  const [quarter, setQuarter] = useState<Quarter>(start.quarter);
  const [sourceKind, setSourceKind] = useState<SourceKind>("forms");
  const [source, setSource] = useState<PeopleSource | null>(null);
  const [useQuarterFormula, setUseQuarterFormula] = useState(false);
  const [quarterText, setQuarterText] = useState("");
  const [useYearEndFormula, setUseYearEndFormula] = useState(false);
  const [yearEndText, setYearEndText] = useState("");
  const [usePool, setUsePool] = useState(false);
  const [poolText, setPoolText] = useState("");

  const settings = settingsState.status === "present" ? settingsState.settings : DEFAULT_SETTINGS;
  const isQ4 = quarter === 4;
  const pool = readPool(poolText, usePool);
  const yearEndOn = isQ4 && useYearEndFormula;
  const shape = useMemo(
    () => ({ quarter, pool: usePool, quarterFormula: useQuarterFormula, yearEndFormula: yearEndOn }),
    [quarter, usePool, useQuarterFormula, yearEndOn],
  );
  const quarterCheck = useMemo(
    () => checkFormulaInput(quarterText, useQuarterFormula, "quarter", shape, locale),
    [quarterText, useQuarterFormula, shape, locale],
  );
  const yearEndCheck = useMemo(
    () => checkFormulaInput(yearEndText, yearEndOn, "yearEnd", shape, locale),
    [yearEndText, yearEndOn, shape, locale],
  );
  const read = useMemo(() => (source ? peopleOf(source, year, settings) : null), [source, year, settings]);
  const formulaOf = (c: FormulaCheck) => (c.state === "ok" ? c.formula : null);
  const formulasOk = ![quarterCheck, yearEndCheck].some((c) => c.state === "empty" || c.state === "refused");
  const shown = useMemo(
    () =>
      read && !read.fatal && formulasOk && pool.error === null
        ? preview(
            read,
            {
              year,
              quarter,
              settings,
              quarterFormula: formulaOf(quarterCheck),
              yearEndFormula: formulaOf(yearEndCheck),
              pool: pool.value,
              locale,
            },
            {
              people: B.previewPeople,
              quarter: B.previewQuarter,
              pool: B.previewPool,
              poolNone: B.previewPoolNone,
              yearEnd: B.previewYearEnd,
              blank: B.previewBlank,
              error: B.previewError,
            },
          )
        : null,
    [read, formulasOk, pool.value, pool.error, year, quarter, settings, quarterCheck, yearEndCheck, locale],
  );

  const loaded = (s: PeopleSource, people: number) => {
    setSource(s);
    task.clear();
    return { intent: "success" as const, body: formatText(B.readDone, { what: s.label, people }) };
  };

  const readFormsClick = () =>
    void readTask.run(formatText(B.reading, { what: t(B.sourceForms) }), async () => {
      const s = await readFormsSource(host, year, (forms) => t(formatText(B.formsRead, { forms })));
      if (!s) throw new ProblemError(problem("na", B.readForms0));
      return loaded(s, peopleOf(s, year, settings).people.length);
    });

  const readSelection = () =>
    void readTask.run(formatText(B.reading, { what: t(B.sourceSelection) }), async () => {
      const range = await host.readSelection();
      const s: PeopleSource = { kind: "table", label: `${range.sheetName}!${range.address}`, range };
      return [loaded(s, peopleOf(s, year, settings).people.length), ...hiddenRowsNote(range)];
    });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void readTask.run(formatText(B.reading, { what: file.name }), async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const xlsx = await import("../../../xlsx");
      const range = await xlsx.readTableData(bytes, {
        csvName: file.name,
        ...(/\.csv$/i.test(file.name) ? { kind: "csv" as const } : {}),
      });
      const s: PeopleSource = { kind: "table", label: file.name, range };
      return loaded(s, peopleOf(s, year, settings).people.length);
    });
  };

  const generate = () => {
    if (!source) return;
    // The settings as the workbook holds them now (the 考核参数 sheet may have been added or edited).
    void task.run(B.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: ({ settings: current }): Result<BonusGeneration> => {
            const people = peopleOf(source, year, current);
            if (people.fatal) return { ok: false, problem: unusableReason(people) ?? problem("na", B.needPeople) };
            const built = bonusPlan({
              year,
              quarter,
              people: people.people,
              locale,
              settings: current,
              quarterFormula: formulaOf(quarterCheck),
              yearEndFormula: formulaOf(yearEndCheck),
              pool: pool.value,
              source: { zh: source.label, en: source.label },
              inputProblems: people.problems,
            });
            return built.ok ? ok({ ...built.value, inputProblems: people.problems }) : built;
          },
          plan: (built, workbook) => withSettingsSheet(workbook, built.plan),
          messages: (built, written, settingsNotes) => {
            const names = written.sheets.map((s) => s.actual).join(locale === "zh-CN" ? "、" : ", ");
            const messages: PaneMessageInput[] = [
              { intent: "success", body: formatText(B.generated, { sheets: names }) },
            ];
            if (built.inputProblems.length > 0)
              messages.push({
                intent: "warning",
                body: formatText(B.generatedProblems, { n: built.inputProblems.length }),
              });
            const warnings = built.result.warnings;
            if (warnings.length > 0)
              messages.push({
                intent: "warning",
                body: {
                  zh: formatText(B.warnings, { list: warnings.map((w) => w.zh).join("；") }).zh,
                  en: formatText(B.warnings, { list: warnings.map((w) => w.en).join("; ") }).en,
                },
              });
            return [...messages, ...settingsNotes];
          },
          settingsAdded: B.settingsAdded,
        },
        progress,
      ),
    );
  };

  const blocked =
    !source || !read || read.fatal ? B.needPeople : !formulasOk ? B.needFormula : pool.error ? B.needPool : null;
  const vars = variableList(BONUS_FORMULA_LANGUAGE);

  return (
    <div className={styles.root} data-testid="bonus-pane">
      <FluentText size={200} className={styles.hint}>
        {t(B.intro)}
      </FluentText>

      <section className={styles.section} aria-labelledby="bonus-step1">
        <FluentText id="bonus-step1" className={styles.heading}>
          {t(B.step1)}
        </FluentText>
        <div className={styles.pair}>
          <Field label={t(B.year)} size="small" className={styles.field}>
            <Select
              size="small"
              value={String(year)}
              onChange={(_e, d) => setYear(Number(d.value))}
              data-testid="bonus-year"
            >
              {[...new Set([...yearChoices(now), year])].sort().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(B.quarter)} size="small" className={styles.field} hint={t(B.quarterHint)}>
            <Select
              size="small"
              value={String(quarter)}
              onChange={(_e, d) => setQuarter(Number(d.value) as Quarter)}
              data-testid="bonus-quarter"
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t(B.quarterOption, { q })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="bonus-step2">
        <Divider />
        <FluentText id="bonus-step2" className={styles.heading}>
          {t(B.step2)}
        </FluentText>
        <Field label={t(B.sourceLabel)} size="small">
          <RadioGroup
            value={sourceKind}
            onChange={(_e, d) => setSourceKind(d.value as SourceKind)}
            data-testid="bonus-source"
          >
            <Radio value="forms" label={t(B.sourceForms)} />
            {!browser && <Radio value="selection" label={t(B.sourceSelection)} />}
            <Radio value="file" label={t(B.sourceFile)} />
          </RadioGroup>
        </Field>
        <FluentText size={200} className={styles.hint}>
          {sourceKind === "forms" ? t(B.formsHint) : t(B.tableHint)}
          {sourceKind === "forms" && browser ? ` ${t(B.formsBrowserHint)}` : ""}
        </FluentText>
        <div className={styles.actions}>
          {sourceKind === "forms" && (
            <Button
              icon={<DocumentTableSearchRegular />}
              disabled={readTask.running}
              onClick={readFormsClick}
              data-testid="bonus-read-forms"
            >
              {t(B.readForms)}
            </Button>
          )}
          {sourceKind === "selection" && (
            <Button
              icon={<TableSearchRegular />}
              disabled={readTask.running}
              onClick={readSelection}
              data-testid="bonus-read-selection"
            >
              {t(B.readSelection)}
            </Button>
          )}
          {sourceKind === "file" && (
            <Button
              icon={<DocumentArrowUpRegular />}
              disabled={readTask.running}
              onClick={() => fileInput.current?.click()}
              data-testid="bonus-choose-file"
            >
              {t(B.chooseFile)}
            </Button>
          )}
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.xlsm,.csv,text/csv"
            hidden
            onChange={onFile}
            data-testid="bonus-file-input"
          />
        </div>
        <TaskStatus task={readTask} />
        {read && (
          <FluentText size={200} data-testid="bonus-people">
            {t(B.peopleSummary, { year, people: read.people.length })}
          </FluentText>
        )}
        {read && read.problems.length > 0 && (
          <>
            <FluentText size={200} weight="semibold">
              {t(B.problemsTitle, { n: read.problems.length })}
            </FluentText>
            <FluentText size={200} className={styles.hint}>
              {t(B.problemsHint)}
            </FluentText>
            <div className={styles.tableWrap}>
              <Table
                size="extra-small"
                aria-label={t(B.problemsTitle, { n: read.problems.length })}
                data-testid="bonus-problems"
              >
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: "40px" }}>{t(B.colRow)}</TableHeaderCell>
                    <TableHeaderCell style={{ width: "96px" }}>{t(B.colColumn)}</TableHeaderCell>
                    <TableHeaderCell>{t(B.colProblem)}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {read.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                    <TableRow key={i}>
                      <TableCell>{p.row ?? "—"}</TableCell>
                      <TableCell>{p.column ?? "—"}</TableCell>
                      <TableCell title={problemLocation(p) ? t(problemLocation(p)!) : undefined}>
                        {t(p.message)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="bonus-step3">
        <Divider />
        <FluentText id="bonus-step3" className={styles.heading}>
          {t(B.step3)}
        </FluentText>
        <FluentText size={200} className={styles.hint}>
          {t(B.formulaHint, { vars: t(vars) })}
        </FluentText>
        <Switch
          label={t(B.useQuarterFormula)}
          checked={useQuarterFormula}
          onChange={(_e, d) => setUseQuarterFormula(d.checked)}
          data-testid="bonus-use-quarter-formula"
        />
        {useQuarterFormula && (
          <Field
            label={t(B.quarterFormula)}
            size="small"
            validationState={quarterCheck.state === "refused" ? "error" : "none"}
            validationMessage={quarterCheck.state === "empty" ? t(B.formulaEmpty) : undefined}
          >
            <Input
              size="small"
              value={quarterText}
              placeholder={t(B.quarterPlaceholder)}
              onChange={(_e, d) => setQuarterText(d.value)}
              data-testid="bonus-quarter-formula"
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
        )}
        <FormulaFeedback check={quarterCheck} id="quarter" />
        {isQ4 && (
          <>
            <Switch
              label={t(B.useYearEndFormula)}
              checked={useYearEndFormula}
              onChange={(_e, d) => setUseYearEndFormula(d.checked)}
              data-testid="bonus-use-year-end-formula"
            />
            {useYearEndFormula && (
              <Field
                label={t(B.yearEndFormula)}
                size="small"
                validationState={yearEndCheck.state === "refused" ? "error" : "none"}
                validationMessage={yearEndCheck.state === "empty" ? t(B.formulaEmpty) : undefined}
              >
                <Input
                  size="small"
                  value={yearEndText}
                  placeholder={t(B.yearEndPlaceholder)}
                  onChange={(_e, d) => setYearEndText(d.value)}
                  data-testid="bonus-year-end-formula"
                  spellCheck={false}
                  autoComplete="off"
                />
              </Field>
            )}
            <FormulaFeedback check={yearEndCheck} id="year-end" />
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="bonus-step4">
        <Divider />
        <FluentText id="bonus-step4" className={styles.heading}>
          {t(B.step4)}
        </FluentText>
        <Switch
          label={t(B.usePool)}
          checked={usePool}
          onChange={(_e, d) => setUsePool(d.checked)}
          data-testid="bonus-use-pool"
        />
        {usePool && (
          <Field
            label={t(B.pool)}
            size="small"
            hint={t(B.poolHint)}
            validationState={pool.error ? "error" : "none"}
            validationMessage={pool.error ? t(B.poolInvalid) : undefined}
          >
            <Input
              size="small"
              inputMode="decimal"
              value={poolText}
              onChange={(_e, d) => setPoolText(d.value)}
              data-testid="bonus-pool"
            />
          </Field>
        )}
      </section>

      <section className={styles.section} aria-labelledby="bonus-step5">
        <Divider />
        <FluentText id="bonus-step5" className={styles.heading}>
          {t(B.step5)}
        </FluentText>
        {shown?.error && (
          <FluentText size={200} className={styles.bad} role="alert" data-testid="bonus-preview-error">
            {t(shown.error)}
          </FluentText>
        )}
        {shown && !shown.error && (
          <div className={styles.section} data-testid="bonus-preview">
            <FluentText size={200} weight="semibold">
              {t(B.previewTitle)}
            </FluentText>
            {shown.lines.map((l, i) => (
              <FluentText key={i} size={200}>
                {t(l)}
              </FluentText>
            ))}
            <div className={styles.tableWrap}>
              <Table size="extra-small" className={styles.autoTable} aria-label={t(B.previewTitle)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t(B.pName)}</TableHeaderCell>
                    <TableHeaderCell>{t(B.pGrade)}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t(B.pQuarter)}</TableHeaderCell>
                    {isQ4 && <TableHeaderCell>{t(B.pYearEnd)}</TableHeaderCell>}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.rows.map((r, i) => (
                    <TableRow key={i} data-preview-row={r.name}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>{r.grade}</TableCell>
                      <TableCell className={styles.num}>{r.quarter}</TableCell>
                      {isQ4 && <TableCell className={r.forfeited ? styles.bad : styles.num}>{r.yearEnd}</TableCell>}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {shown.result && shown.result.people.length > shown.rows.length && (
              <FluentText size={200} className={styles.hint}>
                {t(B.previewMore, { n: shown.result.people.length - shown.rows.length })}
              </FluentText>
            )}
          </div>
        )}
        {blocked && (
          <FluentText size={200} className={styles.hint} data-testid="bonus-blocked">
            {t(blocked)}
          </FluentText>
        )}
        <div className={styles.actions}>
          <GenerateButton
            running={task.running}
            runningLabel={t(B.generating)}
            icon={<TableAddRegular />}
            disabled={blocked !== null || Boolean(shown?.error)}
            onClick={generate}
            data-testid="bonus-generate"
          >
            {t(B.generate)}
          </GenerateButton>
        </div>
        <TaskStatus task={task} />
      </section>
    </div>
  );
}
