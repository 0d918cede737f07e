import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { BrowserHost, type BrowserWorkbookState } from "./BrowserHost";
import type { WorkbookHost } from "./types";

const HostContext = createContext<WorkbookHost | null>(null);

export function HostProvider(props: { host: WorkbookHost; children: ReactNode }) {
  return <HostContext.Provider value={props.host}>{props.children}</HostContext.Provider>;
}

/** The workbook host of the pane (Excel or browser mode). Must be used under <HostProvider>. */
export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost used outside <HostProvider>");
  return host;
}

/** The browser-mode host, or null inside Excel (for browser-only UI: open file, download again). */
export function useBrowserHost(): BrowserHost | null {
  const host = useHost();
  return host instanceof BrowserHost ? host : null;
}

const NO_BROWSER_STATE: BrowserWorkbookState = { openedFile: null, sheetNames: [], lastDownload: null };
const noSubscription = () => () => undefined;

/** The browser-mode workbook's state, re-rendering on change; an empty state inside Excel. */
export function useBrowserWorkbook(): BrowserWorkbookState {
  const browser = useBrowserHost();
  return useSyncExternalStore(
    browser ? browser.subscribe : noSubscription,
    browser ? browser.getState : () => NO_BROWSER_STATE,
  );
}

/**
 * A number that grows each time the host changed the workbook (a write; in browser mode also
 * opening or closing a file). Put it in an effect's dependencies to re-read after changes.
 */
export function useWorkbookVersion(): number {
  const host = useHost();
  const [version, setVersion] = useState(0);
  useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  return version;
}
