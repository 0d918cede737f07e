import { useCallback, useEffect, useState } from "react";
import { readWorkbookSettings } from "../../../sheets/settings";
import { useHost, useWorkbookVersion } from "../../host/HostContext";
import type { WorkbookSettingsState } from "./workbookSettings";

export type { WorkbookSettingsState } from "./workbookSettings";

/**
 * Reads the workbook's settings and re-reads after every change the host makes (a write, a file
 * opened in browser mode) and on `reload()`.
 */
export function useWorkbookSettings(): { state: WorkbookSettingsState; reload: () => void } {
  const host = useHost();
  const version = useWorkbookVersion();
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<WorkbookSettingsState>({ status: "loading" });

  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    readWorkbookSettings(host).then(
      ({ state: next }) => current && setState(next),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [host, version, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { state, reload };
}
