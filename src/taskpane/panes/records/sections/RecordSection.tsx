/**
 * The form every record section shows (station, blank rows, sample records) and its generate
 * button; a section (PartsLedgerSection …) gives its words and its generation. Self-contained:
 * the Records pane lists sections and mounts them, nothing else.
 */
import { Checkbox, Field, Input, Text as FluentText, makeStyles, tokens } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useState } from "react";
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

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
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
    <section className={styles.root} aria-labelledby={`${spec.id}-title`} data-section={spec.id}>
      <FluentText as="h2" id={`${spec.id}-title`} weight="semibold" size={400}>
        {t(s.title)}
      </FluentText>
      <FluentText size={200} className={styles.hint}>
        {t(s.intro)}
      </FluentText>
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
