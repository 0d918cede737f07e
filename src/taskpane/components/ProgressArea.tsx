import { ProgressBar, Text as FluentText, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useT } from "../i18n";
import type { TaskProgress } from "./task";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  line: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
});

/**
 * Progress of long work: what is happening and, when known, "3 of 10 done" — or, for a large
 * range read or written in chunks, the rows read or written so far. The text sits in a
 * polite live region so screen readers hear it; the bar is indeterminate until counts arrive.
 */
export function ProgressArea(props: { progress: TaskProgress | null }) {
  const { progress } = props;
  const t = useT();
  const styles = useStyles();
  const labelId = useId();
  const determinate = progress?.done !== undefined && progress.total !== undefined;
  return (
    <div className={styles.root} aria-live="polite" role="status" data-testid="progress-area">
      {progress && (
        <>
          <div className={styles.line}>
            <FluentText id={labelId} size={200}>
              {t(progress.label)}
            </FluentText>
            {progress.rows ? (
              <FluentText size={200} data-testid="progress-rows">
                {t(progress.rows.kind === "read" ? "rowsReadCount" : "rowsWrittenCount", {
                  done: progress.rows.done.toLocaleString("en-US"),
                  total: progress.rows.total.toLocaleString("en-US"),
                })}
              </FluentText>
            ) : (
              determinate && (
                <FluentText size={200}>
                  {t("progressCount", { done: progress.done ?? 0, total: progress.total ?? 0 })}
                </FluentText>
              )
            )}
          </div>
          <ProgressBar
            aria-labelledby={labelId}
            value={determinate ? progress.done : undefined}
            max={determinate ? progress.total : undefined}
            thickness="large"
          />
        </>
      )}
    </div>
  );
}
