import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../core/i18n/text";
import { STRINGS } from "../i18n/strings";
import { useLocale, useT } from "../i18n/useT";

const useStyles = makeStyles({
  group: { display: "inline-flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
});

const OPTIONS: readonly { locale: Locale; label: string; lang: string }[] = [
  { locale: "zh-CN", label: STRINGS.languageZh.zh, lang: "zh-CN" },
  { locale: "en-US", label: STRINGS.languageEn.en, lang: "en" },
];

/**
 * 中文 / English. Each option is written in its own language (so someone who cannot read the
 * current one still finds theirs); the group's name is given in both.
 */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const styles = useStyles();
  return (
    <div
      role="group"
      aria-label={`${STRINGS.languageGroup.zh} / ${STRINGS.languageGroup.en}`}
      title={t("languageGroup")}
      className={styles.group}
    >
      {OPTIONS.map((o) => (
        <ToggleButton
          key={o.locale}
          size="small"
          appearance={locale === o.locale ? "primary" : "subtle"}
          checked={locale === o.locale}
          lang={o.lang}
          data-locale-option={o.locale}
          onClick={() => setLocale(o.locale)}
        >
          {o.label}
        </ToggleButton>
      ))}
    </div>
  );
}
