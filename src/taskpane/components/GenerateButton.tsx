import { Button, Spinner, type ButtonProps } from "@fluentui/react-components";
import type { ReactNode } from "react";

/**
 * The primary action of a pane. While `running` it shows a spinner and `runningLabel`, and is
 * disabled but stays focusable (so keyboard focus is not lost mid-job and screen readers hear
 * that it is busy).
 */
export function GenerateButton(props: {
  running: boolean;
  runningLabel: ReactNode;
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  icon?: ButtonProps["icon"];
  appearance?: ButtonProps["appearance"];
  className?: string;
  "data-testid"?: string;
}) {
  const { running, runningLabel, children, onClick, disabled, icon, appearance, className } = props;
  return (
    <Button
      appearance={appearance ?? "primary"}
      className={className}
      data-testid={props["data-testid"]}
      disabledFocusable={running || disabled}
      aria-busy={running || undefined}
      icon={running ? <Spinner size="tiny" /> : icon}
      onClick={onClick}
    >
      {running ? runningLabel : children}
    </Button>
  );
}
