import { DataBarVerticalRegular } from "@fluentui/react-icons";
import { lazy } from "react";
import type { PaneDefinition } from "../types";
import { K } from "./strings";

export const kpiPane: PaneDefinition = {
  id: "kpi",
  title: K.tab,
  icon: <DataBarVerticalRegular />,
  // Loaded when the tab is first opened: the engine and the sheet generators stay out of the first paint.
  component: lazy(() => import("./KpiPane").then((m) => ({ default: m.KpiPane }))),
};
