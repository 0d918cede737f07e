/**
 * The form every record section shows (station, blank rows, sample records) and its generate
 * button; a section (PartsLedgerSection …) gives its words and its generation. The Records pane
 * (RecordsPane.tsx) shows the section's title and summary above it, so the form does not repeat them.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text as FluentText,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableAddRegular, TableSearchRegular } from "@fluentui/react-icons";
import { useState, type ComponentType } from "react";
import { dateToSerial } from "../../../../core/dates";
import type { Locale, Text } from "../../../../core/i18n/text";
import { GenerateButton, TaskStatus, useTask, type PaneMessageInput } from "../../../components";
import type { SheetPlan, WriteReport } from "../../../../sheets/plan";
import { useHost } from "../../../host";
import { formatText } from "../../../i18n/format";
import { useLocale, useT } from "../../../i18n/useT";
import { generateSheets, type Generation } from "../../generateSheets";
import {
  initialRecordForm,
  validateRecordForm,
  type RecordForm,
  type RecordFormErrors,
  type RecordSectionSpec,
  type RecordSectionStrings,
} from "./recordForm";
import type { RecordSection as RecordSectionEntry } from "../types";
import type { LogErrors, LogForm, LogSource } from "./recordForm";

/** The record forms' layout (shared with ReturnVisitsSection). */
export const useRecordStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
  },
  fill: { minWidth: 0, width: "100%", maxWidth: "100%" },
  even: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
  },
  narrow: { maxWidth: "50%" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function RecordSection<T>(props: { spec: RecordSectionSpec<T> }) {
  const { spec } = props;
  const s = spec.strings;
  const t = useT();
  const { locale } = useLocale();
  const host = useHost();
  const task = useTask();
  const styles = useRecordStyles();
  const [form, setForm] = useState<RecordForm>(() => initialRecordForm(spec.defaultBlankRows));
  const [errors, setErrors] = useState<RecordFormErrors>({});

  const today = (): number => {
    const d = dateToSerial(new Date(), "local");
    return d.ok ? Math.floor(d.value) : 0;
  };

  const change = (next: RecordForm) => {
    setForm(next);
    if (errors.station || errors.blankRows) setErrors(validateRecordForm(next, locale, today()).errors);
  };

  const generate = () => {
    const { options, errors: found } = validateRecordForm(form, locale, today());
    setErrors(found);
    if (!options) return;
    void task.run(s.generating, ({ progress }) =>
      generateSheets(host, locale, spec.generation(options, host), progress),
    );
  };

  return (
    <section className={styles.root} aria-label={t(s.title)} data-section={spec.id}>
      <StationAndBlankRows
        strings={s}
        station={form.station}
        blankRows={form.blankRows}
        errors={errors}
        onStation={(station) => change({ ...form, station })}
        onBlankRows={(blankRows) => change({ ...form, blankRows })}
      />
      <Checkbox
        label={t(s.sample)}
        checked={form.sample}
        data-field="sample"
        onChange={(_e, d) => change({ ...form, sample: d.checked === true })}
      />
      <GenerateFooter id={spec.id} strings={s} task={task} onClick={generate} />
    </section>
  );
}

/** The station and blank-rows fields a record form starts with (RecordSection, ReturnVisitsSection). */
export function StationAndBlankRows(props: {
  strings: Pick<RecordSectionStrings, "station" | "stationHint" | "blankRows">;
  station: string;
  blankRows: string;
  errors: RecordFormErrors;
  onStation: (value: string) => void;
  onBlankRows: (value: string) => void;
}) {
  const { strings: s, errors } = props;
  const t = useT();
  const styles = useRecordStyles();
  return (
    <div className={styles.pair}>
      <Field
        label={t(s.station)}
        hint={t(s.stationHint)}
        size="small"
        validationState={errors.station ? "error" : "none"}
        validationMessage={errors.station ? t(errors.station) : undefined}
      >
        <Input
          size="small"
          value={props.station}
          className={styles.fill}
          data-field="station"
          onChange={(_e, d) => props.onStation(d.value)}
        />
      </Field>
      <Field
        label={t(s.blankRows)}
        size="small"
        validationState={errors.blankRows ? "error" : "none"}
        validationMessage={errors.blankRows ? t(errors.blankRows) : undefined}
      >
        <Input
          size="small"
          inputMode="numeric"
          value={props.blankRows}
          className={styles.fill}
          data-field="blank-rows"
          onChange={(_e, d) => props.onBlankRows(d.value)}
        />
      </Field>
    </div>
  );
}

/**
 * What a log section says after writing: `generated` with the sheet's name (as written) and the
 * log's counts, the plan's notes (problems reading the input) as warnings, then the settings notes.
 */
export function logMessages(
  generated: Text,
  counts: Readonly<Record<string, number>>,
  plan: SheetPlan,
  report: WriteReport,
  settingsNotes: readonly PaneMessageInput[],
): PaneMessageInput[] {
  const sheet = report.sheets[report.sheets.length - 1]?.actual ?? plan.name;
  return [
    { intent: "success", body: formatText(generated, { sheet, ...counts }) },
    ...(plan.notes ?? []).map((note) => ({ intent: "warning" as const, body: note })),
    ...settingsNotes,
  ];
}

/** A section's Generate button and its task's messages. */
/** "Read the selection", and the address read once there is one. */
export function SelectionReader(props: {
  readonly id: string;
  readonly label: Text;
  readonly address: string | undefined;
  readonly onRead: () => void;
}) {
  const t = useT();
  const styles = useRecordStyles();
  return (
    <div>
      <Button
        size="small"
        icon={<TableSearchRegular />}
        onClick={props.onRead}
        data-testid={`${props.id}-read-selection`}
      >
        {t(props.label)}
      </Button>
      {props.address !== undefined && (
        <FluentText size={200} className={styles.hint} data-testid={`${props.id}-selection`}>
          {" "}
          {props.address}
        </FluentText>
      )}
    </div>
  );
}

export function GenerateFooter(props: {
  id: string;
  strings: { readonly generate: Text; readonly generating: Text };
  task: ReturnType<typeof useTask>;
  onClick: () => void;
}) {
  const t = useT();
  const { id, strings, task, onClick } = props;
  return (
    <>
      <div>
        <GenerateButton
          running={task.running}
          runningLabel={t(strings.generating)}
          icon={<TableAddRegular />}
          onClick={onClick}
          data-testid={`${id}-generate`}
        >
          {t(strings.generate)}
        </GenerateButton>
      </div>
      <TaskStatus task={task} />
    </>
  );
}

/** The Records pane's entry (RECORD_SECTIONS) for a section built on this form. */
export function recordSectionEntry<T>(
  id: string,
  spec: RecordSectionSpec<T>,
  component: ComponentType,
): RecordSectionEntry {
  return { id, title: spec.strings.title, summary: spec.strings.intro, component };
}

// ── The logs (来电来函, 违规与黄红牌): contents from nothing, the selection or the example ──────

/** What a log section shows and does; its form is checked by `check` (a pure model, tested in Node). */
export interface LogSectionSpec<F extends LogForm, V, B> {
  /** The test-id prefix ("call-log"). */
  readonly id: string;
  readonly strings: {
    readonly source: Text;
    readonly sourceBlank: Text;
    readonly sourceSelection: Text;
    readonly sourceSample: Text;
    readonly readSelection: Text;
    readonly reading: Text;
    readonly selectionRead: Text;
    readonly asOf?: Text;
    readonly asOfHint?: Text;
    readonly blankRows: Text;
    readonly blankRowsHint: Text;
    readonly generate: Text;
    readonly generating: Text;
    readonly fixFirst: Text;
  };
  readonly initial: () => F;
  readonly check: (form: F) => { value: V | null; errors: LogErrors };
  /** How many entries a checked form holds (the message after reading the selection). */
  readonly count: (value: V) => number;
  readonly generation: (value: V, locale: Locale) => Generation<B>;
}

/** A log section: contents (empty, the selection in Excel, or the example), as-of when the log has one, blank rows. */
export function LogSection<F extends LogForm, V, B>(props: { spec: LogSectionSpec<F, V, B> }) {
  const { spec } = props;
  const s = spec.strings;
  const t = useT();
  const { locale } = useLocale();
  const styles = useRecordStyles();
  const host = useHost();
  const task = useTask();
  const [form, setForm] = useState<F>(spec.initial);
  const [errors, setErrors] = useState<LogErrors>({});
  const change = (next: F) => {
    setForm(next);
    if (Object.keys(errors).length > 0) setErrors(spec.check(next).errors);
  };

  const readSelection = () => {
    void task.run(s.reading, async () => {
      const range = await host.readSelection();
      const next: F = {
        ...form,
        selection: { address: `${range.sheetName}!${range.address}`, firstRow: range.firstRow, rows: range.values },
      };
      change(next);
      const checked = spec.check(next);
      return {
        intent: checked.errors.source ? "error" : "info",
        body:
          checked.errors.source ??
          formatText(s.selectionRead, {
            address: next.selection!.address,
            n: checked.value ? spec.count(checked.value) : 0,
          }),
      };
    });
  };

  const generate = () => {
    const checked = spec.check(form);
    setErrors(checked.errors);
    const value = checked.value;
    if (!value) {
      task.clear();
      const list = Object.values(checked.errors) as Text[];
      task.show({
        intent: "error",
        title: s.fixFirst,
        body: { zh: list.map((e) => e.zh).join("；"), en: list.map((e) => e.en).join("; ") },
      });
      return;
    }
    void task.run(s.generating, ({ progress }) =>
      generateSheets(host, locale, spec.generation(value, locale), progress),
    );
  };

  const blankRows = (
    <Field
      label={t(s.blankRows)}
      hint={t(s.blankRowsHint)}
      size="small"
      className={s.asOf ? undefined : styles.narrow}
      validationMessage={errors.blankRows ? t(errors.blankRows) : undefined}
    >
      <Input
        value={form.blankRows}
        inputMode="numeric"
        onChange={(_, d) => change({ ...form, blankRows: d.value })}
        data-testid={`${spec.id}-blank-rows`}
      />
    </Field>
  );
  return (
    <div className={styles.root} data-testid={`${spec.id}-section`}>
      <Field label={t(s.source)} size="small" validationMessage={errors.source ? t(errors.source) : undefined}>
        <RadioGroup
          value={form.source}
          onChange={(_, d) => change({ ...form, source: d.value as LogSource })}
          data-testid={`${spec.id}-source`}
        >
          <Radio value="blank" label={t(s.sourceBlank)} />
          <Radio value="selection" label={t(s.sourceSelection)} />
          <Radio value="sample" label={t(s.sourceSample)} />
        </RadioGroup>
      </Field>
      {form.source === "selection" && (
        <SelectionReader
          id={spec.id}
          label={s.readSelection}
          address={form.selection?.address}
          onRead={readSelection}
        />
      )}
      {s.asOf && form.asOf !== undefined ? (
        <div className={styles.even}>
          <Field
            label={t(s.asOf)}
            hint={s.asOfHint ? t(s.asOfHint) : undefined}
            size="small"
            validationMessage={errors.asOf ? t(errors.asOf) : undefined}
          >
            <Input
              value={form.asOf}
              onChange={(_, d) => change({ ...form, asOf: d.value })}
              data-testid={`${spec.id}-as-of`}
            />
          </Field>
          {blankRows}
        </div>
      ) : (
        blankRows
      )}
      <GenerateFooter id={spec.id} strings={s} task={task} onClick={generate} />
    </div>
  );
}
