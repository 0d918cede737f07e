export { MessageArea } from "./MessageArea";
export { ProgressArea } from "./ProgressArea";
export { GenerateButton } from "./GenerateButton";
export { TaskStatus } from "./TaskStatus";
export { LabeledInput } from "./LabeledInput";
export { useTask, type Task, type JobContext, type JobResult } from "./useTask";
export {
  taskReducer,
  messageFromError,
  messageFromProblem,
  writeWarnings,
  hiddenRowsNote,
  IDLE,
  type PaneMessage,
  type PaneMessageInput,
  type MessageIntent,
  type TaskProgress,
  type TaskState,
} from "./task";
