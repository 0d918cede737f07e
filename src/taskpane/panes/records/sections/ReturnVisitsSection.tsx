/**
 * 回访与满意度调查 section of the Records pane: `<ReturnVisitsSection />`. The orders to visit come
 * from nowhere (a survey typed by hand), the bundled sample orders, or the work orders the user
 * selects in Excel (returnVisitsSelection.ts: read as the KPI pane reads them, drawn as the
 * `return-visits` command draws).
 */
import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { dateToSerial } from "../../../../core/dates";
import type { Text } from "../../../../core/i18n/text";
import { seedFromClock } from "../../../../sheets/records/returnVisits";
import { useTask } from "../../../components";
import { useHost } from "../../../host";
import { useLocale, useT } from "../../../i18n/useT";
import { generateSheets } from "../../generateSheets";
import type { RecordSection as RecordSectionEntry } from "../types";
import {
  GenerateFooter,
  SelectionReader,
  StationAndBlankRows,
  recordSectionEntry,
  useRecordStyles,
} from "./RecordSection";
import { validateRecordForm, type RecordFormErrors } from "./recordForm";
import { RETURN_VISITS_SECTION } from "./returnVisitsSection";
import {
  RV_SELECTION,
  checkSelection,
  fieldsAfterRead,
  readMessage,
  readVisitOrders,
  selectionGeneration,
  type SelectionErrors,
  type SelectionFields,
  type VisitOrders,
} from "./returnVisitsSelection";

const useStyles = makeStyles({
  three: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
  },
});

type Source = "blank" | "selection" | "sample";

export function ReturnVisitsSection() {
  const spec = RETURN_VISITS_SECTION;
  const s = spec.strings;
  const r = RV_SELECTION;
  const t = useT();
  const { locale } = useLocale();
  const host = useHost();
  const task = useTask();
  const styles = { ...useRecordStyles(), ...useStyles() };
  const [source, setSource] = useState<Source>("blank");
  const [station, setStation] = useState("");
  const [blankRows, setBlankRows] = useState(String(spec.defaultBlankRows));
  const [read, setRead] = useState<VisitOrders | null>(null);
  const [fields, setFields] = useState<SelectionFields>(() => ({ month: "", seed: "", share: "" }));
  const [errors, setErrors] = useState<RecordFormErrors & SelectionErrors>({});

  const today = (): number => {
    const d = dateToSerial(new Date(), "local");
    return d.ok ? Math.floor(d.value) : 0;
  };

  const readSelection = () => {
    void task.run(r.reading, async ({ rowsRead }) => {
      const got = readVisitOrders(await host.readSelection(rowsRead));
      if (!got.ok) {
        // Never draw from an earlier selection once a new one could not be read.
        setRead(null);
        return { intent: "error", body: got.problem.message };
      }
      setRead(got.value);
      // A fresh seed for a first read; a seed already shown (perhaps typed) is kept.
      setFields(fieldsAfterRead(got.value, fields.seed.trim() || String(seedFromClock(new Date()))));
      setErrors({});
      return { intent: got.value.problems.length > 0 ? "warning" : "info", body: readMessage(got.value) };
    });
  };

  const generate = () => {
    const form = validateRecordForm({ station, blankRows, sample: source === "sample" }, locale, today());
    if (source !== "selection") {
      setErrors(form.errors);
      if (!form.options) return;
      const options = form.options;
      void task.run(s.generating, ({ progress }) =>
        generateSheets(host, locale, spec.generation(options, host), progress),
      );
      return;
    }
    const checked = checkSelection(read, fields);
    const found = { ...form.errors, ...checked.errors };
    setErrors(found);
    if (!form.options || !checked.value) {
      task.clear();
      const list = Object.values(found) as Text[];
      task.show({
        intent: "error",
        title: r.fixFirst,
        body: { zh: list.map((e) => e.zh).join("；"), en: list.map((e) => e.en).join("; ") },
      });
      return;
    }
    const draw = checked.value;
    const o = form.options;
    void task.run(s.generating, ({ progress }) =>
      generateSheets(
        host,
        locale,
        selectionGeneration(draw, { station: o.station, blankRows: o.blankRows, locale }),
        progress,
      ),
    );
  };

  const field = (key: keyof SelectionFields, label: Text, hint?: Text) => (
    <Field
      label={t(label)}
      hint={hint ? t(hint) : undefined}
      size="small"
      validationState={errors[key] ? "error" : "none"}
      validationMessage={errors[key] ? t(errors[key]) : undefined}
    >
      <Input
        size="small"
        value={fields[key]}
        className={styles.fill}
        data-field={key}
        onChange={(_e, d) => setFields({ ...fields, [key]: d.value })}
      />
    </Field>
  );

  return (
    <section className={styles.root} aria-label={t(s.title)} data-section={spec.id}>
      <Field label={t(r.source)} size="small" validationMessage={errors.source ? t(errors.source) : undefined}>
        <RadioGroup value={source} onChange={(_e, d) => setSource(d.value as Source)} data-field="source">
          <Radio value="blank" label={t(r.sourceBlank)} data-field="blank" />
          <Radio value="selection" label={t(r.sourceSelection)} data-field="selection" />
          <Radio value="sample" label={t(s.sample)} data-field="sample" />
        </RadioGroup>
      </Field>
      {source === "selection" && (
        <>
          <SelectionReader id={spec.id} label={r.readSelection} address={read?.address} onRead={readSelection} />
          {read && (
            <div className={styles.three}>
              {field("month", r.month, r.monthHint)}
              {field("seed", r.seed, r.seedHint)}
              {field("share", r.share)}
            </div>
          )}
        </>
      )}
      <StationAndBlankRows
        strings={s}
        station={station}
        blankRows={blankRows}
        errors={errors}
        onStation={setStation}
        onBlankRows={setBlankRows}
      />
      <GenerateFooter id={spec.id} strings={s} task={task} onClick={generate} />
    </section>
  );
}

/** Its entry in the Records pane (RECORD_SECTIONS). */
export const returnVisitsSectionEntry: RecordSectionEntry = recordSectionEntry(
  "return-visits",
  RETURN_VISITS_SECTION,
  ReturnVisitsSection,
);
