import { Field, Input, type FieldProps, type InputProps } from "@fluentui/react-components";

/**
 * A labelled text input (Fluent Field + Input). `error` shows under the field and marks it
 * invalid for screen readers; `hint` explains the expected value.
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
  return (
    <Field
      label={label}
      size="small"
      className={className}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error ?? undefined}
    >
      <Input
        size="small"
        value={value}
        readOnly={readOnly}
        inputMode={inputMode}
        contentAfter={contentAfter}
        className={inputClassName}
        data-field={props["data-field"]}
        onChange={(_e, data) => onChange(data.value)}
      />
    </Field>
  );
}
