import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { pick, type Locale, type Text } from "../../core/i18n/text";
import { interpolate, type Params } from "./format";
import { STRINGS, type StringKey } from "./strings";

/** Translates a pane string key, or picks the language of any Text (e.g. a Problem's message). */
export type Translate = (what: StringKey | Text, params?: Params) => string;

interface LocaleState {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider(props: {
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  children: ReactNode;
}) {
  const { locale, onLocaleChange, children } = props;
  const value = useMemo(() => ({ locale, setLocale: onLocaleChange }), [locale, onLocaleChange]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The chosen language and its setter. Must be used under <LocaleProvider>. */
export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error("useLocale/useT used outside <LocaleProvider>");
  return state;
}

/** `translate("zh-CN", "settingsCreated", { sheet: "考核参数" })`: the non-hook form. */
export function translate(locale: Locale, what: StringKey | Text, params?: Params): string {
  const t = typeof what === "string" ? STRINGS[what] : what;
  return interpolate(pick(t, locale), params);
}

/**
 * `const t = useT(); t("settingsCreate")`, `t("progressCount", { done, total })`,
 * `t(problem.message)`. Re-renders when the language switches.
 */
export function useT(): Translate {
  const { locale } = useLocale();
  return useCallback<Translate>((what, params) => translate(locale, what, params), [locale]);
}
