import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import { lazy } from "react";
import type { PaneDefinition } from "../types";
import { S6 } from "./strings";

export const audit6sPane: PaneDefinition = {
  id: "audit6s",
  title: S6.tab,
  icon: <ClipboardTaskListLtrRegular />,
  // Loaded when the tab is first opened: the 6S generators stay out of the first paint.
  component: lazy(() => import("./Audit6sPane").then((m) => ({ default: m.Audit6sPane }))),
};
