import { useCallback, useEffect, useState } from "react";
import { readWorkbookSettings } from "../../../sheets/settings";
import { useHost, useWorkbookVersion } from "../../host/HostContext";
import type { WorkbookSettingsState } from "./workbookSettings";

export type { WorkbookSettingsState } from "./workbookSettings";

const LOADING: WorkbookSettingsState = { status: "loading" };

/**
 * Reads the workbook's settings and re-reads after every change the host makes (a write, a file
 * opened in browser mode) and on `reload()`.
 */
export function useWorkbookSettings(): { state: WorkbookSettingsState; reload: () => void } {
  const host = useHost();
  const version = useWorkbookVersion();
  const [reloads, setReloads] = useState(0);
  // What was read, and for which request: until the answer for the current host, workbook
  // version and reload arrives, the state is "loading" (derived, not set inside the effect).
  const [read, setRead] = useState<{ request: readonly unknown[]; state: WorkbookSettingsState } | null>(null);

  useEffect(() => {
    let current = true;
    const request = [host, version, reloads];
    readWorkbookSettings(host).then(
      ({ state: next }) => current && setRead({ request, state: next }),
      (error: unknown) => current && setRead({ request, state: { status: "failed", error } }),
    );
    return () => {
      current = false;
    };
  }, [host, version, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const answered = read !== null && [host, version, reloads].every((x, i) => Object.is(x, read.request[i]));
  return { state: answered ? read.state : LOADING, reload };
}
