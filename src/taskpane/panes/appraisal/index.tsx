import { PeopleTeamRegular } from "@fluentui/react-icons";
import { lazy } from "react";
import type { PaneDefinition } from "../types";
import { A } from "./strings";

export const appraisalPane: PaneDefinition = {
  id: "appraisal",
  title: A.tab,
  icon: <PeopleTeamRegular />,
  // Loaded when the tab is first opened, so the generators stay out of the first paint.
  component: lazy(() => import("./AppraisalPane").then((m) => ({ default: m.AppraisalPane }))),
};
