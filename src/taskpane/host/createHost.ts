import type { PaneEnvironment } from "../environment";
import { BrowserHost } from "./BrowserHost";
import { ExcelHost } from "./ExcelHost";
import type { WorkbookHost } from "./types";

/**
 * The host for where the pane runs: Excel when Office is ready in Excel and the Excel API is
 * there, browser mode otherwise (a plain browser, WPS, office.js that never got ready).
 */
export function createHost(env: PaneEnvironment, excelApiAvailable = typeof Excel !== "undefined"): WorkbookHost {
  return env.kind === "excel" && excelApiAvailable ? new ExcelHost() : new BrowserHost();
}
