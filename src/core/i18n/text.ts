/**
 * Bilingual text. Everything a user reads exists in zh-CN and en-US (RULES.md#languages), so the
 * core never returns a bare string for people: it returns a `Text` and the host picks.
 */
export type Locale = "zh-CN" | "en-US";

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** Builds a Text. `text("分数", "score")`. */
export function text(zh: string, en: string): Text {
  return { zh, en };
}

/** The string for a locale. `pick(text("是", "yes"), "en-US")` → "yes". */
export function pick(t: Text, locale: Locale): string {
  return locale === "zh-CN" ? t.zh : t.en;
}

/**
 * Office reports its display language as a BCP-47 tag ("zh-CN", "zh-Hans-CN", "en-GB", ...).
 * Any Chinese variant maps to zh-CN (the only Chinese we ship); everything else to en-US.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  return typeof tag === "string" && /^zh\b/i.test(tag.trim()) ? "zh-CN" : "en-US";
}

/** Joins texts language by language: `joinText([a, b], "; ")`. */
export function joinText(parts: readonly Text[], separator = " "): Text {
  return {
    zh: parts.map((p) => p.zh).join(separator === " " ? "" : separator),
    en: parts.map((p) => p.en).join(separator),
  };
}
