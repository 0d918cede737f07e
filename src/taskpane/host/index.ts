export type { WorkbookHost, WriteProgress } from "./types";
export { HostProblemError, problemFromError, problemLocation } from "./errors";
export {
  BrowserHost,
  loadXlsxEngine,
  type BrowserWorkbookState,
  type XlsxEngine,
  type BrowserHostOptions,
} from "./BrowserHost";
export { ExcelHost, type ExcelRunner } from "./ExcelHost";
export { createHost } from "./createHost";
export { HostProvider, useHost, useBrowserHost, useBrowserWorkbook, useWorkbookVersion } from "./HostContext";
export { downloadFileName } from "./download";
