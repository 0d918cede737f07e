import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  Select,
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
  CheckmarkCircleRegular,
  DocumentArrowUpRegular,
  TableAddRegular,
  TableSearchRegular,
} from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { formatSerial } from "../../../core/dates";
import type { ColumnMapping, KpiReport, OrderField } from "../../../core/workorders";
import { PROBLEMS_SHEET_NAME } from "../../../sheets/workorders";
import {
  GenerateButton,
  TaskStatus,
  hiddenRowsNote,
  useTask,
  type PaneMessageInput,
  type Task,
} from "../../components";
import { useBrowserHost, useHost } from "../../host";
import { formatText } from "../../i18n/format";
import { useLocale, useT } from "../../i18n/useT";
import { generateSheets } from "../generateSheets";
import { useWorkbookSettings } from "../settings/useWorkbookSettings";
import {
  ambiguousChoice,
  ambiguousQuestion,
  columnOptions,
  defaultAsOfText,
  defaultMonth,
  fieldLabel,
  mappingRows,
  nowSerial,
  previewLines,
  PREVIEW_HEADERS,
  readAsOf,
  setFieldColumn,
  undecidedColumns,
  unusedColumns,
} from "./kpiModel";
import { PROBLEMS_SHOWN, type KpiChecked, type KpiSource } from "./kpiSession";
import { KpiWorkerClient, localKpiWork, workerKpiWork, type KpiWork } from "./kpiWork";
import { K } from "./strings";
import { readCallLog } from "../../../sheets/records/callLog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  hint: { color: tokens.colorNeutralForeground3 },
  pair: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  field: { minWidth: 0 },
  select: { minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  tableWrap: {
    maxHeight: "240px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  previewWrap: { overflowX: "auto" },
  // Size columns to their content (Fluent's default fixed layout squeezes 8 columns into 360 px).
  autoTable: { tableLayout: "auto", minWidth: "100%" },
  num: {
    textAlign: "right",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  nameCell: { whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  dept: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** Browser mode: the work in a Web Worker, started when first needed. */
function browserWork(browser: NonNullable<ReturnType<typeof useBrowserHost>>): KpiWork {
  return workerKpiWork(browser, new KpiWorkerClient(async () => (await import("./createKpiWorker")).createKpiWorker()));
}

/** Cancel beside a running job, where the work can be stopped (browser mode's worker). */
function CancelButton(props: { task: Task; work: KpiWork }) {
  const t = useT();
  const { cancel } = props.work;
  if (!cancel || !props.task.running) return null;
  return (
    <Button onClick={cancel} data-testid="kpi-cancel">
      {t(K.cancel)}
    </Button>
  );
}

/** 工单 KPI: import and check work orders, then generate the register and the monthly KPI sheet. */
export function KpiPane() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const browser = useBrowserHost();
  const readTask = useTask();
  const task = useTask();
  const { state: settingsState } = useWorkbookSettings();
  const fileInput = useRef<HTMLInputElement>(null);
  const work = useMemo(() => (browser ? browserWork(browser) : localKpiWork(host)), [browser, host]);
  // Leaving the pane stops the worker (and whatever it was doing).
  useEffect(() => () => work.cancel?.(), [work]);

  const [source, setSource] = useState<KpiSource | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  /** Ambiguous columns (公里数 …) the user said are neither field. */
  const [setAside, setSetAside] = useState<ReadonlySet<number>>(new Set());
  const [note, setNote] = useState<PaneMessageInput["body"] | null>(null);
  const [parsed, setParsed] = useState<KpiChecked | null>(null);
  const [mappingError, setMappingError] = useState<PaneMessageInput["body"] | null>(null);
  const [month, setMonth] = useState("");
  const [asOfText, setAsOfText] = useState("");
  const [freeze, setFreeze] = useState(false);

  const settings = settingsState.status === "present" ? settingsState.settings : DEFAULT_SETTINGS;
  const months = parsed?.months ?? [];
  const chosen = months.find((m) => m.key === month) ?? null;
  const asOf = readAsOf(asOfText);
  // The engine's numbers for the preview, computed where the orders are (a worker in browser mode).
  // Each answer is kept with what it was asked for, so a stale one (the month changed meanwhile) is not shown.
  const [previewed, setPreviewed] = useState<{
    readonly asked: readonly unknown[];
    readonly report: KpiReport | null;
  } | null>(null);
  const asked = [parsed, chosen?.key, asOf, settings];
  const report = previewed && previewed.asked.every((x, i) => Object.is(x, asked[i])) ? previewed.report : null;
  useEffect(() => {
    if (!parsed || !chosen || asOf === null) return;
    let current = true;
    const question = [parsed, chosen.key, asOf, settings];
    work.preview(chosen.month, asOf, settings).then(
      (r) => current && setPreviewed({ asked: question, report: r }),
      () => current && setPreviewed({ asked: question, report: null }),
    );
    return () => {
      current = false;
    };
  }, [work, parsed, chosen, asOf, settings]);

  /** A newly read table: header row found, mapping proposed, earlier results cleared. */
  const loaded = (read: KpiSource) => {
    setSource(read);
    setMapping(read.proposal.mapping);
    setSetAside(new Set());
    setParsed(null);
    setNote(null);
    setMappingError(null);
    task.clear();
    return formatText(K.readDone, { what: read.label, header: read.headerRow, rows: read.rows });
  };

  const readSelection = () =>
    void readTask.run(formatText(K.reading, { what: t(K.readSelection) }), async ({ rowsRead }) => {
      // Large selections are read in chunks; the pane shows the rows read after each.
      const range = await host.readSelection(rowsRead);
      return [
        { intent: "success", body: loaded(await work.load(range, `${range.sheetName}!${range.address}`)) },
        ...hiddenRowsNote(range),
      ];
    });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void readTask.run(formatText(K.reading, { what: file.name }), async ({ rowsRead }) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await work.open({ name: file.name, bytes }, (p) =>
        rowsRead({ rowsRead: p.done, rowsTotal: p.total }),
      );
      return { intent: "success", body: loaded(read) };
    });
  };

  const onMappingChange = (field: OrderField, value: string) => {
    if (!source) return;
    const r = setFieldColumn(mapping, field, value === "" ? null : Number(value), source.headers);
    setMapping(r.mapping);
    setNote(r.note);
    setParsed(null);
    setMappingError(null);
  };

  /** The user says what an ambiguous column is: one of its fields, or neither ("none"). */
  const onAmbiguous = (column: number, value: string) => {
    if (!source) return;
    const a = source.proposal.ambiguous.find((x) => x.column === column);
    if (!a) return;
    // First undo an earlier decision about this column.
    let next: Partial<Record<OrderField, number>> = { ...mapping };
    for (const f of a.fields) if (next[f] === column) delete next[f];
    const aside = new Set(setAside);
    aside.delete(column);
    let moved: PaneMessageInput["body"] | null = null;
    if (value === "none") aside.add(column);
    else if (value !== "") {
      const r = setFieldColumn(next, value as OrderField, column, source.headers);
      next = { ...r.mapping };
      moved = r.note;
    }
    setMapping(next);
    setSetAside(aside);
    setNote(moved);
    setParsed(null);
    setMappingError(null);
  };

  const confirm = () => {
    if (!source) return;
    const undecided = undecidedColumns(source.proposal, mapping, setAside);
    if (undecided.length > 0) {
      setMappingError(formatText(K.ambiguousUndecided, { headers: undecided.map((a) => a.header).join("”“") }));
      setParsed(null);
      return;
    }
    void readTask.run(K.checking, async () => {
      const r = await work.check(mapping);
      if (!r.ok) {
        setMappingError(r.problem.message);
        setParsed(null);
        return;
      }
      setMappingError(null);
      setParsed(r.value);
      const first = defaultMonth(r.value.months, new Date());
      setMonth(first?.key ?? "");
      setAsOfText(first ? defaultAsOfText(first.month, new Date()) : "");
    });
  };

  const onMonth = (key: string) => {
    setMonth(key);
    const m = months.find((x) => x.key === key);
    if (m) setAsOfText(defaultAsOfText(m.month, new Date()));
  };

  const generate = () => {
    if (!parsed || !chosen || asOf === null || !source) return;
    let problemCount = parsed.problemCount;
    let callLog: { sheet: string; problems: number } | null = null;
    // The settings as the workbook holds them now (the sheet may have been added meanwhile).
    void task.run(K.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: async (workbook) => {
            // Issue 12 point 5: with a call log in the workbook, the register proves written contact from it.
            const log = await readCallLog(workbook.plans, (r) => host.readRanges(r));
            callLog = log?.meta ? { sheet: log.sheetName, problems: log.problems.length } : null;
            return {
              ok: true,
              value: {
                month: chosen.month,
                asOf,
                locale,
                settings: workbook.settings,
                // The KPI workbook plan places the settings sheet itself (before the register).
                includeSettings: workbook.add.length > 0,
                ...(freeze ? { frozenAt: nowSerial(new Date()) } : {}),
                ...(log?.meta ? { callLog: { meta: log.meta, calls: log.calls } } : {}),
              },
            };
          },
          write: async (options, _workbook, onProgress) => {
            const r = await work.write(options, onProgress ?? (() => undefined));
            if (!r.ok) return r;
            problemCount = r.value.problems;
            return { ok: true, value: r.value.report };
          },
          messages: (_wb, written, settingsNotes) => {
            const names = written.sheets.map((s) => s.actual);
            const problemsSheet = written.sheets.find((s) => s.kind === "problems")?.actual ?? t(PROBLEMS_SHEET_NAME);
            const messages: PaneMessageInput[] = [
              {
                intent: "success",
                body: formatText(K.generated, { sheets: names.join(locale === "zh-CN" ? "、" : ", ") }),
              },
            ];
            if (callLog) messages.push({ intent: "info", body: formatText(K.callLogUsed, { sheet: callLog.sheet }) });
            if (callLog && callLog.problems > 0)
              messages.push({ intent: "warning", body: formatText(K.callLogProblems, { n: callLog.problems }) });
            if (problemCount > 0)
              messages.push({
                intent: "warning",
                body: formatText(K.generatedProblems, { n: problemCount, sheet: problemsSheet }),
              });
            return [...messages, ...settingsNotes];
          },
          settingsAdded: K.settingsAdded,
        },
        progress,
      ),
    );
  };

  const rows = source ? mappingRows(source.proposal, mapping) : [];
  const options = source ? columnOptions(source.headers, source.firstColumn, locale) : [];
  const unused = source ? unusedColumns(source.headers, mapping, source.proposal.ambiguous) : [];
  const ambiguous = source?.proposal.ambiguous ?? [];
  const leftOut = parsed?.leftOut ?? 0;
  const preview = report ? previewLines(report, locale) : [];

  return (
    <div className={styles.root} data-testid="kpi-pane">
      <FluentText size={200} className={styles.hint}>
        {t(K.intro)}
      </FluentText>

      <section className={styles.section} aria-labelledby="kpi-step1">
        <FluentText id="kpi-step1" className={styles.heading}>
          {t(K.step1)}
        </FluentText>
        {browser ? (
          <>
            <FluentText size={200} className={styles.hint}>
              {t(K.uploadHint)}
            </FluentText>
            <div className={styles.actions}>
              <Button
                icon={<DocumentArrowUpRegular />}
                disabled={readTask.running}
                onClick={() => fileInput.current?.click()}
                data-testid="kpi-upload"
              >
                {t(K.uploadFile)}
              </Button>
            </div>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.xlsm,.csv,text/csv"
              hidden
              onChange={onFile}
              data-testid="kpi-file-input"
            />
          </>
        ) : (
          <>
            <FluentText size={200} className={styles.hint}>
              {t(K.readSelectionHint)}
            </FluentText>
            <div className={styles.actions}>
              <Button
                icon={<TableSearchRegular />}
                disabled={readTask.running}
                onClick={readSelection}
                data-testid="kpi-read-selection"
              >
                {t(K.readSelection)}
              </Button>
            </div>
          </>
        )}
        <CancelButton task={readTask} work={work} />
        <TaskStatus task={readTask} />
      </section>

      {source && (
        <section className={styles.section} aria-labelledby="kpi-step2" data-testid="kpi-mapping">
          <Divider />
          <FluentText id="kpi-step2" className={styles.heading}>
            {t(K.step2)}
          </FluentText>
          <FluentText size={200} className={styles.hint}>
            {t(K.mappingHint)}
          </FluentText>
          <div className={styles.pair}>
            {rows.map((row) => {
              const missing = row.def.required && row.column === null;
              const state = missing
                ? "error"
                : row.status === "guess"
                  ? "warning"
                  : row.status === "exact"
                    ? "success"
                    : "none";
              const message = missing
                ? t(K.matchNone)
                : row.status === "guess"
                  ? t(K.matchGuess)
                  : row.status === "exact"
                    ? t(K.matchExact)
                    : undefined;
              return (
                <Field
                  key={row.field}
                  className={styles.field}
                  label={fieldLabel(row.field, locale)}
                  size="small"
                  validationState={state}
                  validationMessage={message}
                >
                  <Select
                    size="small"
                    className={styles.select}
                    value={row.column === null ? "" : String(row.column)}
                    data-kpi-field={row.field}
                    onChange={(_e, d) => onMappingChange(row.field, d.value)}
                  >
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </div>
          {ambiguous.length > 0 && (
            <div className={styles.section} data-testid="kpi-ambiguous">
              <FluentText size={200} weight="semibold">
                {t(K.ambiguousTitle)}
              </FluentText>
              <FluentText size={200} className={styles.hint}>
                {t(K.ambiguousHint)}
              </FluentText>
              {ambiguous.map((a) => {
                const choice = ambiguousChoice(a, mapping, setAside);
                return (
                  <Field
                    key={a.column}
                    label={t(ambiguousQuestion(a, source.firstColumn))}
                    size="small"
                    validationState={choice === "" ? "warning" : "success"}
                    validationMessage={choice === "" ? t(K.matchGuess) : t(K.matchExact)}
                  >
                    <Select
                      size="small"
                      className={styles.select}
                      value={choice}
                      data-kpi-ambiguous={a.column}
                      onChange={(_e, d) => onAmbiguous(a.column, d.value)}
                    >
                      <option value="">{t(K.ambiguousChoose)}</option>
                      {a.fields.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(f, locale)}
                        </option>
                      ))}
                      <option value="none">{t(K.ambiguousNone)}</option>
                    </Select>
                  </Field>
                );
              })}
            </div>
          )}
          {unused.length > 0 && (
            <FluentText size={200} className={styles.hint} data-testid="kpi-unused">
              {t(K.unusedColumns, { columns: unused.join(locale === "zh-CN" ? "、" : ", ") })}
            </FluentText>
          )}
          {note && (
            <FluentText size={200} className={styles.hint} role="status">
              {t(note)}
            </FluentText>
          )}
          {mappingError && (
            <FluentText size={200} className={styles.bad} role="alert" data-testid="kpi-mapping-error">
              {t(mappingError)}
            </FluentText>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" icon={<CheckmarkCircleRegular />} onClick={confirm} data-testid="kpi-confirm">
              {t(K.confirm)}
            </Button>
          </div>
        </section>
      )}

      {parsed && (
        <section className={styles.section} aria-labelledby="kpi-step3" data-testid="kpi-check">
          <Divider />
          <FluentText id="kpi-step3" className={styles.heading}>
            {t(K.step3)}
          </FluentText>
          <FluentText size={200} data-testid="kpi-check-summary">
            {t(K.checked, {
              read: parsed.rowsRead,
              used: parsed.rowsUsed,
              left: leftOut,
              blank: parsed.problemCount - leftOut,
            })}
          </FluentText>
          {parsed.problemCount === 0 ? (
            <FluentText size={200}>{t(K.noProblems)}</FluentText>
          ) : (
            <>
              <FluentText size={200} weight="semibold">
                {t(K.problemsTitle, { n: parsed.problemCount })}
              </FluentText>
              <div className={styles.tableWrap}>
                <Table
                  size="extra-small"
                  aria-label={t(K.problemsTitle, { n: parsed.problemCount })}
                  data-testid="kpi-problems"
                >
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell style={{ width: "44px" }}>{t(K.colRow)}</TableHeaderCell>
                      <TableHeaderCell style={{ width: "84px" }}>{t(K.colColumn)}</TableHeaderCell>
                      <TableHeaderCell>{t(K.colReason)}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {parsed.shown.map((p, i) => (
                      <TableRow key={i} data-problem-row={p.row}>
                        <TableCell>{p.row}</TableCell>
                        <TableCell>{p.column ?? "—"}</TableCell>
                        <TableCell className={p.effect === "rowLeftOut" ? styles.bad : undefined}>
                          {t(p.message)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
              {parsed.problemCount > PROBLEMS_SHOWN && (
                <FluentText size={200} className={styles.hint}>
                  {t(K.problemsMore, { n: parsed.problemCount - PROBLEMS_SHOWN })}
                </FluentText>
              )}
            </>
          )}
        </section>
      )}

      {parsed && months.length > 0 && (
        <section className={styles.section} aria-labelledby="kpi-step4" data-testid="kpi-generate-section">
          <Divider />
          <FluentText id="kpi-step4" className={styles.heading}>
            {t(K.step4)}
          </FluentText>
          <div className={styles.pair}>
            <Field label={t(K.month)} size="small" className={styles.field}>
              <Select size="small" value={month} onChange={(_e, d) => onMonth(d.value)} data-testid="kpi-month">
                {months.map((m) => (
                  <option key={m.key} value={m.key}>
                    {t(K.monthOrders, { month: m.key, n: m.orders })}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={t(K.asOf)}
              size="small"
              className={styles.field}
              validationState={asOf === null ? "error" : "none"}
              validationMessage={asOf === null ? t(K.asOfInvalid) : undefined}
            >
              <Input size="small" value={asOfText} onChange={(_e, d) => setAsOfText(d.value)} data-testid="kpi-asof" />
            </Field>
          </div>
          <FluentText size={200} className={styles.hint}>
            {t(K.asOfHint)}
          </FluentText>
          <Checkbox
            label={t(K.freeze)}
            checked={freeze}
            onChange={(_e, d) => setFreeze(d.checked === true)}
            data-testid="kpi-freeze"
          />
          {report && (
            <>
              <FluentText size={200} weight="semibold">
                {t(K.previewTitle)}
                {asOf !== null ? ` · ${formatSerial(asOf)}` : ""}
              </FluentText>
              <div className={styles.previewWrap}>
                <Table
                  size="extra-small"
                  className={styles.autoTable}
                  aria-label={t(K.previewTitle)}
                  data-testid="kpi-preview"
                >
                  <TableHeader>
                    <TableRow>
                      {PREVIEW_HEADERS.map((h, i) => (
                        <TableHeaderCell key={i} className={i === 0 ? styles.nameCell : styles.num}>
                          {t(h)}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {preview.map((line, i) => (
                      <TableRow
                        key={i}
                        className={line.department ? styles.dept : undefined}
                        data-preview-row={line.department ? "department" : line.name}
                      >
                        <TableCell className={styles.nameCell}>{line.name}</TableCell>
                        {line.cells.map((c, j) => (
                          <TableCell key={j} className={styles.num}>
                            {c}
                          </TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )}
          <div className={styles.actions}>
            <GenerateButton
              running={task.running}
              runningLabel={t(K.generating)}
              icon={<TableAddRegular />}
              disabled={asOf === null || !chosen}
              onClick={generate}
              data-testid="kpi-generate"
            >
              {t(K.generate)}
            </GenerateButton>
          </div>
          <CancelButton task={task} work={work} />
          <TaskStatus task={task} />
        </section>
      )}
    </div>
  );
}
