import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text as FluentText,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CopyRegular, DismissRegular, SaveRegular, ShieldTaskRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { showComputed } from "../../../sheets/selfcheck/compare";
import { reportHeadline, reportRows, reportText, type SelfCheckReport } from "../../../sheets/selfcheck/report";
import { GenerateButton, TaskStatus, useTask } from "../../components";
import { useHost } from "../../host";
import { formatText } from "../../i18n/format";
import { useLocale, useT } from "../../i18n/useT";
import { runSelfCheckFlow } from "./selfCheckFlow";
import { SC } from "./selfCheckStrings";
import { SUPPORT_URL } from "../../version";

const MISMATCHES_SHOWN = 20;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  tableWrap: {
    maxHeight: "260px",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  autoTable: { tableLayout: "auto", minWidth: "100%" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, wordBreak: "break-all" },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
});

/** The 自检 section of the 设置 pane: run the check, show and send its report. */
export function SelfCheckSection() {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const host = useHost();
  const task = useTask();
  const saving = useTask();
  const [report, setReport] = useState<SelfCheckReport | null>(null);
  const signal = useRef({ cancelled: false });
  const [cancelling, setCancelling] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const run = () => {
    signal.current = { cancelled: false };
    setCancelling(false);
    setReport(null);
    saving.clear();
    void task.run(SC.running, async ({ progress }) => {
      const r = await runSelfCheckFlow(host, locale, {
        signal: signal.current,
        onProgress: (p) => progress({ done: p.done, total: p.total }, p.step),
      });
      setReport(r);
      return [];
    });
  };

  const cancel = () => {
    signal.current.cancelled = true;
    setCancelling(true);
  };

  const copy = async () => {
    if (!report) return;
    const body = reportText(report, locale);
    try {
      await navigator.clipboard.writeText(body);
      saving.clear();
      saving.show({ intent: "success", body: SC.copied });
    } catch {
      // Office's webviews may refuse the clipboard: select the text for Ctrl+C instead.
      textRef.current?.focus();
      textRef.current?.select();
      saving.clear();
      saving.show({ intent: "info", body: SC.copyBlocked });
    }
  };

  const save = () => {
    const excel = host.selfCheck;
    if (!report || !excel) return;
    void saving.run(SC.saving, async () => {
      const sheet = await excel.saveReport(t(SC.reportSheet), reportRows(report, locale));
      return { intent: "success", body: formatText(SC.saved, { sheet }) };
    });
  };

  return (
    <section className={styles.root} aria-labelledby="self-check-title" data-testid="self-check">
      <FluentText id="self-check-title" weight="semibold" size={400}>
        {t(SC.title)}
      </FluentText>
      <FluentText size={200} className={styles.intro}>
        {t(SC.intro)}
      </FluentText>
      {!host.selfCheck ? (
        <MessageBar intent="info" layout="multiline" data-testid="self-check-needs-excel">
          <MessageBarBody>{t(SC.needsExcel)}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions}>
          <GenerateButton
            running={task.running}
            runningLabel={t(cancelling ? SC.cancelling : SC.running)}
            icon={<ShieldTaskRegular />}
            onClick={run}
            data-testid="self-check-run"
          >
            {t(SC.run)}
          </GenerateButton>
          {task.running && (
            <Button icon={<DismissRegular />} disabled={cancelling} onClick={cancel} data-testid="self-check-cancel">
              {t(SC.cancel)}
            </Button>
          )}
        </div>
      )}
      <TaskStatus task={task} />
      {report && <ReportView report={report} />}
      {report && (
        <>
          <div className={styles.actions}>
            <Button icon={<CopyRegular />} onClick={() => void copy()} data-testid="self-check-copy">
              {t(SC.copy)}
            </Button>
            <GenerateButton
              appearance="secondary"
              running={saving.running}
              runningLabel={t(SC.saving)}
              icon={<SaveRegular />}
              onClick={save}
              data-testid="self-check-save"
            >
              {t(SC.save)}
            </GenerateButton>
          </div>
          <TaskStatus task={saving} />
          <Field label={t(SC.reportText)} size="small">
            <Textarea
              ref={textRef}
              readOnly
              resize="vertical"
              rows={6}
              value={reportText(report, locale)}
              textarea={{ className: styles.report }}
              data-testid="self-check-text"
            />
          </Field>
          <FluentText size={200} data-testid="self-check-send">
            {SUPPORT_URL === null ? (
              t(SC.sendToInstaller)
            ) : (
              <>
                {t(SC.sendTo)}{" "}
                <Link href={SUPPORT_URL} target="_blank" rel="noreferrer">
                  {SUPPORT_URL.replace(/^mailto:/, "")}
                </Link>
              </>
            )}
          </FluentText>
        </>
      )}
    </section>
  );
}

function ReportView(props: { report: SelfCheckReport }) {
  const { report } = props;
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  const functionsWrong =
    report.functions.status === "checked" ? report.functions.results.filter((r) => !r.ok).length : 0;
  const intent = report.cancelled || report.failure ? "warning" : report.ok ? "success" : "error";
  return (
    <>
      <MessageBar intent={intent} layout="multiline" data-testid="self-check-headline">
        <MessageBarBody>
          <MessageBarTitle>{t(SC.title)}</MessageBarTitle>
          {reportHeadline(report, locale)}
        </MessageBarBody>
      </MessageBar>
      <FluentText size={200} weight="semibold">
        {t(SC.summaryTitle)}
      </FluentText>
      <div className={styles.tableWrap}>
        <Table size="extra-small" className={styles.autoTable} aria-label={t(SC.summaryTitle)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(SC.colKind)}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t(SC.colSheets)}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t(SC.colCells)}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t(SC.colMismatches)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.kinds.map((k) => (
              <TableRow key={k.kind} data-self-check-kind={k.kind}>
                <TableCell>{t(k.label)}</TableCell>
                <TableCell className={styles.num}>{k.sheets}</TableCell>
                <TableCell className={styles.num}>{k.compared}</TableCell>
                <TableCell className={mergeClasses(styles.num, k.mismatches > 0 && styles.bad)}>
                  {k.mismatches}
                </TableCell>
              </TableRow>
            ))}
            <TableRow data-self-check-kind="functions">
              <TableCell>{t(SC.functionsTitle)}</TableCell>
              <TableCell className={styles.num}>1</TableCell>
              <TableCell className={styles.num}>
                {report.functions.status === "unavailable" ? "—" : report.functions.results.length}
              </TableCell>
              <TableCell className={mergeClasses(styles.num, functionsWrong > 0 && styles.bad)}>
                {report.functions.status === "checked" ? functionsWrong : "—"}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </div>
      {report.functions.status === "notRegistered" && (
        <FluentText size={200} data-testid="self-check-functions-note">
          {t(SC.functionsNotRegistered)}
        </FluentText>
      )}
      {report.functions.status === "unavailable" && (
        <FluentText size={200} data-testid="self-check-functions-note">
          {t(report.functions.reason)}
        </FluentText>
      )}
      {report.mismatches.length > 0 && (
        <>
          <FluentText size={200} weight="semibold">
            {t(SC.mismatchesTitle, { n: report.mismatches.length })}
          </FluentText>
          <div className={styles.tableWrap}>
            <Table size="extra-small" className={styles.autoTable} data-testid="self-check-mismatches">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(SC.colCell)}</TableHeaderCell>
                  <TableHeaderCell>{t(SC.excel)}</TableHeaderCell>
                  <TableHeaderCell>{t(SC.ours)}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.mismatches.slice(0, MISMATCHES_SHOWN).map((m, i) => (
                  <TableRow key={i} data-mismatch={`${m.sheet}!${m.address}`}>
                    <TableCell>
                      <div>
                        {m.sheet}!{m.address}
                      </div>
                      <div className={styles.mono}>{m.formula}</div>
                    </TableCell>
                    <TableCell className={styles.bad}>{showComputed(m.excel)}</TableCell>
                    <TableCell>{m.ours === undefined ? "—" : showComputed(m.ours)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {report.mismatches.length > MISMATCHES_SHOWN && (
            <FluentText size={200}>
              {t(SC.mismatchesMore, { n: report.mismatches.length - MISMATCHES_SHOWN })}
            </FluentText>
          )}
        </>
      )}
    </>
  );
}
