import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import type { PaneDefinition } from "../types";
import { Audit6sPane } from "./Audit6sPane";
import { S6 } from "./strings";

export const audit6sPane: PaneDefinition = {
  id: "audit6s",
  title: S6.tab,
  icon: <ClipboardTaskListLtrRegular />,
  component: Audit6sPane,
};
