/**
 * Where the pane runs. Inside Excel, `Office.onReady` resolves with host Excel; in a plain
 * browser with office.js served locally it resolves with host null; without office.js (or if
 * office.js never gets ready) there is no Office at all. Browser mode must never hang waiting.
 */

export type HostKind = "excel" | "browser";

export interface PaneEnvironment {
  readonly kind: HostKind;
  /** Office's display language ("zh-CN"…) in Excel, the browser's language otherwise. */
  readonly language: string | null;
  /** Office's theme in Excel: is the task pane background dark? null when unknown. */
  readonly officeDark: boolean | null;
}

/** The parts of the Office global we use, so tests can pass a fake. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
  readonly HostType?: { readonly Excel?: unknown };
  readonly context?: {
    readonly displayLanguage?: string;
    readonly officeTheme?: { readonly bodyBackgroundColor?: string } | null;
  };
}

/**
 * Is a "#RRGGBB" / "RRGGBB" colour dark (relative luminance below one half)? Office reports
 * its theme's body background this way; anything unreadable counts as not dark.
 */
export function isDarkColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * Waits for Office (at most `timeoutMs`) and says where we are. `office` is the Office global
 * or undefined when office.js is not loaded; `browserLanguage` is navigator.language.
 * `onLateExcel` is called if Office becomes ready as Excel only after the timeout gave up
 * (a slow Excel on the web), so the caller can switch from browser mode to Excel.
 */
export async function detectEnvironment(options: {
  office: OfficeLike | undefined;
  browserLanguage: string | null;
  timeoutMs: number;
  onLateExcel?: (env: PaneEnvironment) => void;
}): Promise<PaneEnvironment> {
  const { office, browserLanguage, timeoutMs, onLateExcel } = options;
  const browser: PaneEnvironment = { kind: "browser", language: browserLanguage, officeDark: null };
  if (!office || typeof office.onReady !== "function") return browser;

  const toEnvironment = (info: { host: unknown }): PaneEnvironment => {
    const excelHost = office.HostType?.Excel ?? "Excel";
    if (info.host !== excelHost || info.host == null) return browser;
    const theme = office.context?.officeTheme;
    return {
      kind: "excel",
      language: office.context?.displayLanguage ?? browserLanguage,
      officeDark: theme?.bodyBackgroundColor ? isDarkColor(theme.bodyBackgroundColor) : null,
    };
  };

  let gaveUp = false;
  let onReady: Promise<{ host: unknown }>;
  try {
    onReady = office.onReady();
  } catch {
    return browser;
  }
  const ready = onReady.then(
    (info) => {
      const env = toEnvironment(info);
      if (gaveUp && env.kind === "excel") onLateExcel?.(env);
      return env;
    },
    () => browser,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const first = await Promise.race([ready, timedOut]);
  clearTimeout(timer);
  if (first === "timeout") {
    gaveUp = true;
    return browser;
  }
  return first;
}
