/**
 * The form every record section shows (station, blank rows, sample records) and its generate
 * button; a section (PartsLedgerSection …) gives its words and its generation. The Records pane
 * (RecordsPane.tsx) shows the section's title and summary above it, so the form does not repeat them.
 */
import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useState, type ComponentType } from "react";
import { dateToSerial } from "../../../../core/dates";
import { GenerateButton, TaskStatus, useTask } from "../../../components";
import { useHost } from "../../../host";
import { useLocale, useT } from "../../../i18n/useT";
import { generateSheets } from "../../generateSheets";
import {
  initialRecordForm,
  validateRecordForm,
  type RecordForm,
  type RecordFormErrors,
  type RecordSectionSpec,
} from "./recordForm";
import type { RecordSection as RecordSectionEntry } from "../types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
  },
  fill: { minWidth: 0, width: "100%", maxWidth: "100%" },
});

export function RecordSection<T>(props: { spec: RecordSectionSpec<T> }) {
  const { spec } = props;
  const s = spec.strings;
  const t = useT();
  const { locale } = useLocale();
  const host = useHost();
  const task = useTask();
  const styles = useStyles();
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
    void task.run(s.generating, ({ progress }) => generateSheets(host, locale, spec.generation(options), progress));
  };

  return (
    <section className={styles.root} aria-label={t(s.title)} data-section={spec.id}>
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
            value={form.station}
            className={styles.fill}
            data-field="station"
            onChange={(_e, d) => change({ ...form, station: d.value })}
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
            value={form.blankRows}
            className={styles.fill}
            data-field="blank-rows"
            onChange={(_e, d) => change({ ...form, blankRows: d.value })}
          />
        </Field>
      </div>
      <Checkbox
        label={t(s.sample)}
        checked={form.sample}
        data-field="sample"
        onChange={(_e, d) => change({ ...form, sample: d.checked === true })}
      />
      <div>
        <GenerateButton
          running={task.running}
          runningLabel={t(s.generating)}
          icon={<TableAddRegular />}
          onClick={generate}
          data-testid={`${spec.id}-generate`}
        >
          {t(s.generate)}
        </GenerateButton>
      </div>
      <TaskStatus task={task} />
    </section>
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
