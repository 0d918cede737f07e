import { appraisalPane } from "./appraisal";
import { audit6sPane } from "./audit6s";
import { bonusPane } from "./bonus";
import { kpiPane } from "./kpi";
import { settingsPane } from "./settings";
import type { PaneDefinition } from "./types";

export type { PaneDefinition } from "./types";

/**
 * The panes, in tab order: 考核表 appraisal, 6S, KPI, 奖金 bonus, then 设置 settings last.
 * Adding a pane is one line here: import its definition from `./<pane>` and put it in the list.
 * Only panes that exist are registered (no placeholders).
 */
export const PANES: readonly PaneDefinition[] = [appraisalPane, audit6sPane, kpiPane, bonusPane, settingsPane];
