import { DataBarVerticalRegular } from "@fluentui/react-icons";
import type { PaneDefinition } from "../types";
import { KpiPane } from "./KpiPane";
import { K } from "./strings";

export const kpiPane: PaneDefinition = {
  id: "kpi",
  title: K.tab,
  icon: <DataBarVerticalRegular />,
  component: KpiPane,
};
