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
import { useMemo, useRef, useState, type ChangeEvent } from "react";
import { ProblemError } from "../../../core/problem";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { formatSerial } from "../../../core/dates";
import {
  monthlyKpiReport,
  type ColumnMapping,
  type MappingProposal,
  type OrderField,
  type ParsedOrders,
} from "../../../core/workorders";
import type { RangeData } from "../../../sheets/plan";
import {
  kpiWorkbookPlan,
  proposeFor,
  readOrders,
  sourceTable,
  PROBLEMS_SHEET_NAME,
  type SourceTable,
} from "../../../sheets/workorders";
import { GenerateButton, TaskStatus, useTask, type PaneMessageInput } from "../../components";
import { useBrowserHost, useHost } from "../../host";
import { formatText } from "../../i18n/format";
import { useLocale, useT } from "../../i18n/useT";
import { generateSheets } from "../generateSheets";
import { useWorkbookSettings } from "../settings/useWorkbookSettings";
import {
  columnOptions,
  defaultAsOfText,
  defaultMonth,
  fieldLabel,
  mappingRows,
  monthChoices,
  nowSerial,
  previewLines,
  readAsOf,
  setFieldColumn,
  unusedColumns,
} from "./kpiModel";
import { K } from "./strings";

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

interface Source {
  readonly table: SourceTable;
  readonly proposal: MappingProposal;
  /** What the user knows the data as: "orders.csv" or "Sheet1!A1:S3121". */
  readonly label: string;
  readonly address: string;
  readonly firstColumn: number;
}

const PROBLEMS_SHOWN = 100;

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

  const [source, setSource] = useState<Source | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [note, setNote] = useState<PaneMessageInput["body"] | null>(null);
  const [parsed, setParsed] = useState<ParsedOrders | null>(null);
  const [mappingError, setMappingError] = useState<PaneMessageInput["body"] | null>(null);
  const [month, setMonth] = useState("");
  const [asOfText, setAsOfText] = useState("");
  const [freeze, setFreeze] = useState(false);

  const settings = settingsState.status === "present" ? settingsState.settings : DEFAULT_SETTINGS;
  const months = useMemo(() => (parsed ? monthChoices(parsed.orders) : []), [parsed]);
  const chosen = months.find((m) => m.key === month) ?? null;
  const asOf = readAsOf(asOfText);
  const report = useMemo(() => {
    if (!parsed || !chosen || asOf === null) return null;
    const r = monthlyKpiReport(parsed.orders, { month: chosen.month, asOf, settings });
    return r.ok ? r.value : null;
  }, [parsed, chosen, asOf, settings]);

  /** A newly read range: header row found, mapping proposed, earlier results cleared. */
  const load = (range: RangeData, label: string) => {
    const table = sourceTable(range);
    if (!table.ok) throw new ProblemError(table.problem);
    const proposal = proposeFor(table.value);
    setSource({ table: table.value, proposal, label, address: range.address, firstColumn: range.firstColumn });
    setMapping(proposal.mapping);
    setParsed(null);
    setNote(null);
    setMappingError(null);
    task.clear();
    return formatText(K.readDone, { what: label, header: table.value.headerRow, rows: table.value.rows.length });
  };

  const readSelection = () =>
    void readTask.run(formatText(K.reading, { what: t(K.readSelection) }), async ({ rowsRead }) => {
      // Large selections are read in chunks; the pane shows the rows read after each.
      const range = await host.readSelection(rowsRead);
      return { intent: "success", body: load(range, `${range.sheetName}!${range.address}`) };
    });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void readTask.run(formatText(K.reading, { what: file.name }), async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const xlsx = await import("../../../xlsx");
      const range = await xlsx.readTableData(bytes, {
        csvName: file.name,
        ...(/\.csv$/i.test(file.name) ? { kind: "csv" as const } : {}),
      });
      return { intent: "success", body: load(range, file.name) };
    });
  };

  const onMappingChange = (field: OrderField, value: string) => {
    if (!source) return;
    const r = setFieldColumn(mapping, field, value === "" ? null : Number(value), source.table.headers);
    setMapping(r.mapping);
    setNote(r.note);
    setParsed(null);
    setMappingError(null);
  };

  const confirm = () => {
    if (!source) return;
    const r = readOrders(source.table, mapping);
    if (!r.ok) {
      setMappingError(r.problem.message);
      setParsed(null);
      return;
    }
    setMappingError(null);
    setParsed(r.value);
    const first = defaultMonth(monthChoices(r.value.orders), new Date());
    setMonth(first?.key ?? "");
    setAsOfText(first ? defaultAsOfText(first.month, new Date()) : "");
  };

  const onMonth = (key: string) => {
    setMonth(key);
    const m = months.find((x) => x.key === key);
    if (m) setAsOfText(defaultAsOfText(m.month, new Date()));
  };

  const generate = () => {
    if (!parsed || !chosen || asOf === null || !source) return;
    // The settings as the workbook holds them now (the sheet may have been added meanwhile).
    void task.run(K.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        {
          build: (workbook) =>
            kpiWorkbookPlan({
              parsed,
              month: chosen.month,
              asOf,
              locale,
              settings: workbook.settings,
              source: { name: source.label, address: source.address },
              // The KPI workbook plan places the settings sheet itself (before the register).
              includeSettings: workbook.add.length > 0,
              ...(freeze ? { frozenAt: nowSerial(new Date()) } : {}),
            }),
          plan: (wb) => wb.plan,
          messages: (_wb, written, settingsNotes) => {
            const names = written.sheets.map((s) => s.actual);
            const problemsSheet = written.sheets.find((s) => s.kind === "problems")?.actual ?? t(PROBLEMS_SHEET_NAME);
            const messages: PaneMessageInput[] = [
              {
                intent: "success",
                body: formatText(K.generated, { sheets: names.join(locale === "zh-CN" ? "、" : ", ") }),
              },
            ];
            if (parsed.problems.length > 0)
              messages.push({
                intent: "warning",
                body: formatText(K.generatedProblems, { n: parsed.problems.length, sheet: problemsSheet }),
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
  const options = source ? columnOptions(source.table.headers, source.firstColumn, locale) : [];
  const unused = source ? unusedColumns(source.table.headers, mapping) : [];
  const leftOut = parsed ? parsed.problems.filter((p) => p.effect === "rowLeftOut").length : 0;
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
              blank: parsed.problems.length - leftOut,
            })}
          </FluentText>
          {parsed.problems.length === 0 ? (
            <FluentText size={200}>{t(K.noProblems)}</FluentText>
          ) : (
            <>
              <FluentText size={200} weight="semibold">
                {t(K.problemsTitle, { n: parsed.problems.length })}
              </FluentText>
              <div className={styles.tableWrap}>
                <Table
                  size="extra-small"
                  aria-label={t(K.problemsTitle, { n: parsed.problems.length })}
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
                    {parsed.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
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
              {parsed.problems.length > PROBLEMS_SHOWN && (
                <FluentText size={200} className={styles.hint}>
                  {t(K.problemsMore, { n: parsed.problems.length - PROBLEMS_SHOWN })}
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
                      {[K.pTechnician, K.pOrders, K.pOnTime, K.pCsat, K.pFtf, K.pComplaint, K.pComposite, K.pGrade].map(
                        (h, i) => (
                          <TableHeaderCell key={i} className={i === 0 ? styles.nameCell : styles.num}>
                            {t(h)}
                          </TableHeaderCell>
                        ),
                      )}
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
          <TaskStatus task={task} />
        </section>
      )}
    </div>
  );
}
