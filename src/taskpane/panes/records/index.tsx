import { NotebookRegular } from "@fluentui/react-icons";
import { lazy } from "react";
import type { PaneDefinition } from "../types";
import { R } from "./strings";

export const recordsPane: PaneDefinition = {
  id: "records",
  title: R.tab,
  icon: <NotebookRegular />,
  // Loaded when the tab is first opened: the record generators stay out of the first paint.
  component: lazy(() => import("./RecordsPane").then((m) => ({ default: m.RecordsPane }))),
};
