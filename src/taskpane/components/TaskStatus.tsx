import { makeStyles, tokens } from "@fluentui/react-components";
import { MessageArea } from "./MessageArea";
import { ProgressArea } from "./ProgressArea";
import type { Task } from "./useTask";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Progress while the task runs, then its messages. Place it next to the pane's GenerateButton. */
export function TaskStatus(props: { task: Task }) {
  const { task } = props;
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <ProgressArea progress={task.progress} />
      <MessageArea messages={task.messages} onDismiss={task.dismiss} />
    </div>
  );
}
