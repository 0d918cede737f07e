import type { ComponentType, LazyExoticComponent, ReactElement } from "react";
import type { Text } from "../../core/i18n/text";

/**
 * One pane of the task pane (one job: 考核表, 6S, KPI, 奖金, 设置). The shell shows a tab per
 * registered pane, in registry order, and mounts the component when the tab is first opened
 * (then keeps it mounted, so typed input and running jobs survive switching tabs).
 */
export interface PaneDefinition {
  /** Stable id: tab value, DOM ids, tests (`[data-pane="settings"]`). Letters, digits, "-". */
  readonly id: string;
  /** Tab label in both languages. */
  readonly title: Text;
  /** A Fluent icon element, e.g. `<SettingsRegular />`. */
  readonly icon: ReactElement;
  /**
   * The pane itself. May be `lazy(() => import("./MyPane").then((m) => ({ default: m.MyPane })))`
   * so its generators load when the tab is first opened; the shell shows a spinner meanwhile.
   */
  readonly component: ComponentType | LazyExoticComponent<ComponentType>;
}
