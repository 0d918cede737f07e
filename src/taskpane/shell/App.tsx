import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Text as FluentText,
  makeStyles,
  tokens,
  type SelectTabEventHandler,
} from "@fluentui/react-components";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { Locale } from "../../core/i18n/text";
import type { PaneEnvironment } from "../environment";
import { HostProvider, type WorkbookHost } from "../host";
import { browserStore, initialLocale, storeLocale } from "../i18n/locale";
import { LocaleProvider, translate, useT } from "../i18n/useT";
import { PANES, type PaneDefinition } from "../panes/registry";
import { BrowserModeBar } from "./BrowserModeBar";
import { PaneErrorBoundary } from "./ErrorBoundary";
import { LanguageSwitch } from "./LanguageSwitch";
import { initialPane, storePane } from "./paneChoice";
import { DARK_THEME, LIGHT_THEME, wantsDark } from "./theme";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  app: { display: "flex", flexDirection: "column", minHeight: "100vh" },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  nav: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Five panes do not fit one row of a 320 px pane (less so in English): tabs wrap, never scroll
  // sideways out of sight.
  tabs: { flexWrap: "wrap" },
  section: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
});

function useSystemPrefersDark(): boolean {
  const query = useMemo(
    () =>
      typeof window !== "undefined" && typeof window.matchMedia === "function"
        ? window.matchMedia("(prefers-color-scheme: dark)")
        : null,
    [],
  );
  const [dark, setDark] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query]);
  return dark;
}

/** Header, browser-mode bar, one tab per registered pane; panes stay mounted once opened. */
function Shell(props: { host: WorkbookHost; panes: readonly PaneDefinition[] }) {
  const { host, panes } = props;
  const t = useT();
  const styles = useStyles();
  const [selected, setSelected] = useState<string | null>(() =>
    initialPane(
      browserStore(),
      panes.map((p) => p.id),
    ),
  );
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(selected ? [selected] : []));

  const onTabSelect: SelectTabEventHandler = useCallback((_e, data) => {
    const id = String(data.value);
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
    storePane(browserStore(), id);
  }, []);

  return (
    <div className={styles.app} data-app-ready="true" data-host={host.kind}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <FluentText as="h1" weight="semibold" size={400} truncate wrap={false}>
            {t("appName")}
          </FluentText>
          <FluentText size={200} className={styles.subtitle}>
            {t("appSubtitle")}
          </FluentText>
        </div>
        <LanguageSwitch />
      </header>
      {host.kind === "browser" && (
        <div className={styles.section}>
          <BrowserModeBar />
        </div>
      )}
      <nav className={styles.nav} aria-label={t("panesNav")}>
        <TabList
          className={styles.tabs}
          selectedValue={selected}
          onTabSelect={onTabSelect}
          size="medium"
          aria-label={t("panesNav")}
        >
          {panes.map((p) => (
            <Tab
              key={p.id}
              id={`tab-${p.id}`}
              value={p.id}
              icon={p.icon}
              aria-controls={`panel-${p.id}`}
              data-pane-tab={p.id}
            >
              {t(p.title)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main>
        {panes
          .filter((p) => visited.has(p.id))
          .map((p) => {
            const Pane = p.component;
            return (
              <div
                key={p.id}
                id={`panel-${p.id}`}
                role="tabpanel"
                aria-labelledby={`tab-${p.id}`}
                hidden={p.id !== selected}
                className={styles.panel}
                data-pane={p.id}
              >
                <PaneErrorBoundary>
                  <Suspense fallback={<Spinner size="small" label={t("loadingPane")} />}>
                    <Pane />
                  </Suspense>
                </PaneErrorBoundary>
              </div>
            );
          })}
      </main>
    </div>
  );
}

/**
 * The task pane application: theme from Office (or the system), language from the user's
 * choice / Office / the browser, the host for where it runs, and the registered panes.
 */
export function App(props: { environment: PaneEnvironment; host: WorkbookHost; panes?: readonly PaneDefinition[] }) {
  const { environment, host, panes = PANES } = props;
  const styles = useStyles();
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(browserStore(), environment.language));
  const systemDark = useSystemPrefersDark();
  const dark = wantsDark(environment, systemDark);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    storeLocale(browserStore(), next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, "appName");
  }, [locale]);

  return (
    <FluentProvider
      theme={dark ? DARK_THEME : LIGHT_THEME}
      className={styles.provider}
      data-theme={dark ? "dark" : "light"}
      data-locale={locale}
    >
      <LocaleProvider locale={locale} onLocaleChange={setLocale}>
        <HostProvider host={host}>
          <Shell host={host} panes={panes} />
        </HostProvider>
      </LocaleProvider>
    </FluentProvider>
  );
}
