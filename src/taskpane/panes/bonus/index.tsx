import { MoneyRegular } from "@fluentui/react-icons";
import { lazy } from "react";
import type { PaneDefinition } from "../types";
import { B } from "./strings";

export const bonusPane: PaneDefinition = {
  id: "bonus",
  title: B.tab,
  icon: <MoneyRegular />,
  // Loaded when the tab is first opened: mathjs, the engine and the sheet generator stay out of the first paint.
  component: lazy(() => import("./BonusPane").then((m) => ({ default: m.BonusPane }))),
};
