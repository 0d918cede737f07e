import { Field, Input, makeStyles, mergeClasses, type FieldProps, type InputProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Let the field shrink to its grid cell in a narrow pane instead of overflowing it: the
  // input's intrinsic width (about 20 characters) must not set the minimum.
  // In a two-column grid the label row takes any spare height, so inputs line up even when one
  // label wraps to two lines (common in English).
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)", gridTemplateRows: "1fr auto auto auto" },
  label: { alignSelf: "end" },
  input: { width: "100%", minWidth: 0 },
});

/**
 * A labelled text input (Fluent Field + Input). `error` shows under the field and marks it
 * invalid for screen readers; `hint` explains the expected value. Read-only inputs get a filled
 * look, since Fluent draws them like editable ones.
 */
export function LabeledInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: FieldProps["hint"];
  readOnly?: boolean;
  inputMode?: InputProps["inputMode"];
  contentAfter?: InputProps["contentAfter"];
  className?: string;
  inputClassName?: string;
  "data-field"?: string;
}) {
  const { label, value, onChange, error, hint, readOnly, inputMode, contentAfter, className, inputClassName } = props;
  const styles = useStyles();
  return (
    <Field
      label={{ children: label, className: styles.label }}
      size="small"
      className={mergeClasses(styles.field, className)}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error ?? undefined}
    >
      <Input
        size="small"
        value={value}
        readOnly={readOnly}
        appearance={readOnly ? "filled-darker" : "outline"}
        inputMode={inputMode}
        contentAfter={contentAfter}
        className={mergeClasses(styles.input, inputClassName)}
        data-field={props["data-field"]}
        onChange={(_e, data) => onChange(data.value)}
      />
    </Field>
  );
}
